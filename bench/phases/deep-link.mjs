// Phase "deep-link": two pages opened by their links on a slow phone, as a
// first visit: Slow 4G (lib/chromium.mjs SLOW_4G), 4x CPU, an empty cache (a
// new browser context each run), the worker's registration stubbed out.
//
//   card     a lesson card's own link (its prerendered page, dist/lessons/…/<card>.html);
//   compare  a shared compare link, /compare#<code> (dist/compare.html, which
//            says what is arriving until the app has read the code).
//
// Two times per visit, from navigation start: `painted`, the page as a person
// can use it (the card's heading with its words and its "Next" link, a plain
// link to the next card's page that works before the wasm; on the compare
// link, the text saying what is arriving, or the preview itself), and
// `interactive`, that plus the app mounted (TrunkApplicationStarted and
// closer-mounted) and, on the compare link, the app's preview of the shared
// check-in shown. `painted` is timed against a static copy of the same screen
// served at the same path from a temporary copy of the build, with every
// script and preload removed: for the card the DOM the app rendered for it,
// for the compare link the prerendered compare.html with the `shared-link`
// class that its first-screen script sets on a link. Runs interleaved, the
// median of each, its spread (min-max), and the ratio painted / static copy
// (issue #13: "a lesson card and a compare link opened by their links paint
// their real content as fast as a static copy").
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SLOW_4G, appMounted, initScript, noServiceWorker, throttle } from '../lib/chromium.mjs';
import { CPU_THROTTLE, MOBILE, OUT_DIR, RUNS, log } from '../lib/config.mjs';
import { staticPage } from '../lib/html.mjs';
import { serve, stop, warm } from '../lib/serve.mjs';
import { median, round } from '../lib/stats.mjs';

// The first card of the first lesson of the first section (content/course.toml:
// section "basics", lesson "what-is-intimacy", card "definition", "A working
// definition", card 1 of 6), by its own link: dist/lessons/basics/what-is-intimacy/definition.html.
export const CARD_LINK = 'lessons/basics/what-is-intimacy/definition';

// A share code as the app writes it: the reference code pinned by
// crates/core/tests/share_code.rs (the_reference_code_is_stable: "Sam",
// picture 4 of 7, five ratings, day 20,789) and shown as the example in
// /compare's hint, 040Y-XNTZ-A4TG-6MV1-DQSW-6BCG, without its hyphens as the
// share panel's link carries it. Opened in the built app it shows the preview
// "Sam shared a check-in" (every app run below checks that heading).
export const SHARE_CODE = '040YXNTZA4TG6MV1DQSW6BCG';
export const COMPARE_LINK = `compare#${SHARE_CODE}`;
const SHARED_BY = 'Sam';

// The first words of compare.html's `.link-arriving` block (src/pages/compare.rs).
const ARRIVING = 'Someone has shared a check-in with you';

/**
 * In the page, from before its first frame: checks at every frame
 * (requestAnimationFrame, i.e. just before the frame that paints what the
 * check sees) whether the screen is painted and, when `needsApp`, whether it
 * is interactive; records performance.now() (milliseconds since navigation
 * start) in window.__bench.painted and .interactive, and what was seen. Visible
 * means checkVisibility({visibilityProperty: true}): laid out, not display:
 * none, not visibility: hidden.
 * - card: `main article h2` with its words and the card's "Next" link (an
 *   <a> with an href, not aria-disabled) visible; interactive when that holds
 *   with the app mounted (the app's own card, the same check).
 * - compare: the arriving text (the first paragraph of `.link-arriving`) or
 *   the preview's heading (`#received-title`, "… shared a check-in") visible;
 *   interactive when the preview's heading is visible with the app mounted.
 */
