// Runs before the page's own scripts in WebKit, where the driver cannot run a
// preload script (WebKitWebDriver speaks classic WebDriver only, without BiDi
// or a log endpoint). The test proxy puts it first in <head>. It records what
// a console would show as an error: console.error calls (the panic hook uses
// them), uncaught errors, unhandled rejections, resources that failed to load
// and CSP violations, in sessionStorage so that they outlive a navigation.
// The test proxy of the blocked-storage journey sets BLOCK_STORAGE to true.
(() => {
  const BLOCK_STORAGE = false;
  const KEY = '__closerEngineErrors';
  const record = (text) => {
    window.__closerEngineErrors.push(text);
    try {
      const all = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
      all.push(`${text} (${location.pathname})`);
      sessionStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      /* sessionStorage unavailable: the in-page list still has it */
    }
  };
  // Present from the first page on, so a run can tell that the collector ran at all.
  window.__closerEngineErrors = [];
  try {
    if (sessionStorage.getItem(KEY) === null) sessionStorage.setItem(KEY, '[]');
  } catch {
    /* see record */
  }
  const show = (args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
  for (const level of ['error', 'warn', 'log']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      const text = show(args);
      if (level === 'error' || text.includes('panicked')) record(`console.${level}: ${text}`);
      original(...args);
    };
  }
  addEventListener(
    'error',
    (e) => {
      if (e.target && e.target !== window) record(`failed to load: ${e.target.src ?? e.target.href ?? e.target.tagName}`);
      else record(`uncaught: ${e.message}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => record(`unhandled rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => record(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  if (BLOCK_STORAGE) {
    // What some private modes do: merely reading window.localStorage throws.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }
})();
