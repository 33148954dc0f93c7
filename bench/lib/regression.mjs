// The figures a run is compared with bench/baseline.json on, and the check:
// a run fails when a figure is worse than the baseline's by more than its
// noise band. The budgets (budgets.mjs) are printed beside, as goals; this
// check decides the exit status. The baseline is written on purpose
// (`make bench-baseline`), with the reason in the commit that changes it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './config.mjs';
import { kib, ms, score } from './report.mjs';

export const BASELINE = join(ROOT, 'bench', 'baseline.json');

const bytes = { unit: 'bytes', show: kib };
const time = { unit: 'ms', show: ms };
const ratio = { unit: 'ratio', show: (x) => (x == null ? 'n/a' : x.toFixed(2)) };
const points = { unit: 'score', show: score, better: 'higher' };

// How far a figure may move between two runs of the same build on these
// machines before it counts as a change, as `abs` (its unit) or `rel` (a
// fraction of the baseline), whichever is larger; figures measured over
// several runs also allow the spread (min to max) of the baseline's runs.
// Bytes are exact for a build: their band only absorbs what the served
// order of the first load can change. The timing bands come from repeated
// runs of one build recorded in bench/README.md: the deep links' painted
// ratio 0.84-1.19 across three runs, "Next" p95 26-60 ms as the load
// average went from 1 to 8.
export const FIGURES = [
  { key: 'wasm', name: 'wasm, brotli', ...bytes, band: { abs: 512 }, get: (r) => r.bytes?.byKind?.wasm?.brotli },
  { key: 'mounted', name: 'main piece + glue, brotli', ...bytes, band: { abs: 512 }, get: (r) => r.appBytes?.home?.mounted?.brotli },
  { key: 'indexFiles', name: 'files index.html names, brotli', ...bytes, band: { abs: 512 }, get: (r) => r.bytes?.total?.brotli },
  { key: 'firstLoad', name: 'first load until interactive, brotli', ...bytes, band: { abs: 2048 }, get: (r) => r.firstLoad?.needed?.encoded },
  { key: 'precache', name: 'precached for offline, sent', ...bytes, band: { abs: 512 }, get: (r) => r.precache?.total?.sent },
  { key: 'precacheFiles', name: 'precached files', unit: 'files', show: String, band: { abs: 0 }, get: (r) => r.precache?.total?.files },
  { key: 'cardPainted', name: "card's link, painted / static copy", ...ratio, band: { abs: 0.35 }, get: (r) => r.deepLink?.card?.painted?.ratio },
  { key: 'comparePainted', name: 'compare link, painted / static copy', ...ratio, band: { abs: 0.35 }, get: (r) => r.deepLink?.compare?.painted?.ratio },
  { key: 'cardInteractive', name: "card's link, interactive", ...time, band: { rel: 0.15 }, get: (r) => r.deepLink?.card?.interactive?.app?.median, spread: (r) => r.deepLink?.card?.interactive?.app },
  { key: 'compareInteractive', name: 'compare link, interactive', ...time, band: { rel: 0.15 }, get: (r) => r.deepLink?.compare?.interactive?.app?.median, spread: (r) => r.deepLink?.compare?.interactive?.app },
  { key: 'nextP95', name: '"Next" p95 (aligned, 4x CPU)', ...time, band: { rel: 0.5, abs: 8 }, get: (r) => r.latency?.next?.aligned?.p95 },
  { key: 'checkP95', name: '"Check" p95 (aligned, 4x CPU)', ...time, band: { rel: 0.5, abs: 8 }, get: (r) => r.latency?.check?.aligned?.p95 },
  { key: 'lcpRatio', name: 'Lighthouse LCP, app / static page', ...ratio, band: { abs: 0.15 }, get: (r) => r.lighthouse?.lcpRatio },
  { key: 'lhPerformance', name: 'Lighthouse performance', ...points, band: { abs: 0.03 }, get: (r) => r.lighthouse?.app?.scores?.performance },
  { key: 'lhAccessibility', name: 'Lighthouse accessibility', ...points, band: { abs: 0 }, get: (r) => r.lighthouse?.app?.scores?.accessibility },
  { key: 'lhBestPractices', name: 'Lighthouse best practices', ...points, band: { abs: 0 }, get: (r) => r.lighthouse?.app?.scores?.bestPractices },
  { key: 'offline', name: 'offline repeat visit, mounted', ...time, band: { rel: 0.5, abs: 100 }, get: (r) => r.offline?.median },
  { key: 'wasmMemory', name: 'wasm memory after the walk', ...bytes, band: { rel: 0.1 }, get: (r) => r.memory?.afterWalk?.wasmMemory },
];