function watch({ kind, needsApp, arriving }) {
  const bench = window.__bench;
  bench.painted = null;
  bench.paintedBy = null;
  bench.interactive = null;
  bench.seen = null;
  const visible = (el) => !!el && el.checkVisibility({ visibilityProperty: true });
  const mounted = () => bench.started != null && bench.trunkStarted != null;
  const card = () => {
    const heading = document.querySelector('main article h2');
    const next = [...document.querySelectorAll('main a')].find((a) => /^Next(\s*→)?$/.test(a.textContent.trim()));
    const ok =
      visible(heading) && heading.textContent.trim() !== '' &&
      visible(next) && !!next.getAttribute('href') && next.getAttribute('aria-disabled') !== 'true';
    return ok ? { title: heading.textContent.trim(), position: document.getElementById('lesson-position')?.textContent.trim() ?? null } : null;
  };
  const preview = () => {
    const h = document.getElementById('received-title');
    return visible(h) && /shared a check-in$/.test(h.textContent.trim()) ? h.textContent.trim() : null;
  };
  const arrivingText = () => {
    const p = document.querySelector('main .link-arriving p');
    return visible(p) && p.textContent.trim().startsWith(arriving) ? p.textContent.trim() : null;
  };
  const tick = () => {
    const now = performance.now();
    if (kind === 'card') {
      const c = card();
      if (c && bench.painted == null) {
        bench.painted = now;
        bench.paintedBy = 'card';
        bench.seen = c;
      }
      if (c && needsApp && mounted()) bench.interactive = now;
    } else {
      const p = preview();
      const a = p ? null : arrivingText();
      if ((p || a) && bench.painted == null) {
        bench.painted = now;
        bench.paintedBy = p ? 'preview' : 'arriving';
        bench.seen = p ?? a;
      }
      if (p && needsApp && mounted()) {
        bench.interactive = now;
        bench.preview = p;
      }
    }
    if (bench.painted == null || (needsApp && bench.interactive == null)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function newPage(browser, arg) {
  const context = await browser.newContext(MOBILE);
  await context.addInitScript(initScript);
  // A first visit registers the worker as the app mounts; its install then
  // downloads every file for offline use (phases/precache.mjs), after the
  // screen is usable. Left out so that no run's end competes with it.
  await context.addInitScript(noServiceWorker);
  await context.addInitScript(watch, { ...arg, arriving: ARRIVING });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** One first visit on a slow phone; resolves with its timings (ms since navigation start). */
async function visit(browser, url, kind, needsApp) {
  const { context, page, errors } = await newPage(browser, { kind, needsApp });
  try {
    await throttle(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (needsApp) => window.__bench?.painted != null && (!needsApp || window.__bench.interactive != null),
      needsApp,
      { timeout: 90000, polling: 100 },
    );
    // For the record beside `painted` (not timed by it): the browser's own first contentful paint.
    await page
      .waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 5000 })
      .catch(() => {});
    const t = await page.evaluate(() => {
      const b = window.__bench;
      const paint = (name) => performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? null;
      return {
        painted: b.painted,
        interactive: b.interactive,
        paintedBy: b.paintedBy,
        trunkStarted: b.trunkStarted,
        mounted: b.started,
        fcp: paint('first-contentful-paint'),
        seen: b.seen,
        preview: b.preview ?? null,
        // What the page had asked for by the time it was painted (a diagnosis, not a figure).
        requestedBeforePaint: performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < b.painted)
          .map((e) => `${new URL(e.name).pathname} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ms`),
      };
    });
    if (errors.length) throw new Error(`page error at ${url}: ${errors[0]}`);
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
  } finally {
    await context.close();
  }
}

/** The card as the app renders it (no throttling), as a static page. */
async function staticCard(browser, url) {
  const { context, page, errors } = await newPage(browser, { kind: 'card', needsApp: true });
  try {
    await page.goto(url);
    await appMounted(page);
    await page.waitForFunction(() => window.__bench.interactive != null);
    const html = await page.content();
    if (await page.evaluate(() => !!document.getElementById('prerender'))) throw new Error('deep link: the prerendered screen is still in the DOM after the app mounted');
    if (errors.length) throw new Error(`page error at ${url}: ${errors[0]}`);
    return staticPage(html);
  } finally {
    await context.close();
  }
}

/** compare.html as a shared link shows it before the app runs: `shared-link` on <html>, no scripts. */
function staticArriving(site) {
  const html = readFileSync(join(site, 'compare.html'), 'utf8');
  let marked = false;
  const out = html.replace(/<html\b[^>]*>/i, (tag) => {
    marked = true;
    return /\bclass\s*=\s*"/i.test(tag) ? tag.replace(/\bclass\s*=\s*"/i, 'class="shared-link ') : tag.replace(/>$/, ' class="shared-link">');
  });
  if (!marked) throw new Error('compare.html has no <html> tag');
  return staticPage(out);
}

