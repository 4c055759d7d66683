// followup-lint serve: the page. Talks only to the server it came from
// (POST /api/lint, GET /api/rules); keeps the context form in localStorage.
'use strict';

(() => {
  const LINT_DELAY_MS = 300;
  const MAX_FILE_BYTES = 1 << 20;
  const STORAGE_KEY = 'followup-lint.context.v1';
  const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
  const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };
  const KIND_LABEL = {
    'thank-you': 'thank-you note',
    'status-inquiry': 'status inquiry',
    'rejection-reply': 'reply to a rejection',
    unknown: 'not clear from the text',
  };
  // Shapes differ per severity, so the icon reads without its colour.
  const ICONS = {
    error: '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor"/><path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></svg>',
    warning: '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.2L15.3 14.3H.7z" fill="currentColor" stroke-linejoin="round"/><path d="M8 6v3.9" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.9" r="1" fill="#fff"/></svg>',
    info: '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="7.2" fill="currentColor"/><path d="M8 7.2v4.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="4.7" r="1.05" fill="#fff"/></svg>',
  };
  const FORMAT_OF_EXTENSION = { txt: 'txt', md: 'md', markdown: 'md', eml: 'eml', html: 'html', htm: 'html' };

  const $ = (id) => document.getElementById(id);
  const ui = {
    draft: $('draft'), mirror: $('mirror'), editor: $('editor'), format: $('format'),
    fileInput: $('file-input'), openFile: $('open-file'), fileStatus: $('file-status'),
    fixAll: $('fix-all'), copy: $('copy'), download: $('download'),
    findings: $('findings'), noFindings: $('no-findings'), lintStatus: $('lint-status'),
    kindValue: $('kind-value'), kindSource: $('kind-source'), changeKind: $('change-kind'),
    form: $('context-form'), clearContext: $('clear-context'), dateNote: $('date-note'),
    announcer: $('announcer'), findingsHeading: $('findings-heading'),
  };

  const state = {
    baseName: 'draft',        // file name without extension
    findings: [],             // diagnostics with UTF-16 ranges into ui.draft.value
    shownText: '',            // the text `findings` point into
    kind: null,
    rules: new Map(),         // rule id -> {summary, explain}
    timer: 0,
    controller: null,
    sequence: 0,
    userContext: loadUserContext(),  // fields the person set themselves
    draftContext: {},                // fields read from the draft's headers
    lastSignature: '',
  };

  // ---- Positions: line/column in code points -> JS string indices ----------

  function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }

  // Columns count code points; an astral character (emoji) is two UTF-16 units.
  function toIndex(text, starts, line, column) {
    if (line < 1) return 0;
    if (line > starts.length) return text.length;
    let i = starts[line - 1];
    for (let c = 1; c < column && i < text.length && text[i] !== '\n'; c++) {
      const code = text.codePointAt(i);
      i += code > 0xffff ? 2 : 1;
    }
    return i;
  }

  function rangeOf(text, starts, p) {
    const from = toIndex(text, starts, p.line, p.column);
    const to = toIndex(text, starts, p.end_line ?? p.line, p.end_column ?? p.column);
    return { from: Math.min(from, to), to: Math.max(from, to) };
  }

  function withRanges(text, diagnostics) {
    const starts = lineStarts(text);
    return diagnostics.map((d, n) => {
      const f = { ...d, n, ...rangeOf(text, starts, d) };
      if (d.fix) f.fix = { ...d.fix, ...rangeOf(text, starts, d.fix) };
      return f;
    });
  }

  // Moves findings from `before` to `after` (one edit between them): ranges
  // after the edit shift, ranges it touched are dropped until the next lint.
  function remap(findings, before, after) {
    if (before === after) return findings;
    let p = 0;
    const max = Math.min(before.length, after.length);
    while (p < max && before[p] === after[p]) p++;
    let s = 0;
    while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
    const editEnd = before.length - s;
    const delta = after.length - before.length;
    const move = (r) => {
      if (r.to <= p && r.from < p) return r;
      if (r.from >= editEnd && !(r.from === p && r.to === p)) return { ...r, from: r.from + delta, to: r.to + delta };
      return null;
    };
    const out = [];
    for (const f of findings) {
      const r = move(f);
      if (!r) continue;
      if (f.fix) r.fix = move(f.fix);
      out.push(r);
    }
    return out;
  }

  // ---- Rendering the underlines -------------------------------------------

  // A finding with an empty span still gets one character to underline.
  function visibleRange(f, text) {
    if (f.to > f.from) return [f.from, f.to];
    if (f.from < text.length && text[f.from] !== '\n') return [f.from, f.from + 1];
    if (f.from > 0) return [f.from - 1, f.from];
    return [0, Math.min(1, text.length)];
  }

  function renderMirror() {
    const text = ui.draft.value;
    const spans = state.findings
      .map((f) => ({ f, r: visibleRange(f, text) }))
      .filter(({ r }) => r[1] > r[0]);
    const cuts = new Set([0, text.length]);
    for (const { r } of spans) { cuts.add(r[0]); cuts.add(r[1]); }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const over = spans.filter(({ r }) => r[0] <= a && r[1] >= b).map(({ f }) => f);
      if (over.length === 0) { frag.append(piece); continue; }
      const top = over.reduce((x, y) => (SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x));
      const mark = document.createElement('mark');
      mark.className = `sev-${top.severity}`;
      mark.dataset.rules = over.map((f) => f.rule).join(' ');
      mark.dataset.findings = over.map((f) => f.n).join(' ');
      mark.textContent = piece;
      frag.append(mark);
    }
    frag.append('\u200b');  // keeps a trailing empty line as tall as in the textarea
    ui.mirror.replaceChildren(frag);
  }

  function growTextarea() {
    ui.draft.style.height = 'auto';
    ui.draft.style.height = `${ui.draft.scrollHeight + 2}px`;
  }

  // ---- Rendering the findings list ----------------------------------------

  function icon(severity) {
    const span = document.createElement('span');
    span.className = 'icon';
    span.innerHTML = ICONS[severity] || ICONS.info;
    return span;
  }

  function quote(s, max = 40) {
    const flat = s.replace(/\s+/g, ' ');
    return `‘${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}’`;
  }

  function fixLabel(f, text) {
    const old = text.slice(f.fix.from, f.fix.to);
    const repl = f.fix.replacement;
    if (!old) return `Fix: insert ${quote(repl)}`;
    if (!repl) return `Fix: remove ${quote(old)}`;
    return `Fix: replace ${quote(old)} with ${quote(repl)}`;
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function findingItem(f, text) {
    const li = element('li', `finding sev-${f.severity}`);
    li.dataset.rule = f.rule;
    li.dataset.n = f.n;
    const head = element('div', 'finding-head');
    head.append(icon(f.severity));
    const go = element('button', 'goto');
    go.type = 'button';
    go.dataset.focusKey = `goto:${f.rule}:${f.from}`;
    go.append(element('span', 'visually-hidden', `${SEVERITY_LABEL[f.severity] || f.severity}: `), f.message);
    go.addEventListener('click', () => selectInDraft(f));
    head.append(go);
    li.append(head);
    const meta = element('p', 'meta');
    meta.append(element('code', '', f.rule), ` · line ${f.line}, column ${f.column}`);
    li.append(meta);
    if (f.help) li.append(element('p', 'help', f.help));
    li.append(findingActions(f, text));
    return li;
  }

  function findingActions(f, text) {
    const actions = element('div', 'finding-actions');
    if (f.fix) {
      const fix = element('button', 'fix', fixLabel(f, text));
      fix.type = 'button';
      fix.dataset.focusKey = `fix:${f.rule}:${f.from}`;
      fix.addEventListener('click', () => applyFixes([f], fixLabel(f, text).replace(/^Fix: /, '')));
      actions.append(fix);
    }
    const explain = element('details', 'explain');
    explain.append(element('summary', '', 'About this rule'));
    const rule = state.rules.get(f.rule);
    explain.append(element('pre', '', rule ? (rule.explain || rule.summary || '') : 'The explanation is not available.'));
    actions.append(explain);
    return actions;
  }

  function renderFindings() {
    const text = ui.draft.value;
    const sorted = [...state.findings].sort((a, b) => a.from - b.from || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    const signature = JSON.stringify(sorted.map((f) => [f.rule, f.from, f.to, f.message, f.fix && f.fix.from]));
    if (signature !== state.lastSignature) {
      const focus = captureFocus();
      ui.findings.replaceChildren(...sorted.map((f) => findingItem(f, text)));
      restoreFocus(focus);
      state.lastSignature = signature;
    }
    ui.noFindings.hidden = sorted.length > 0 || !text.trim();
    renderCounts();
    ui.fixAll.disabled = safeFixes().length === 0;
    ui.fixAll.textContent = `Apply all safe fixes (${safeFixes().length})`;
    markCaret();
  }

  function renderCounts() {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of state.findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
    const words = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] };
    for (const sev of Object.keys(counts)) {
      const box = document.querySelector(`.summary .sev-${sev}`);
      box.querySelector('.n').textContent = counts[sev];
      box.querySelector('.word').textContent = words[sev][counts[sev] === 1 ? 0 : 1];
    }
  }

  // The list is rebuilt when results change; keep the keyboard where it was.
  function captureFocus() {
    const el = document.activeElement;
    if (!el || !ui.findings.contains(el)) return null;
    const item = el.closest('.finding');
    return { key: el.dataset.focusKey, index: [...ui.findings.children].indexOf(item) };
  }

  function restoreFocus(focus) {
    if (!focus) return;
    const same = focus.key && ui.findings.querySelector(`[data-focus-key="${CSS.escape(focus.key)}"]`);
    if (same) { same.focus(); return; }
    const items = ui.findings.children;
    const item = items[Math.min(focus.index, items.length - 1)];
    (item ? item.querySelector('.goto') : ui.findingsHeading).focus();
  }

  function renderKind() {
    const chosen = formContext().kind;
    const kind = chosen || state.kind;
    ui.kindValue.textContent = kind ? (KIND_LABEL[kind] || kind) : 'not known yet';
    ui.kindSource.textContent = chosen ? '(chosen by you)' : state.kind ? '(read from the text)' : '';
  }

  function render() {
    growTextarea();
    renderMirror();
    renderFindings();
    renderKind();
  }

  // ---- Selecting, fixing, copying ------------------------------------------

  function selectInDraft(f) {
    ui.draft.focus();
    ui.draft.setSelectionRange(f.from, f.to);
    const mark = ui.mirror.querySelector(`mark[data-findings~="${f.n}"]`);
    if (mark) mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function markCaret() {
    const at = ui.draft.selectionStart;
    const here = new Set(state.findings.filter((f) => document.activeElement === ui.draft && f.from <= at && at <= f.to).map((f) => String(f.n)));
    for (const li of ui.findings.children) li.classList.toggle('at-caret', here.has(li.dataset.n));
  }

  // A fix without "safe": false in the JSON is safe.
  function safeFixes() {
    return state.findings.filter((f) => f.fix && f.fix.safe !== false);
  }

  // Non-overlapping fixes, applied from the end so earlier ranges stay valid.
  function corrected(text, findings) {
    const fixes = findings.map((f) => f.fix).filter(Boolean).sort((a, b) => b.from - a.from);
    let out = text;
    let limit = Infinity;
    for (const fix of fixes) {
      if (fix.to > limit) continue;
      out = out.slice(0, fix.from) + fix.replacement + out.slice(fix.to);
      limit = fix.from;
    }
    return out;
  }

  // Replaces only the changed part, through the editing commands when the
  // browser has them, so that Ctrl+Z undoes a fix.
  function replaceDraft(next) {
    const before = ui.draft.value;
    let p = 0;
    while (p < before.length && p < next.length && before[p] === next[p]) p++;
    let s = 0;
    while (s < before.length - p && s < next.length - p && before[before.length - 1 - s] === next[next.length - 1 - s]) s++;
    const focused = document.activeElement;
    ui.draft.focus({ preventScroll: true });
    ui.draft.setSelectionRange(p, before.length - s);
    const inserted = next.slice(p, next.length - s);
    let done = false;
    try { done = document.execCommand('insertText', false, inserted); } catch (e) { done = false; }
    if (!done || ui.draft.value !== next) {
      ui.draft.value = next;
      ui.draft.dispatchEvent(new Event('input'));
    }
    if (focused && focused !== ui.draft && document.contains(focused)) focused.focus({ preventScroll: true });
  }

  function applyFixes(findings, description) {
    const before = ui.draft.value;
    const next = corrected(before, findings);
    if (next === before) return;
    replaceDraft(next);
    announce(`Applied: ${description}.`);
    lintNow();
  }

  function correctedText() {
    return corrected(ui.draft.value, safeFixes());
  }

  async function copyCorrected() {
    const text = correctedText();
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // Older browsers, or a page not seen as a secure context.
      const scratch = element('textarea');
      scratch.value = text;
      scratch.setAttribute('aria-hidden', 'true');
      scratch.style.position = 'fixed';
      scratch.style.opacity = '0';
      document.body.append(scratch);
      scratch.select();
      document.execCommand('copy');
      scratch.remove();
      ui.copy.focus();
    }
    announce('The corrected text is on the clipboard.');
  }

  function downloadCorrected() {
    const blob = new Blob([correctedText()], { type: 'text/plain;charset=utf-8' });
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename();
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    announce(`Downloaded ${filename()}.`);
  }

  function announce(message) {
    ui.announcer.textContent = '';
    setTimeout(() => { ui.announcer.textContent = message; }, 50);
  }

  // ---- Linting ------------------------------------------------------------

  function filename() {
    return `${state.baseName}.${ui.format.value}`;
  }

  function scheduleLint(delay = LINT_DELAY_MS) {
    clearTimeout(state.timer);
    state.timer = setTimeout(lintNow, delay);
  }

  async function lintNow() {
    clearTimeout(state.timer);
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    const sequence = ++state.sequence;
    const text = ui.draft.value;
    const body = JSON.stringify({ text, filename: filename(), context: requestContext() });
    try {
      const res = await fetch('/api/lint', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: controller.signal,
      });
      const doc = await res.json();
      if (sequence !== state.sequence) return;
      if (!res.ok) throw new Error(doc.error || `the server answered ${res.status}`);
      showResults(doc, text);
    } catch (e) {
      if (e.name === 'AbortError' || sequence !== state.sequence) return;
      ui.lintStatus.textContent = `Could not check the draft: ${e.message}`;
      ui.lintStatus.classList.add('error');
    }
  }

  function showResults(doc, sentText) {
    const file = (doc.files && doc.files[0]) || { diagnostics: [] };
    // The person may have typed on while the request was out.
    state.findings = remap(withRanges(sentText, file.diagnostics || []), sentText, ui.draft.value);
    state.shownText = ui.draft.value;
    state.kind = file.kind || null;
    ui.lintStatus.textContent = '';
    ui.lintStatus.classList.remove('error');
    render();
    document.body.dataset.linted = String(state.sequence);
  }

  function onDraftInput() {
    state.findings = remap(state.findings, state.shownText, ui.draft.value);
    state.shownText = ui.draft.value;
    fillFromDraft();
    render();
    scheduleLint();
  }

  // ---- Context form ---------------------------------------------------------

  function loadUserContext() {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY)) || {}; } catch (e) { return {}; }
  }

  function saveUserContext() {
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(state.userContext)); } catch (e) { /* private mode */ }
  }

  function fieldValue(el) {
    return el.type === 'checkbox' ? el.checked : el.value.trim();
  }

  function formContext() {
    const out = {};
    for (const el of ui.form.elements) if (el.name) out[el.name] = fieldValue(el);
    return out;
  }

  // The form as context keys of SPEC §3; empty fields are left out, so the
  // rules that need them stay silent.
  function requestContext() {
    const form = formContext();
    const ctx = {};
    for (const [key, value] of Object.entries(form)) {
      if (value === '' || value === false) continue;
      ctx[key] = value;
    }
    if (ctx.interviewers) ctx.interviewers = splitNames(ctx.interviewers);
    if (ctx.interview_date && ctx.interview_date.length === 16) ctx.interview_date += ':00';
    return ctx;
  }

  function splitNames(s) {
    return s.split(/\s*(?:[,;]|\band\b)\s*/).map((n) => n.trim()).filter(Boolean);
  }

  function applyFormValues() {
    for (const el of ui.form.elements) {
      if (!el.name) continue;
      const own = Object.prototype.hasOwnProperty.call(state.userContext, el.name);
      const value = own ? state.userContext[el.name] : (state.draftContext[el.name] ?? '');
      if (el.type === 'checkbox') el.checked = Boolean(value); else el.value = value;
      const fromDraft = !own && Boolean(state.draftContext[el.name]);
      el.classList.toggle('from-draft', fromDraft);
      const label = ui.form.querySelector(`label[for="${el.id}"]`);
      let tag = label && label.querySelector('.tag');
      if (fromDraft && label && !tag) { tag = element('span', 'tag', '(from the draft)'); label.append(tag); }
      if (!fromDraft && tag) tag.remove();
    }
  }

  function onFormInput(event) {
    const el = event.target;
    if (!el.name) return;
    state.userContext[el.name] = fieldValue(el);
    el.classList.remove('from-draft');
    const tag = ui.form.querySelector(`label[for="${el.id}"] .tag`);
    if (tag) tag.remove();
    saveUserContext();
    renderKind();
    scheduleLint(150);
  }

  // ---- Reading the draft's own header lines -----------------------------------

  // "Name: value" lines at the top (folded lines joined), up to a blank line.
  function headerLines(text) {
    const headers = {};
    let last = null;
    for (const line of text.split('\n').slice(0, 60)) {
      if (!line.trim()) break;
      if (/^[ \t]/.test(line) && last) { headers[last] += ` ${line.trim()}`; continue; }
      const m = /^([A-Za-z][A-Za-z-]*):\s*(.*)$/.exec(line);
      if (!m) break;
      last = m[1].toLowerCase();
      if (!(last in headers)) headers[last] = m[2];
    }
    return headers;
  }

  // "Sam Jones <sam@x>, "Smith, Lee" <lee@x>" -> ["Sam Jones", "Lee Smith"]
  function displayNames(value) {
    const names = [];
    for (const m of value.matchAll(/\s*(?:"([^"]*)"|([^,<"]*?))\s*(?:<[^>]*>)?\s*(?:,|$)/g)) {
      let name = (m[1] ?? m[2] ?? '').trim();
      if (!name || name.includes('@') || name.startsWith('=?')) continue;
      const comma = /^([^,]+),\s*(.+)$/.exec(name);
      if (comma) name = `${comma[2]} ${comma[1]}`;
      names.push(name);
      if (m[0] === '') break;
    }
    return names;
  }

  function positionFromSubject(subject) {
    const m = /\b(?:for|about)\s+the\s+(.+?)\s+(?:position|role|job|opening)\b/i.exec(subject)
      || /[–—-]\s*(.+?)\s+(?:interview|position|role)\b/i.exec(subject);
    return m ? m[1].trim() : '';
  }

  function fillFromDraft() {
    const h = headerLines(ui.draft.value);
    const found = {};
    if (h.to) found.interviewers = displayNames(h.to).join(', ');
    if (h.from) found.candidate = displayNames(h.from)[0] || '';
    if (h.subject) found.position = positionFromSubject(h.subject);
    const changed = JSON.stringify(found) !== JSON.stringify(state.draftContext);
    state.draftContext = found;
    ui.dateNote.hidden = !h.date;
    ui.dateNote.textContent = h.date ? `The draft's Date: line (${h.date}) is taken as when it was sent.` : '';
    if (changed) applyFormValues();
  }

  // ---- Files ------------------------------------------------------------------

  function decode(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch (e) {
      return { text: new TextDecoder('windows-1252').decode(bytes), note: 'It is not UTF-8; it was read as Windows-1252.' };
    }
  }

  async function openFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      ui.fileStatus.textContent = `${file.name} is over 1 MB: that is not a note.`;
      return;
    }
    const { text, note } = decode(new Uint8Array(await file.arrayBuffer()));
    const dot = file.name.lastIndexOf('.');
    const ext = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
    state.baseName = dot > 0 ? file.name.slice(0, dot) : file.name || 'draft';
    ui.format.value = FORMAT_OF_EXTENSION[ext] || 'txt';
    ui.draft.value = text;  // the textarea turns CRLF into LF
    ui.fileStatus.textContent = `Opened ${file.name}.${note ? ` ${note}` : ''}`;
    state.findings = [];
    state.shownText = ui.draft.value;
    fillFromDraft();
    render();
    lintNow();
  }

  function onDrop(event) {
    const file = event.dataTransfer && event.dataTransfer.files[0];
    ui.editor.classList.remove('dragging');
    if (!file) return;  // dropped text: let the textarea insert it
    event.preventDefault();
    openFile(file);
  }

  function hasFiles(event) {
    return event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  }

  // ---- Rules --------------------------------------------------------------

  async function loadRules() {
    try {
      const res = await fetch('/api/rules');
      const doc = await res.json();
      for (const r of (Array.isArray(doc) ? doc : doc.rules || [])) {
        state.rules.set(r.id, { summary: r.summary || r.description || '', explain: r.explain || r.docs || '' });
      }
      state.lastSignature = '';  // rebuild the list with the explanations
      renderFindings();
    } catch (e) { /* the findings still show; only the explanations are missing */ }
  }

  // ---- Wiring -------------------------------------------------------------

  function init() {
    for (const sev of Object.keys(SEVERITY_RANK)) {
      document.querySelector(`.summary .sev-${sev} .icon`).innerHTML = ICONS[sev];
    }
    ui.draft.addEventListener('input', onDraftInput);
    for (const type of ['keyup', 'click', 'focus', 'blur']) ui.draft.addEventListener(type, markCaret);
    ui.format.addEventListener('change', () => lintNow());
    ui.openFile.addEventListener('click', () => ui.fileInput.click());
    ui.fileInput.addEventListener('change', () => { openFile(ui.fileInput.files[0]); ui.fileInput.value = ''; });
    ui.editor.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); ui.editor.classList.add('dragging'); } });
    ui.editor.addEventListener('dragleave', () => ui.editor.classList.remove('dragging'));
    ui.editor.addEventListener('drop', onDrop);
    // A file dropped beside the editor would make the browser leave the page.
    document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
    document.addEventListener('drop', (e) => { if (hasFiles(e)) { e.preventDefault(); openFile(e.dataTransfer.files[0]); } });
    ui.fixAll.addEventListener('click', () => {
      const fixes = safeFixes();
      applyFixes(fixes, `${fixes.length} safe ${fixes.length === 1 ? 'fix' : 'fixes'}`);
    });
    ui.copy.addEventListener('click', copyCorrected);
    ui.download.addEventListener('click', downloadCorrected);
    ui.form.addEventListener('input', onFormInput);
    ui.form.addEventListener('change', onFormInput);
    ui.form.addEventListener('submit', (e) => e.preventDefault());
    ui.clearContext.addEventListener('click', () => {
      state.userContext = {};
      saveUserContext();
      applyFormValues();
      renderKind();
      lintNow();
      announce('The answers about the interview are cleared.');
    });
    ui.changeKind.addEventListener('click', () => {
      const select = $('ctx-kind');
      select.scrollIntoView({ block: 'center' });
      select.focus();
    });
    window.addEventListener('resize', () => growTextarea());
    applyFormValues();
    render();
    loadRules();
    lintNow();
  }

  init();
})();
