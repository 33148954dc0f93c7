// The journeys in Firefox (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi: no geckodriver. Console errors and uncaught errors come from
// BiDi's log events; blocked storage is a preload script (evaluateOnNewDocument).
// Run alone: `make test-firefox` (or `node --test e2e-engines/firefox.test.mjs`
// with dist/ built).
import puppeteer from 'puppeteer-core';
import { runJourneys } from './harness.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const KEYS = { Space: ' ' };

/** What some private modes do: merely reading window.localStorage throws. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

let browser;

runJourneys({
  name: 'firefox',
  portOffset: 0,
  async start() {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: {
        // No update checks or telemetry from the test profile.
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    });
  },
  async stop() {
    await browser?.close();
  },
  // Firefox lets a service worker run on http://127.0.0.1 (a secure context).
  skip: {},
  async site(server) {
    return server;
  },
  async newSession({ blockStorage: block }) {
    // A new user context: its own cookies, storage and service workers.
    const context = await browser.createBrowserContext();
    const tab = async () => {
      const page = await context.newPage();
      const problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.text().includes('panicked')) problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message ?? e}`));
      if (block) await page.evaluateOnNewDocument(blockStorage);
      // Pages the journey answers itself (answer()), every other request as it is.
      let answers = [];
      // Only while interception is on: otherwise every request would be
      // "continued" with interception off, which rejects (unhandled, and
      // node --test then fails the whole file).
      let intercepting = false;
      page.on('request', (r) => {
        if (!intercepting || r.isInterceptResolutionHandled()) return;
        const found = answers.find(([p]) => r.url().startsWith(p));
        if (found) r.respond({ status: 200, contentType: 'text/html', body: found[1] });
        else r.continue();
      });
      const answer = async (prefix, html) => {
        answers.push([prefix, html]);
        await page.setRequestInterception(true);
        intercepting = true;
        return async () => {
          answers = answers.filter(([p]) => p !== prefix);
          if (answers.length === 0) {
            intercepting = false;
            await page.setRequestInterception(false);
          }
        };
      };
      return {
        goto: (url) => page.goto(url, { waitUntil: 'load' }).then(() => {}),
        reload: () => page.reload({ waitUntil: 'load' }).then(() => {}),
        url: async () => page.url(),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async element(fn, arg) {
          const handle = await page.evaluateHandle(fn, arg);
          const el = handle.asElement();
          if (!el) await handle.dispose();
          return el;
        },
        click: (el) => el.click(),
        press: (key) => page.keyboard.press(KEYS[key] ?? key),
        type: (text) => page.keyboard.type(text),
        setViewport: (width, height) => page.setViewport({ width, height }),
        screenshot: (path) => page.screenshot({ path }),
        problems: async () => problems.slice(),
        newTab: () => tab(),
        answer,
        close: () => context.close(),
      };
    };
    return tab();
  },
});