const spread = (xs) => {
  const v = xs.filter((x) => x != null);
  return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v) } : null;
};

function summarise(path, runs) {
  const painted = { app: spread(runs.app.map((r) => r.painted)), static: spread(runs.static.map((r) => r.painted)) };
  const interactive = spread(runs.app.map((r) => r.interactive));
  const ratio = (x) => (x && painted.static?.median ? round(x / painted.static.median, 3) : null);
  return {
    path: `/${path}`,
    shows: runs.app[0].seen,
    painted: { ...painted, ratio: ratio(painted.app?.median) },
    interactive: { app: interactive, ratioToStatic: ratio(interactive?.median) },
    allRuns: runs,
  };
}

export async function measureDeepLink(browser, app, site, tmp) {
  const cardUrl = new URL(CARD_LINK, app.url).href;
  const compareUrl = new URL(COMPARE_LINK, app.url).href;
  const cardHtml = await staticCard(browser, cardUrl);
  const arrivingHtml = staticArriving(site);
  // Served at the same paths: e2e/serve.mjs answers /x with x.html.
  const dir = join(tmp, 'deep-link');
  cpSync(site, dir, { recursive: true });
  mkdirSync(dirname(join(dir, `${CARD_LINK}.html`)), { recursive: true });
  writeFileSync(join(dir, `${CARD_LINK}.html`), cardHtml);
  writeFileSync(join(dir, 'compare.html'), arrivingHtml);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'deep-link.html'), cardHtml);
  writeFileSync(join(OUT_DIR, 'compare-link.html'), arrivingHtml);
  const server = await serve(dir);
  try {
    await warm(server, dir);
    const targets = [
      ['card', cardUrl, new URL(CARD_LINK, server.url).href],
      ['compare', compareUrl, new URL(COMPARE_LINK, server.url).href],
    ];
    const runs = { card: { app: [], static: [] }, compare: { app: [], static: [] } };
    // Interleaved, so that all see the same machine load.
    for (let i = 0; i < RUNS.deepLink; i++) {
      log(`deep links ${i + 1}/${RUNS.deepLink}: card and compare link, app and static copy (Slow 4G, CPU ${CPU_THROTTLE}x)`);
      for (const [kind, appUrl, staticUrl] of targets) {
        runs[kind].app.push(await visit(browser, appUrl, kind, true));
        runs[kind].static.push(await visit(browser, staticUrl, kind, false));
      }
    }
    const want = runs.card.app[0].seen;
    for (const r of [...runs.card.app, ...runs.card.static]) {
      if (r.seen?.title !== want.title || r.seen?.position !== want.position) {
        throw new Error(`deep link: one visit shows "${r.seen?.title}" (${r.seen?.position}), the first "${want.title}" (${want.position})`);
      }
    }
    for (const r of runs.compare.app) {
      if (r.preview !== `${SHARED_BY} shared a check-in`) throw new Error(`compare link: the app's preview says "${r.preview}", not "${SHARED_BY} shared a check-in"`);
    }
    for (const r of runs.compare.static) {
      if (r.paintedBy !== 'arriving') throw new Error(`compare link: the static copy showed ${r.paintedBy}, not the arriving text`);
    }
    return {
      measure: {
        painted: 'navigation start to the screen a person can use: the card\'s heading with its words and its "Next" link visible; on the compare link the arriving text (or the preview) visible',
        interactive: 'painted, and the app mounted (TrunkApplicationStarted and closer-mounted); on the compare link the app\'s preview of the shared check-in visible',
        static: 'the same screen with every script and preload removed, at the same path: the DOM the app rendered for the card; compare.html with the shared-link class',
      },
      conditions: { network: SLOW_4G, cpuThrottle: CPU_THROTTLE, cache: 'empty', serviceWorker: 'not registered' },
      runs: RUNS.deepLink,
      card: summarise(CARD_LINK, runs.card),
      compare: summarise(COMPARE_LINK, runs.compare),
      staticPages: [join(OUT_DIR, 'deep-link.html'), join(OUT_DIR, 'compare-link.html')],
    };
  } finally {
    await stop(server);
  }
}
