// The budgets, and which of them a run keeps.
import { RUNS } from './config.mjs';
import { kib, ms, score } from './report.mjs';

// Interaction latency is timed two ways (phases/interactions.mjs); the budget applies to this one.
export const LATENCY_BUDGET_METHOD = 'aligned';

// The deep links budgeted (phases/deep-link.mjs), by their key in results.deepLink.
export const DEEP_LINKS = [
  ['card', "card's link, painted / static copy"],
  ['compare', 'compare link, painted / static copy'],
];

// Issue #24's budgets.
export const BUDGETS = {
  usableBrotli: 30 * 1024, // the home page's words and links: index.html and its stylesheets, brotli
  firstLoadBrotli: 180 * 1024, // bytes the home page fetches until the app has mounted, as sent (brotli)
  mountedBrotli: 180 * 1024, // the main piece of the wasm and its JS glue, brotli: what every page needs to mount
  lcpRatio: 1.05, // app LCP / static page LCP (Lighthouse)
  deepLinkRatio: 1.05, // a card's link and a compare link (phases/deep-link.mjs): painted, app / static copy of the same screen
  deepLinkInteractive: 2000, // ms, the same links: the app mounted (a choice gives feedback)
  lighthouse: 1, // performance, accessibility, best practices of the app
  p95: 16, // ms, each interaction at 4x CPU
};

/** The home page's words and links: index.html and its stylesheets, brotli; null if not measured. */
export function usableBytes(r) {
  const kinds = ['html', 'css'].map((k) => r.bytes?.byKind?.[k]?.brotli);
  return kinds.some((b) => b == null) ? null : kinds.reduce((a, b) => a + b, 0);
}

export function checkBudgets(r) {
  const out = [];
  const add = (name, limitText, measured, ok, over) =>
    out.push({ name, budget: limitText, measured, ok, detail: ok ? 'ok' : over });
  const usable = usableBytes(r) ?? NaN;
  add('home page usable, brotli', `<= ${kib(BUDGETS.usableBrotli)}`, Number.isNaN(usable) ? 'n/a' : kib(usable), usable <= BUDGETS.usableBrotli,
    Number.isNaN(usable) ? 'not measured' : `${kib(usable)} of index.html and its stylesheets is ${kib(usable - BUDGETS.usableBrotli)} over ${kib(BUDGETS.usableBrotli)}`);
  const br = r.firstLoad?.needed.encoded;
  if (br == null) {
    add('first load, brotli', `<= ${kib(BUDGETS.firstLoadBrotli)}`, 'n/a', false, `not measured: ${(r.errors['first-load'] ?? 'no run').split('\n')[0]}`);
  } else {
    add('first load, brotli', `<= ${kib(BUDGETS.firstLoadBrotli)}`, kib(br), br <= BUDGETS.firstLoadBrotli,
      `${kib(br)} fetched before the home page is interactive is ${kib(br - BUDGETS.firstLoadBrotli)} over ${kib(BUDGETS.firstLoadBrotli)} (${(br / BUDGETS.firstLoadBrotli).toFixed(2)}x)`);
  }
  const mounted = r.appBytes?.home?.mounted?.brotli;
  if (mounted == null) add('main piece + glue, brotli', `<= ${kib(BUDGETS.mountedBrotli)}`, 'n/a', false, 'not measured');
  else add('main piece + glue, brotli', `<= ${kib(BUDGETS.mountedBrotli)}`, kib(mounted), mounted <= BUDGETS.mountedBrotli,
    `${kib(mounted)} is ${kib(mounted - BUDGETS.mountedBrotli)} over ${kib(BUDGETS.mountedBrotli)}`);
  const lh = r.lighthouse;
  const lhError = (name) => [...(lh?.errors?.[name] ?? []), r.errors.lighthouse].filter(Boolean)[0] ?? 'no run';
  if (lh?.lcpRatio == null) {
    const why = !lh?.app ? `app: ${lhError('app')}` : `static page: ${lhError('limit')}`;
    add('LCP app / static page', `<= ${BUDGETS.lcpRatio.toFixed(2)}`, 'n/a', false, `not measured: ${why}`);
  } else {
    add('LCP app / static page', `<= ${BUDGETS.lcpRatio.toFixed(2)}`, lh.lcpRatio.toFixed(2), lh.lcpRatio <= BUDGETS.lcpRatio,
      `${lh.lcpRatio.toFixed(2)} (${ms(lh.app.metrics.lcp)} vs ${ms(lh.limit.metrics.lcp)}), ${((lh.lcpRatio / BUDGETS.lcpRatio - 1) * 100).toFixed(0)}% over ${BUDGETS.lcpRatio}`);
  }
  if (!lh?.app) {
    add('Lighthouse (app)', '= 1.00', 'n/a', false, `not measured: ${lhError('app')}`);
  } else {
    for (const [key, name] of [['performance', 'performance'], ['accessibility', 'accessibility'], ['bestPractices', 'best practices']]) {
      const s = lh.app.scores[key];
      const misses = lh.app.notPassing[key === 'bestPractices' ? 'best-practices' : key] ?? [];
      add(`Lighthouse ${name}`, `= ${BUDGETS.lighthouse.toFixed(2)}`, score(s), s >= BUDGETS.lighthouse,
        `${score(s)}, ${(BUDGETS.lighthouse - s).toFixed(2)} short${misses.length ? `; not passing: ${misses.join(', ')}` : ''}`);
    }
  }
  const dl = r.deepLink;
  for (const [key, name] of DEEP_LINKS) {
    const x = dl?.[key];
    const budget = `<= ${BUDGETS.deepLinkRatio.toFixed(2)}`;
    if (x?.painted?.ratio == null) {
      add(name, budget, 'n/a', false, `not measured: ${(r.errors['deep-link'] ?? 'no run').split('\n')[0]}`);
    } else {
      const q = x.painted.ratio;
      add(name, budget, q.toFixed(2), q <= BUDGETS.deepLinkRatio,
        `${q.toFixed(2)} (${ms(x.painted.app.median)} vs ${ms(x.painted.static.median)}), ${((q / BUDGETS.deepLinkRatio - 1) * 100).toFixed(0)}% over ${BUDGETS.deepLinkRatio}`);
    }
    const t = x?.interactive?.app?.median;
    const iname = `${key} link, interactive`;
    if (t == null) add(iname, `<= ${ms(BUDGETS.deepLinkInteractive)}`, 'n/a', false, 'not measured');
    else add(iname, `<= ${ms(BUDGETS.deepLinkInteractive)}`, ms(t), t <= BUDGETS.deepLinkInteractive, `${ms(t)} is ${ms(t - BUDGETS.deepLinkInteractive)} over ${ms(BUDGETS.deepLinkInteractive)}`);
  }
  const lat = r.latency;
  for (const [key, name] of [['next', '"Next" in a lesson'], ['check', '"Check" in the quiz']]) {
    const x = lat?.[key]?.[LATENCY_BUDGET_METHOD];
    if (!x) {
      add(`p95 latency, ${name}`, `<= ${BUDGETS.p95} ms`, 'n/a', false, 'not measured (see errors.interactions)');
    } else {
      const enough = x.n >= RUNS.latency;
      add(`p95 latency, ${name}`, `<= ${BUDGETS.p95} ms`, ms(x.p95), x.p95 <= BUDGETS.p95 && enough,
        enough ? `${ms(x.p95)} is ${ms(x.p95 - BUDGETS.p95)} over ${BUDGETS.p95} ms` : `only ${x.n} samples`);
    }
  }
  return out;
}
