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

(define-derived-mode followup-draft-mode text-mode "Follow-up"
  "Major mode for follow-up drafts (thank-you notes, status inquiries, ...).")

;; Files ending in .followup, or any .txt under a folder named drafts/.
(add-to-list 'auto-mode-alist '("\\.followup\\'" . followup-draft-mode))
(add-to-list 'auto-mode-alist '("/drafts/[^/]*\\.txt\\'" . followup-draft-mode))

(add-to-list 'eglot-server-programs
             `(followup-draft-mode . ,(lambda (&rest _) followup-lint-command)))

(add-hook 'followup-draft-mode-hook #'eglot-ensure)

(provide 'followup-lint)
;;; followup-lint.el ends here
