// The journeys in WebKit (WebKitGTK's MiniBrowser, Safari's engine), driven by
// selenium-webdriver against WebKitWebDriver under a private Xvfb display.
// WebKitWebDriver here speaks classic WebDriver only (no BiDi: no preload
// scripts, no log events), so the test proxy of harness.mjs puts preload.js
// first in every page: it records console errors and uncaught errors, and in
// the blocked-storage journey makes the localStorage getter throw.
// Every session is a fresh, ephemeral MiniBrowser: no storage or worker carries over.
// Run alone: `make test-webkit` (or `node --test e2e-engines/webkit.test.mjs`
// with dist/ built).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Builder, Key } from 'selenium-webdriver';
import { injectingProxy, ROOT, runJourneys, stopChild } from './harness.mjs';
import { recordedErrors } from './page.mjs';

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const PRELOAD = readFileSync(join(ROOT, 'e2e-engines/preload.js'), 'utf8');
const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowDown: Key.ARROW_DOWN };

let xvfb;
let driver;
let driverUrl;

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (so two runs on one machine never clash). */
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { child, display };
}

async function waitForDriver(url) {
  const end = Date.now() + 15_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

runJourneys({
  name: 'webkit',
  portOffset: 20,
  async start() {
    xvfb = await startXvfb();
    const port = await freePort();
    driver = spawn(DRIVER, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DISPLAY: xvfb.display } });
    driverUrl = `http://127.0.0.1:${port}`;
    await waitForDriver(driverUrl);
  },
  async stop() {
    if (driver) await stopChild(driver);
    if (xvfb) await stopChild(xvfb.child);
  },
  // WebKitWebDriver has no way to answer a request for another origin.
  skip: { answer: 'WebKitWebDriver cannot answer requests (the journey runs in Firefox)' },
  site(server, { blockStorage, port }) {
    const preload = blockStorage ? PRELOAD.replace('const BLOCK_STORAGE = false;', 'const BLOCK_STORAGE = true;') : PRELOAD;
    return injectingProxy(port, server, preload);
  },
  async newSession() {
    const d = await new Builder()
      .usingServer(driverUrl)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await d.manage().window().setRect({ width: 1280, height: 800 });
    // Tabs share the session: each command first switches to its own tab.
    let current = await d.getWindowHandle();
    const tab = (handle) => {
      const on = async () => {
        if (current !== handle) {
          await d.switchTo().window(handle);
          current = handle;
        }
        return d;
      };
      return {
        goto: async (url) => (await on()).get(url),
        reload: async () => (await on()).navigate().refresh(),
        url: async () => (await on()).getCurrentUrl(),
        evaluate: async (fn, arg) => (await on()).executeScript(fn, arg),
        element: async (fn, arg) => (await on()).executeScript(fn, arg),
        click: async (el) => (await on(), el.click()),
        press: async (key) => (await on()).actions({ async: true }).sendKeys(KEYS[key] ?? key).perform(),
        type: async (text) => (await on()).actions({ async: true }).sendKeys(text).perform(),
        async setViewport(width, height) {
          // The window's outer size includes MiniBrowser's toolbar: correct by what the page sees.
          // GTK keeps the window at least as wide as that toolbar (447 px here), so a narrower
          // width is not reached; the caller can read innerWidth.
          await (await on()).manage().window().setRect({ width, height });
          const [w, h] = await d.executeScript(() => [innerWidth, innerHeight]);
          await d.manage().window().setRect({ width: Math.max(width, Math.round(2 * width - w)), height: Math.round(2 * height - h) });
        },
        async screenshot(path) {
          writeFileSync(path, Buffer.from(await (await on()).takeScreenshot(), 'base64'));
        },
        async problems() {
          const stored = await (await on()).executeScript(() => {
            try {
              return JSON.parse(sessionStorage.getItem('__closerEngineErrors') ?? '[]');
            } catch {
              return null;
            }
          });
          const here = stored ?? (await d.executeScript(recordedErrors));
          return here ?? ['the error collector (preload.js) never ran in this page'];
        },
        async newTab() {
          await on();
          // A window, not a tab: MiniBrowser keeps a new tab hidden, where requestAnimationFrame (and so the app's start) waits.
          await d.switchTo().newWindow('window');
          current = await d.getWindowHandle();
          return tab(current);
        },
        close: () => d.quit(),
      };
    };
    return tab(current);
  },
});
