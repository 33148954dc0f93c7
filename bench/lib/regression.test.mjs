// The bench's regression check (`node --test bench/lib/`, part of `make test-native`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIGURES, allowance, compare, figuresOf } from './regression.mjs';

const run = ({ wasm = 380000, next = 30, perf = 1, card = { median: 3200, min: 3100, max: 3300 } } = {}) => ({
  bytes: { byKind: { wasm: { brotli: wasm } } },
  latency: { next: { aligned: { p95: next } } },
  lighthouse: { app: { scores: { performance: perf } } },
  deepLink: { card: { interactive: { app: card } } },
});
const baselineOf = (r) => ({ commit: 'abc', date: 'then', figures: figuresOf(r) });
const verdict = (cmp, key) => cmp.rows.find((r) => r.key === key)?.verdict;

test('a figure within its band is the same; past it, worse or better', () => {
  const base = baselineOf(run());
  assert.equal(verdict(compare(base, run({ wasm: 380400 })), 'wasm'), 'same');
  assert.equal(verdict(compare(base, run({ wasm: 381000 })), 'wasm'), 'regressed');
  assert.equal(verdict(compare(base, run({ wasm: 379000 })), 'wasm'), 'better');
  // "Next" p95: 50% or 8 ms, whichever is larger.
  assert.equal(verdict(compare(base, run({ next: 45 })), 'nextP95'), 'same');
  assert.equal(verdict(compare(base, run({ next: 46 })), 'nextP95'), 'regressed');
});

test('a score that must stay high regresses when it falls', () => {
  const base = baselineOf(run());
  assert.equal(verdict(compare(base, run({ perf: 0.98 })), 'lhPerformance'), 'same');
  assert.equal(verdict(compare(base, run({ perf: 0.96 })), 'lhPerformance'), 'regressed');
  assert.equal(verdict(compare(baselineOf(run({ perf: 0.9 })), run({ perf: 1 })), 'lhPerformance'), 'better');
});

test("the band allows the baseline's own spread over its runs", () => {
  const fig = FIGURES.find((f) => f.key === 'cardInteractive');
  assert.equal(allowance(fig, { value: 3000, min: 2500, max: 3500 }), 1000);
  assert.equal(allowance(fig, { value: 3000, min: 2950, max: 3050 }), 450);
  const base = baselineOf(run({ card: { median: 3000, min: 2500, max: 3500 } }));
  assert.equal(verdict(compare(base, run({ card: { median: 3900, min: 3900, max: 3900 } })), 'cardInteractive'), 'same');
  assert.equal(verdict(compare(base, run({ card: { median: 4100, min: 4100, max: 4100 } })), 'cardInteractive'), 'regressed');
});

test('a figure the baseline has and the run lacks fails, unless its phase was not run', () => {
  const base = baselineOf(run());
  const partial = run();
  delete partial.latency;
  const cmp = compare(base, partial);
  assert.equal(verdict(cmp, 'nextP95'), 'missing');
  assert.deepEqual(cmp.failed.map((r) => r.key), ['nextP95']);
  const skipped = compare(base, partial, { ran: (key) => key !== 'nextP95' });
  assert.equal(verdict(skipped, 'nextP95'), 'skipped');
  assert.equal(skipped.failed.length, 0);
});

test('a figure the baseline lacks is not compared', () => {
  const base = { figures: {} };
  assert.deepEqual(compare(base, run()).rows, []);
});
