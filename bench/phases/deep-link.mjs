// Phase "deep-link": a lesson opened by its link on a slow phone, as a first
// visit: Slow 4G (lib/chromium.mjs SLOW_4G), 4x CPU, an empty cache (a new
// browser context each run). Time from navigation start to a usable card: its
// heading (the card's own words) and its "Next" button visible, the button
// enabled, and (for the app) the app started and mounted. The same against a static copy of that card: the DOM the app
// rendered for it with every script and preload removed, served from a
// temporary copy of the build. Runs interleaved, median of each, and the ratio.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLOW_4G, appMounted, initScript, noServiceWorker, throttle } from '../lib/chromium.mjs';
import { CPU_THROTTLE, MOBILE, OUT_DIR, RUNS, log } from '../lib/config.mjs';
import { staticPage } from '../lib/html.mjs';
import { serve, stop, warm } from '../lib/serve.mjs';
import { median, round } from '../lib/stats.mjs';

// The first lesson of the first section (content/course.toml: section "basics",
// lesson "what-is-intimacy"), by its link without a card: the app opens card 1.
export const DEEP_LINK = 'lessons/basics/what-is-intimacy';

/**
 * In the page, from before its first frame: checks at every frame
 * (requestAnimationFrame, i.e. just before the frame that paints what the
 * check sees) for the card's heading with its words and its "Next" button,
 * visible (checkVisibility: laid out, not display: none, not visibility:
 * hidden), the button not disabled, and, when
 * `needsApp`, for the app's TrunkApplicationStarted and closer-mounted
 * (initScript). Records performance.now(), i.e. milliseconds since navigation
 * start, in window.__bench.usable (and .nextVisible for the button alone).
 */
function watchUsable(needsApp) {
  const bench = window.__bench;
  bench.usable = null;
  bench.nextVisible = null;
  const tick = () => {
    const next = [...document.querySelectorAll('main button')].find((b) => /^Next\b/.test(b.textContent.trim()));
    const shown = !!next && !next.disabled && next.checkVisibility({ visibilityProperty: true });
    // The card's own words (its prose is a file of its own, src/prose.rs), not a placeholder.
    const heading = document.querySelector('main article h2');
    const words = !!heading && heading.textContent.trim() !== '' && heading.checkVisibility({ visibilityProperty: true });
    const now = performance.now();
    if (shown && bench.nextVisible == null) bench.nextVisible = now;
    if (shown && words && (!needsApp || (bench.started != null && bench.trunkStarted != null))) {
      bench.usable = now;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** One first visit on a slow phone; resolves with its timings (ms since navigation start). */
async function visit(browser, url, needsApp) {
  const context = await browser.newContext(MOBILE);
  await context.addInitScript(initScript);
  // A first visit registers the worker as the app mounts; its install then
  // downloads every file for offline use (phases/precache.mjs), after the card
  // is usable. Left out so that no run's end competes with it.
  await context.addInitScript(noServiceWorker);
  await context.addInitScript(watchUsable, needsApp);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await throttle(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.usable != null, null, { timeout: 90000, polling: 100 });
    const t = await page.evaluate(() => {
      const b = window.__bench;
      const paint = (name) => performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? null;
      return {
        usable: b.usable,
        nextVisible: b.nextVisible,
        trunkStarted: b.trunkStarted,
        mounted: b.started,
        fcp: paint('first-contentful-paint'),
        title: document.querySelector('main article.card h2')?.textContent.trim() ?? null,
        position: document.getElementById('lesson-position')?.textContent.trim() ?? null,
      };
    });
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
  } finally {
    await context.close();
  }
}

/** The card as the app renders it (no throttling), as a static page. */
async function staticCopy(browser, url) {
  const context = await browser.newContext(MOBILE);
  await context.addInitScript(initScript);
  await context.addInitScript(noServiceWorker);
  await context.addInitScript(watchUsable, true);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await appMounted(page);
    await page.waitForFunction(() => window.__bench.usable != null);
    const html = await page.content();
    if (await page.evaluate(() => !!document.getElementById('prerender'))) throw new Error('deep link: the prerendered home page is still in the DOM');
    return staticPage(html);
  } finally {
    await context.close();
  }
}

export async function measureDeepLink(browser, app, site, tmp) {
  const appUrl = new URL(DEEP_LINK, app.url).href;
  const html = await staticCopy(browser, appUrl);
  // Served at the same path: e2e/serve.mjs answers a folder with its index.html.
  const dir = join(tmp, 'deep-link');
  cpSync(site, dir, { recursive: true });
  mkdirSync(join(dir, DEEP_LINK), { recursive: true });
  writeFileSync(join(dir, DEEP_LINK, 'index.html'), html);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'deep-link.html'), html);
  const server = await serve(dir);
  try {
    await warm(server, dir);
    const staticUrl = new URL(DEEP_LINK, server.url).href;
    const runs = { app: [], static: [] };
    // Interleaved, so that both see the same machine load.
    for (let i = 0; i < RUNS.deepLink; i++) {
      log(`deep link ${i + 1}/${RUNS.deepLink} (Slow 4G, CPU ${CPU_THROTTLE}x)`);
      runs.app.push(await visit(browser, appUrl, true));
      runs.static.push(await visit(browser, staticUrl, false));
    }
    for (const r of runs.static) {
      if (r.title !== runs.app[0].title || r.position !== runs.app[0].position) {
        throw new Error(`deep link: the static copy shows "${r.title}" (${r.position}), the app "${runs.app[0].title}" (${runs.app[0].position})`);
      }
    }
    const app = median(runs.app.map((r) => r.usable));
    const copy = median(runs.static.map((r) => r.usable));
    return {
      measure: 'navigation start to the card usable: its heading with words and "Next" visible, "Next" enabled, and for the app TrunkApplicationStarted and closer-mounted',
      path: `/${DEEP_LINK}`,
      card: { title: runs.app[0].title, position: runs.app[0].position },
      conditions: { network: SLOW_4G, cpuThrottle: CPU_THROTTLE, cache: 'empty', serviceWorker: 'not registered' },
      runs: RUNS.deepLink,
      app,
      static: copy,
      ratio: app && copy ? app / copy : null,
      staticPage: join(OUT_DIR, 'deep-link.html'),
      allRuns: runs,
    };
  } finally {
    await stop(server);
  }
}
