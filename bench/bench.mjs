#!/usr/bin/env node
// Closer's performance benchmark: `make bench` (after a release build in dist/).
//
// It serves a copy of dist/ with e2e/serve.mjs (brotli/gzip, SPA fallback,
// like a real static host) on free ports of its own and runs the phases in
// bench/phases/, with what they share in bench/lib/:
//   first-load    the bytes of the first load: the files index.html names
//                 (raw, gzip -9, brotli 11), and what Chromium fetches until
//                 the app is interactive (Slow 4G, 4x CPU, empty cache);
//   precache      the bytes the service worker downloads for offline use;
//   lighthouse    Lighthouse (mobile defaults, Debian Chromium) for the app and
//                 for "the limit": the same index.html with every script and
//                 preload removed; scores, FCP, LCP, TBT, CLS, TTI, median of 3
//                 runs each, and the LCP and TTI ratios app/limit;
//   interactions  latency of "Next" in a lesson and "Check" in the quiz at 4x
//                 CPU, two ways (aligned: budgeted; frame), p50/p95 over >= 50
//                 clicks each; and memory (phases/memory.mjs): wasm linear
//                 memory and JS heap after walking every lesson and the quiz;
//   offline       a repeat visit with the server stopped (service worker only):
//                 navigation start to closer-mounted, median of 5;
//   deep-link     a lesson card's own link and a shared compare link
//                 (/compare#<code>) on a slow phone (Slow 4G, 4x CPU, empty
//                 cache): until painted (the card's words and "Next" link;
//                 the arriving text) and until interactive (the app mounted;
//                 its preview), against a static copy of each screen, median
//                 and spread of 5 each, and the ratio painted / static copy.
// Prints one table, writes bench-results/bench.json, shows each budget
// (lib/budgets.mjs) as met or not, and compares the run with the committed
// baseline (bench/baseline.json, lib/regression.mjs): exit 1 naming every
// figure that regressed beyond its noise band (or was not measured), 0
// otherwise. BENCH_BASELINE=write (`make bench-baseline`) writes this run as
// the new baseline instead, after a full run with no error.
//
// See bench/README.md. Environment: BENCH_QUICK=1 fewer repetitions and
// BENCH_ONLY=first-load,lighthouse,interactions,offline,deep-link (development only: the default
// run is the one that counts); BENCH_DIST=dir another build; CHROMIUM=path.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, checkBudgets } from './lib/budgets.mjs';
import { compressed, measureAppBytes, measureLanguages } from './lib/bytes.mjs';
import { launch } from './lib/chromium.mjs';
import { CPU_THROTTLE, DIST, MOBILE, ONLY, OUT_DIR, QUICK, RUNS, elapsed, git, log, phase } from './lib/config.mjs';
import { bodyText, staticPage } from './lib/html.mjs';
import { table } from './lib/report.mjs';
import { PHASE_OF, comparisonTable, compare, readBaseline, writeBaseline, BASELINE } from './lib/regression.mjs';
import { serve, stop, tempDirs, warm } from './lib/serve.mjs';
import { round } from './lib/stats.mjs';
import { CARD_LINK, measureDeepLink } from './phases/deep-link.mjs';
import { measureFirstLoadFiles, measureFirstLoadObserved } from './phases/first-load.mjs';
import { measureInteractions } from './phases/interactions.mjs';
import { measureLighthouse } from './phases/lighthouse.mjs';
import { measureOffline } from './phases/offline.mjs';
import { measurePrecache } from './phases/precache.mjs';

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`make build\` first`);
  const results = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) ? true : false,
    quick: QUICK,
    dist: DIST,
    chromium: null,
    config: { runs: RUNS, cpuThrottle: CPU_THROTTLE, budgets: BUDGETS, viewport: MOBILE },
    errors: {},
    // Timings mean little on a machine that is busy with other work: the 1-minute
    // load average at the start and at the end, against the number of cores.
    machine: { cores: availableParallelism(), loadStart: round(loadavg()[0], 2), loadEnd: null },
  };

  // A copy of DIST taken at the start: a rebuild of dist/ during the run
  // (another terminal, a test run) must not swap files under the measurement.
  const tmp = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  tempDirs.add(tmp);
  const site = join(tmp, 'app');
  cpSync(DIST, site, { recursive: true });
  log('bytes of the first load');
  results.bytes = measureFirstLoadFiles(site);
  // The main piece of the wasm and its glue (what every page mounts with),
  // and each budgeted page's own pieces.
  results.appBytes = {};
  for (const [key, file] of [['home', 'index.html'], ['card', `${CARD_LINK}.html`], ['compare', 'compare.html']]) {
    results.appBytes[key] = measureAppBytes(site, file);
  }
  // Each other language's own files (a reader of English fetches none of them).
  results.languages = measureLanguages(site);
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  results.limitPage = { prerendered: /\bid=["']?prerender\b/.test(html) };

  const limitDir = join(tmp, 'limit');
  cpSync(site, limitDir, { recursive: true });
  const limitHtml = staticPage(html);
  writeFileSync(join(limitDir, 'index.html'), limitHtml);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'limit.html'), limitHtml);
  results.limitPage.bytes = compressed(Buffer.from(limitHtml));

  const app = await serve(site);
  const limit = await serve(limitDir);
  await warm(app, site);
  await warm(limit, limitDir);
  limit.blank = results.limitPage.blank = bodyText(limitHtml) === '';
  try {
    try {
      log('bytes precached for offline');
      results.precache = await measurePrecache(app, site);
    } catch (e) {
      results.errors.precache = String(e.stack ?? e);
      log(`precache failed: ${e.message}`);
    }
    try {
      if (phase('lighthouse')) {
        // The full reports stay next to bench.json, for a look at any audit.
        const reports = join(OUT_DIR, 'lighthouse');
        rmSync(reports, { recursive: true, force: true });
        mkdirSync(reports, { recursive: true });
        results.lighthouse = await measureLighthouse(app, limit, reports);
      }
    } catch (e) {
      results.errors.lighthouse = String(e.stack ?? e);
      log(`Lighthouse failed: ${e.message}`);
    }
    const browser = await launch();
    results.chromium = browser.version();
    try {
      try {
        if (phase('first-load')) {
          log('first load in Chromium, until interactive (Slow 4G, CPU 4x)');
          results.firstLoad = await measureFirstLoadObserved(browser, app, site);
        }
      } catch (e) {
        results.errors['first-load'] = String(e.stack ?? e);
        log(`first load failed: ${e.message}`);
      }
      try {
        if (phase('interactions')) Object.assign(results, await measureInteractions(browser, app));
      } catch (e) {
        results.errors.interactions = String(e.stack ?? e);
        log(`latency/memory failed: ${e.message}`);
      }
      try {
        if (phase('offline')) {
          log('offline repeat visit');
          results.offline = await measureOffline(browser, site);
        }
      } catch (e) {
        results.errors.offline = String(e.stack ?? e);
        log(`offline failed: ${e.message}`);
      }
      try {
        if (phase('deep-link')) {
          log('deep links (a card, a compare link) on a slow phone, against static copies');
          results.deepLink = await measureDeepLink(browser, app, site, tmp);
        }
      } catch (e) {
        results.errors['deep-link'] = String(e.stack ?? e);
        log(`deep link failed: ${e.message}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stop(app);
    await stop(limit);
    rmSync(tmp, { recursive: true, force: true });
  }
  results.seconds = Math.round(elapsed() / 1000);
  results.machine.loadEnd = round(loadavg()[0], 2);

  results.budgets = checkBudgets(results);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(table(results));
  console.log(`\nWrote ${join(OUT_DIR, 'bench.json')} (${results.seconds} s).`);
  const failed = results.budgets.filter((b) => !b.ok);
  const errs = Object.entries(results.errors);
  for (const [phase, e] of errs) console.error(`\nERROR in ${phase}: ${e.split('\n')[0]}`);
  if (failed.length) {
    console.error(`\n${failed.length} budget(s) not met (goals, shown for information; the exit status comes from the baseline):`);
    for (const b of failed) console.error(`  - ${b.name}: ${b.detail}`);
  }
  if (results.pageErrors?.length) {
    console.error(`\nWARNING: ${results.pageErrors.length} page error(s) while walking the app: ${[...new Set(results.pageErrors)].join(' | ')}`);
  }
  const m = results.machine;
  const busy = Math.max(m.loadStart, m.loadEnd) > m.cores;
  if (busy) {
    console.error(`\nWARNING: the machine was busy (load average ${m.loadStart} at start, ${m.loadEnd} at end, ${m.cores} cores): timings are inflated.`);
  }
  if (QUICK || ONLY) console.error('\nBENCH_QUICK=1 or BENCH_ONLY: fewer repetitions than the benchmark requires; do not report these figures.');

  if (process.env.BENCH_BASELINE === 'write') {
    if (QUICK || ONLY || errs.length) {
      console.error('\nNot writing a baseline: it takes a full run (no BENCH_QUICK, no BENCH_ONLY) with no phase failing.');
      process.exitCode = 1;
      return;
    }
    writeBaseline(results);
    console.error(`\nWrote ${BASELINE}${busy ? ' (from a busy machine: consider a quieter run)' : ''}. Commit it with the reason it changed.`);
    process.exitCode = 0;
    return;
  }
  const baseline = readBaseline();
  if (!baseline) {
    console.error(`\n${BASELINE} is missing: write one with \`make bench-baseline\`.`);
    process.exitCode = 1;
    return;
  }
  const cmp = compare(baseline, results, { ran: (key) => !PHASE_OF[key] || phase(PHASE_OF[key]) });
  results.regression = { baseline: { commit: baseline.commit, date: baseline.date }, rows: cmp.rows.map(({ show, ...r }) => r) };
  writeFileSync(join(OUT_DIR, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\n' + comparisonTable(baseline, cmp));
  if (cmp.failed.length) {
    console.error(`\n${cmp.failed.length} figure(s) worse than the baseline beyond their noise band, or not measured:`);
    for (const r of cmp.failed) console.error(`  - ${r.name}: ${r.now == null ? 'not measured' : `${r.show(r.now)} against ${r.show(r.base)} (band ± ${r.show(r.allowed)})`}`);
    if (busy) console.error('  (the machine was busy: run again on a quiet one before believing a timing)');
  }
  const better = cmp.rows.filter((r) => r.verdict === 'better');
  if (better.length) console.error(`\nBetter than the baseline beyond the band: ${better.map((r) => r.name).join(', ')}. If that holds, \`make bench-baseline\` and commit it with the reason.`);
  process.exitCode = cmp.failed.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 2;
});
