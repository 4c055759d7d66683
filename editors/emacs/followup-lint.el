;;; followup-lint.el --- followup-lint drafts with eglot  -*- lexical-binding: t; -*-

;; Put this file on your load-path and (require 'followup-lint), or copy the
;; forms below into your init file. Needs eglot (built into Emacs 29; the
;; elpa-eglot package or M-x package-install RET eglot on Emacs 28).

;;; Code:

(require 'eglot)

(defgroup followup-lint nil
  "Lint the notes you write after a job interview."
  :group 'tools)

(defcustom followup-lint-command '("followup-lint" "--lsp")
  "The language server command; extra flags (--config, --kind) go after --lsp."
  :type '(repeat string))

(defcustom followup-lint-modes '(text-mode markdown-mode gfm-mode message-mode mhtml-mode html-mode)
  "Major modes whose buffers are linted when a .followup-lint.toml is above them."
  :type '(repeat symbol))

(define-derived-mode followup-draft-mode text-mode "Follow-up"
  "Major mode for follow-up drafts (thank-you notes, status inquiries, ...).")

;; Files ending in .followup, or any .txt under a folder named drafts/, are
;; drafts wherever they are.
(add-to-list 'auto-mode-alist '("\\.followup\\'" . followup-draft-mode))
(add-to-list 'auto-mode-alist '("/drafts/[^/]*\\.txt\\'" . followup-draft-mode))

(add-to-list 'eglot-server-programs
             `((followup-draft-mode ,@followup-lint-modes) . ,(lambda (&rest _) followup-lint-command)))

(defun followup-lint-maybe-enable ()
  "Start followup-lint in a draft, or in a text, Markdown, mail or HTML
buffer whose file has a .followup-lint.toml in its folder or above."
  (when (or (derived-mode-p 'followup-draft-mode)
            (and buffer-file-name
                 (apply #'derived-mode-p followup-lint-modes)
                 (locate-dominating-file buffer-file-name ".followup-lint.toml")))
    (eglot-ensure)))

(add-hook 'followup-draft-mode-hook #'followup-lint-maybe-enable)
(dolist (mode followup-lint-modes)
  (add-hook (intern (format "%s-hook" mode)) #'followup-lint-maybe-enable))

(provide 'followup-lint)
;;; followup-lint.el ends here
