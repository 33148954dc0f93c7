// Phase "first-load": the bytes of the home page's first load, two ways.
//  - files (always, no browser): index.html and every css/js/wasm it
//    references, raw, gzip -9 and brotli 11 (results.bytes);
//  - observed (phase "first-load"): what Chromium really fetches, on Slow 4G
//    with 4x CPU and an empty cache, until the app is interactive
//    (results.firstLoad). The budget applies to this one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressed, kindOf, measureBytes } from '../lib/bytes.mjs';
import { SLOW_4G, appMounted, initScript, noServiceWorker, throttle } from '../lib/chromium.mjs';
import { CPU_THROTTLE, MOBILE } from '../lib/config.mjs';
import { round } from '../lib/stats.mjs';

/** index.html and every css/js/wasm it references, raw, gzip -9 and brotli 11. */
export function measureFirstLoadFiles(site) {
  return measureBytes(site);
}

/**
 * Loads the home page once and lists every response from Resource Timing (the
 * document's navigation entry and every resource entry): a response counts as
 * needed when it had ended by the time the app was interactive, i.e. had both
 * started (TrunkApplicationStarted) and mounted (closer-mounted). Sizes are
 * the bodies as sent (encodedBodySize: brotli from e2e/serve.mjs), without
 * headers (transferSize, which has them, is kept too).
 */
export async function measureFirstLoadObserved(browser, app, site) {
  const context = await browser.newContext(MOBILE);
  await context.addInitScript(initScript);
  // The worker's precache is measured on its own (phases/precache.mjs).
  await context.addInitScript(noServiceWorker);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await throttle(page);
    await page.goto(app.url, { waitUntil: 'commit' });
    await appMounted(page);
    // Whatever was still loading at that point is listed too, not counted.
    await page.waitForLoadState('networkidle', { timeout: 30000 }).catch(() => {});
    const seen = await page.evaluate(() => {
      const b = window.__bench;
      const entry = (e, type) => ({
        url: e.name,
        type,
        start: e.startTime,
        end: e.responseEnd,
        encoded: e.encodedBodySize,
        decoded: e.decodedBodySize,
        transfer: e.transferSize,
      });
      return {
        trunkStarted: b.trunkStarted,
        mounted: b.started,
        entries: [
          ...performance.getEntriesByType('navigation').map((e) => entry(e, 'navigation')),
          ...performance.getEntriesByType('resource').map((e) => entry(e, e.initiatorType)),
        ],
      };
    });
    const interactive = Math.max(seen.trunkStarted, seen.mounted);
    const base = new URL(app.url);
    const files = seen.entries.map((e) => {
      const url = new URL(e.url);
      const local = url.origin === base.origin;
      // The document of the home page is index.html.
      const path = local ? decodeURIComponent(url.pathname.slice(base.pathname.length)) || 'index.html' : e.url;
      let encoding = null;
      if (local) {
        try {
          const c = compressed(readFileSync(join(site, path)));
          encoding = e.encoded === c.brotli ? 'br' : e.encoded === c.gzip ? 'gzip' : e.encoded === c.raw ? 'identity' : 'unknown';
        } catch {
          /* not a file of the build */
        }
      }
      const when = e.end <= interactive ? 'needed' : e.start <= interactive ? 'inFlight' : 'after';
      return { path, kind: kindOf(path), type: e.type, when, encoding, encoded: e.encoded, decoded: e.decoded, transfer: e.transfer, start: round(e.start), end: round(e.end) };
    });
    const sum = (xs) => ({
      files: xs.length,
      encoded: xs.reduce((a, f) => a + f.encoded, 0),
      decoded: xs.reduce((a, f) => a + f.decoded, 0),
      transfer: xs.reduce((a, f) => a + f.transfer, 0),
    });
    const group = (when) => files.filter((f) => f.when === when);
    return {
      measure: 'responses ended before the app was interactive (TrunkApplicationStarted and closer-mounted), bodies as sent',
      conditions: { network: SLOW_4G, cpuThrottle: CPU_THROTTLE, cache: 'empty', serviceWorker: 'not registered' },
      interactiveAt: round(interactive),
      trunkStarted: round(seen.trunkStarted),
      mounted: round(seen.mounted),
      files,
      needed: sum(group('needed')),
      inFlight: sum(group('inFlight')),
      after: sum(group('after')),
      pageErrors: errors,
    };
  } finally {
    await context.close();
  }
}
