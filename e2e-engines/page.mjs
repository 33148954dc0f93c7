// Functions that run inside the page, the same in every engine. Each is
// self-contained (the drivers send its source), so it may use nothing from
// this module's scope.

/**
 * Finds the first visible element that a person would call by this role and
 * name: `{ role, name, level, within, focused }`. `name` is a string (whole
 * name, spaces collapsed) or `{ re, flags }`. Roles: button, link, heading,
 * radio, checkbox, textbox, status, progressbar, text (any element whose own
 * text is the name). The accessible name is approximated the way this app
 * needs: aria-label, else aria-labelledby, else a label, else the text.
 */
export function findElement(q) {
  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const textOf = (el) => squash(el.innerText ?? el.textContent);
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return squash(el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by) return squash(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    if (el.labels && el.labels.length) return textOf(el.labels[0]);
    return textOf(el);
  };
  const matches = (name) => {
    if (q.name === undefined) return true;
    if (typeof q.name === 'string') return name === q.name;
    return new RegExp(q.name.re, q.name.flags ?? '').test(name);
  };
  const visible = (el) => {
    if (el.checkVisibility) return el.checkVisibility();
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  const selectors = {
    button: 'button, [role="button"]',
    link: 'a[href], [role="link"]',
    heading: q.level ? `h${q.level}` : 'h1, h2, h3, h4, h5, h6',
    radio: 'input[type="radio"]',
    checkbox: 'input[type="checkbox"]',
    textbox: 'textarea, input[type="text"], input:not([type])',
    status: '[role="status"], output',
    group: 'fieldset, [role="group"]',
    progressbar: 'progress, [role="progressbar"]',
    text: 'body *',
  };
  const root = q.within ? document.querySelector(q.within) : document;
  if (!root) return null;
  const candidates = [...root.querySelectorAll(selectors[q.role])];
  for (const el of candidates) {
    if (!visible(el)) continue;
    if (q.focused && el !== document.activeElement) continue;
    if (q.role === 'text') {
      // The innermost element with this text: none of its children has it all.
      const t = textOf(el);
      if (!matches(t)) continue;
      if ([...el.children].some((c) => matches(textOf(c)))) continue;
      return el;
    }
    if (matches(nameOf(el))) return el;
  }
  return null;
}

/** Whether the app itself (not the prerendered first screen) has drawn a page. */
export function appStarted() {
  return !document.getElementById('prerender') && !!document.querySelector('h1');
}

/** What the page has in localStorage under the progress key (null if blocked or empty). */
export function storedProgress() {
  try {
    return localStorage.getItem('closer.progress');
  } catch {
    return null;
  }
}

/** Whether a service worker controls this page and is active. */
export function workerControls() {
  return !!(navigator.serviceWorker && navigator.serviceWorker.controller);
}

/** The errors recorded by preload.js (WebKit), if it ran. */
export function recordedErrors() {
  return window.__closerEngineErrors ?? null;
}
