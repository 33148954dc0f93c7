// What every phase shares: paths, the environment, repetitions, the device, the log.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
export const OUT_DIR = join(ROOT, 'bench-results');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const QUICK = process.env.BENCH_QUICK === '1';
// Development aid: BENCH_ONLY=first-load,lighthouse,interactions,offline,deep-link runs
// only those phases (the precache and the files index.html names are always measured).
export const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
export const phase = (name) => !ONLY || ONLY.has(name);

export const RUNS = {
  lighthouse: QUICK ? 1 : 3,
  lighthouseApplied: 1, // information only (see phases/lighthouse.mjs); a run takes about 25 s
  latency: QUICK ? 10 : 50, // minimum clicks of each kind
  offline: QUICK ? 2 : 5,
  deepLink: QUICK ? 1 : 5, // each link (card, compare), each of the app and its static copy
};
export const CPU_THROTTLE = 4;

// The screen Lighthouse's mobile default emulates; used for the Playwright phases too.
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };

const t0 = Date.now();
export const elapsed = () => Date.now() - t0;
export const log = (msg) => console.error(`[bench ${(elapsed() / 1000).toFixed(0).padStart(3)} s] ${msg}`);

export function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
