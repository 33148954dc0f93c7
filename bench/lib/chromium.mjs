// Chromium through Playwright: launch options, the script the bench puts in
// every page, and waiting for the app.
import { chromium } from '@playwright/test';
import { CHROMIUM, CPU_THROTTLE } from './config.mjs';

export const BROWSER_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });

// Slow 4G as issue #13 and Lighthouse's mobile simulation define it: 150 ms
// round trip, 1.6 Mbit/s down, 750 kbit/s up (DevTools' "Slow 4G" preset is
// slower: 562.5 ms, 1.44 and 0.675 Mbit/s). Throughputs in bytes per second.
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/**
 * A slow phone for one page (DevTools protocol, before its navigation): every
 * request waits `latency` ms for its response headers and shares the
 * throughput, and the CPU runs `cpu` times slower.
 */
export async function throttle(page, { network = SLOW_4G, cpu = CPU_THROTTLE } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

/**
 * No service worker: its install would compete for the CPU and the network.
 * (Playwright's serviceWorkers: 'block' resolves register() with undefined,
 * which no browser does; a registration that never settles is quieter.)
 */
export function noServiceWorker() {
  if (navigator.serviceWorker) navigator.serviceWorker.register = () => new Promise(() => {});
}

// Runs before every document: records when Trunk's loader has started the app
// (dist/index.html: `dispatchEvent(new CustomEvent("TrunkApplicationStarted",
// {detail: {wasm}}))`, where `wasm` is the module's exports, memory included),
// and offers the timed click.
export function initScript() {
  const bench = (window.__bench = { started: null, trunkStarted: null, wasm: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    bench.trunkStarted = performance.now();
    bench.wasm = e.detail?.wasm ?? null;
  });
  // The app is interactive once it has replaced the prerendered screen (src/main.rs).
  addEventListener('closer-mounted', () => {
    bench.started = performance.now();
  });
  // The timed click, two ways (see "Interaction latency" in bench/README.md):
  // - 'frame' (the method): t0 = performance.now() just before
  //   el.click(); a MutationObserver on <main> until `done()` holds, then
  //   requestAnimationFrame: t1 in its callback. The click comes at a random
  //   point of the 16.7 ms frame interval, so t1 includes the wait for the next
  //   tick of the frame clock (0-16.7 ms, whatever the app does).
  // - 'aligned': the click happens at the start of a frame (in a rAF callback);
  //   t1 is when that frame's rendering (style, layout, paint) is done on the
  //   main thread, i.e. when a message posted at the click is delivered. If the
  //   update was not complete by then, t1 is the end of the rendering of the
  //   first frame after it. This is the work the click costs, in frame time.
  // Both also record `dom` (the DOM change seen) and `paint` (the rendering of
  // the frame at t1 done).
  const afterRendering = (cb) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = cb;
    ch.port2.postMessage(null);
  };
  bench.timeClick = (el, done, mode, timeout = 10000) =>
    new Promise((resolve, reject) => {
      const main = document.querySelector('main');
      let start = 0;
      let dom = null;
      let ownFrameRendered = false;
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`no update after clicking "${el.textContent.trim()}"`));
      }, timeout);
      const result = (frame) => {
        clearTimeout(timer);
        const paint = performance.now();
        // `frame` is null when the update made the click's own frame (aligned only).
        const f = frame == null ? null : frame - start;
        resolve({ mode, dom: dom - start, frame: f, paint: paint - start, value: mode === 'aligned' ? paint - start : f });
      };
      const nextFrame = () =>
        requestAnimationFrame(() => {
          const frame = performance.now();
          afterRendering(() => result(frame));
        });
      const mo = new MutationObserver(() => {
        if (dom != null || !done()) return;
        mo.disconnect();
        dom = performance.now();
        // Aligned and still inside the click's own frame: its rendering ends the timing.
        if (mode === 'aligned' && !ownFrameRendered) return;
        nextFrame();
      });
      mo.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
      const click = () => {
        start = performance.now();
        el.click();
        if (mode === 'aligned') {
          afterRendering(() => {
            ownFrameRendered = true;
            if (dom != null) result(null);
          });
        }
      };
      if (mode === 'aligned') requestAnimationFrame(click);
      else click();
    });
  // Settled: two frames and a task after them, so no earlier work spills into
  // a timing; for the 'frame' method, then a random wait within a frame interval.
  bench.settle = (mode) =>
    new Promise((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 10 + (mode === 'aligned' ? 0 : Math.random() * 16.7)))),
    );
}

/**
 * Waits until the app has started and mounted: both Trunk's
 * TrunkApplicationStarted (the loader's `init` has returned) and
 * `closer-mounted` (src/main.rs: the app has replaced the prerendered screen;
 * on the home page two frames after the start, on a deep link within it).
 */
export async function appMounted(page, timeout = 60000) {
  await page.waitForFunction(() => window.__bench?.started != null && window.__bench?.trunkStarted != null, null, { timeout });
}

/** Waits for `closer-mounted`: the app, not the prerendered screen, answers input. */
export async function appStarted(page, timeout = 60000) {
  await page.waitForFunction(() => window.__bench?.started != null, null, { timeout });
}
