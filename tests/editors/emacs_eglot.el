;;; emacs_eglot.el --- drives Emacs 28 + eglot 1.9 for tests/editors/emacs_eglot_test.cpp  -*- lexical-binding: t; -*-
;; Opens draft.txt (a plain .txt, not in drafts/, with a .followup-lint.toml
;; beside it) through editors/emacs/followup-lint.el and writes to $OUT: the
;; rule of each diagnostic, the hover's kind and text, the line a quick fix
;; rewrote, and the rules after the config on disk turns
;; cliche.soft-skill off and the draft is edited.

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(add-to-list 'load-path (getenv "PLUGIN_DIR"))
(require 'followup-lint)
(setq followup-lint-command (list (getenv "FOLLOWUP_BINARY") "--lsp"))
(setq eglot-send-changes-idle-time 0.1)

(defvar out-lines nil)
(defun out (fmt &rest args) (push (apply #'format fmt args) out-lines))
(defun finish ()
  (with-temp-file (getenv "OUT") (insert (mapconcat #'identity (reverse out-lines) "\n") "\n"))
  (kill-emacs 0))

(defun wait-until (predicate what)
  (let ((tries 0))
    (while (and (< tries 300) (not (funcall predicate)))
      (accept-process-output nil 0.1)
      (setq tries (1+ tries)))
    (unless (funcall predicate) (out "--timeout waiting for %s--" what) (finish))))

(defun rules ()
  (mapcar (lambda (d)
            (let ((text (flymake-diagnostic-text d)))
              (if (string-match "\\[\\([a-z.-]+\\)\\]" text) (match-string 1 text) text)))
          eglot--diagnostics))

(find-file (expand-file-name "draft.txt"))
(run-hooks 'post-command-hook)  ; eglot-ensure connects from there
(wait-until (lambda () eglot--diagnostics) "diagnostics")
(out "mode %s" major-mode)
(dolist (rule (rules)) (out "rule %s" rule))

;; Hover over 'team player' (line 8).
(goto-char (point-min))
(forward-line 7)
(forward-char 9)
(let* ((reply (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams)))
       (contents (plist-get reply :contents)))
  (out "--hover %s--" (plist-get contents :kind))
  (out "%s" (plist-get contents :value))
  (out "--end hover--"))

;; The quick fix for 'Cheers,' (line 12).
(goto-char (point-min))
(forward-line 11)
(let* ((actions (eglot-code-actions (point) (line-end-position) "quickfix"))
       (fix (seq-find (lambda (a) (string-prefix-p "replace with" (plist-get a :title))) actions)))
  (if (not fix)
      (out "--no quick fix--")
    (eglot--apply-workspace-edit (plist-get fix :edit))
    (out "fixed line: %s" (buffer-substring (line-beginning-position) (line-end-position)))))

;; The config changes on disk; the next edit brings the new settings.
(with-temp-file (getenv "CONFIG") (insert "[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n"))
(set-file-times (getenv "CONFIG") (time-add (current-time) 10))
(goto-char (point-max))
(insert "\n")
(eglot--signal-textDocument/didChange)  ; what eglot's idle timer does (idle timers do not run in batch)
(wait-until (lambda () (and eglot--diagnostics (not (member "cliche.soft-skill" (rules))))) "the reload")
(out "--after reload--")
(dolist (rule (rules)) (out "rule %s" rule))
(finish)