/** The figures of a run, as the baseline keeps them. */
export function figuresOf(results) {
  const out = {};
  for (const f of FIGURES) {
    const value = f.get(results);
    if (value == null) continue;
    const s = f.spread?.(results);
    out[f.key] = s ? { value, min: s.min, max: s.max } : { value };
  }
  return out;
}

/** The largest change of a figure from `base` that counts as noise. */
export function allowance(figure, base) {
  const { abs = 0, rel = 0 } = figure.band;
  const spread = base.min != null && base.max != null ? base.max - base.min : 0;
  return Math.max(abs, rel * Math.abs(base.value), spread);
}

/**
 * Compares a run's figures with the baseline's. Each row says `regressed`,
 * `better` (past the band the other way: a new baseline may be due), `same`,
 * `missing` (the baseline has it, this run of every phase does not) or
 * `skipped` (its phase was not run: BENCH_ONLY). `failed` lists the rows that
 * make the run fail: regressed and missing.
 */
export function compare(baseline, results, { ran = () => true } = {}) {
  const now = figuresOf(results);
  const rows = [];
  for (const f of FIGURES) {
    const base = baseline.figures?.[f.key];
    if (!base) continue;
    const cur = now[f.key];
    const row = { key: f.key, name: f.name, base: base.value, now: cur?.value ?? null, allowed: allowance(f, base), show: f.show };
    if (!cur) row.verdict = ran(f.key) ? 'missing' : 'skipped';
    else {
      const worse = f.better === 'higher' ? base.value - cur.value : cur.value - base.value;
      row.change = cur.value - base.value;
      row.verdict = worse > row.allowed ? 'regressed' : -worse > row.allowed ? 'better' : 'same';
    }
    rows.push(row);
  }
  return { rows, failed: rows.filter((r) => r.verdict === 'regressed' || r.verdict === 'missing') };
}

/** Which phase measures each figure (for BENCH_ONLY runs: a phase not run is not a failure). */
export const PHASE_OF = {
  firstLoad: 'first-load',
  cardPainted: 'deep-link',
  comparePainted: 'deep-link',
  cardInteractive: 'deep-link',
  compareInteractive: 'deep-link',
  nextP95: 'interactions',
  checkP95: 'interactions',
  wasmMemory: 'interactions',
  lcpRatio: 'lighthouse',
  lhPerformance: 'lighthouse',
  lhAccessibility: 'lighthouse',
  lhBestPractices: 'lighthouse',
  offline: 'offline',
};

export function readBaseline(path = BASELINE) {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function writeBaseline(results, path = BASELINE) {
  const baseline = {
    written: 'make bench-baseline; change it on purpose, with the reason in the commit',
    commit: results.commit,
    date: results.date,
    chromium: results.chromium,
    machine: results.machine,
    figures: figuresOf(results),
  };
  writeFileSync(path, JSON.stringify(baseline, null, 2) + '\n');
  return baseline;
}

/** The comparison as lines of text. */
export function comparisonTable(baseline, cmp) {
  const lines = [`**Against the baseline** (bench/baseline.json: commit ${(baseline.commit ?? '?').slice(0, 7)}, ${baseline.date ?? '?'})`];
  const w = (s, n) => String(s).padEnd(n);
  lines.push(`${w('figure', 40)} ${w('baseline', 12)} ${w('now', 12)} ${w('noise band', 12)} verdict`);
  for (const r of cmp.rows) {
    const band = r.show(r.allowed);
    lines.push(`${w(r.name, 40)} ${w(r.show(r.base), 12)} ${w(r.now == null ? 'n/a' : r.show(r.now), 12)} ${w(`± ${band}`, 12)} ${r.verdict === 'regressed' || r.verdict === 'missing' ? r.verdict.toUpperCase() : r.verdict}`);
  }
  return lines.join('\n');
}
