// Phase "lighthouse": Lighthouse for the app's home page and for "the limit"
// (the same index.html with every script and preload removed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, ROOT, RUNS, log } from '../lib/config.mjs';
import { children } from '../lib/serve.mjs';

const LH_CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
const LH_CLI = join(ROOT, 'node_modules/lighthouse/cli/index.js');

function runLighthouse(url, outPath, extra = []) {
  return new Promise((res, rej) => {
    const args = [
      LH_CLI,
      url,
      ...extra,
      '--quiet',
      '--output=json',
      `--output-path=${outPath}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${LH_CHROME_FLAGS}`,
    ];
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(child);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0 || !existsSync(outPath)) return rej(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`));
      const lhr = JSON.parse(readFileSync(outPath, 'utf8'));
      if (lhr.runtimeError) return rej(new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`));
      const num = (id) => lhr.audits[id]?.numericValue ?? null;
      // What keeps a category below 1: its weighted audits that did not pass.
      const misses = {};
      for (const [id, cat] of Object.entries(lhr.categories)) {
        misses[id] = cat.auditRefs
          .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score != null && lhr.audits[r.id].score < 1)
          .map((r) => `${r.id} ${lhr.audits[r.id].score}${lhr.audits[r.id].displayValue ? ` (${lhr.audits[r.id].displayValue})` : ''}`);
      }
      res({
        lighthouseVersion: lhr.lighthouseVersion,
        userAgent: lhr.environment?.hostUserAgent,
        formFactor: lhr.configSettings?.formFactor,
        throttlingMethod: lhr.configSettings?.throttlingMethod,
        scores: {
          performance: lhr.categories.performance?.score ?? null,
          accessibility: lhr.categories.accessibility?.score ?? null,
          bestPractices: lhr.categories['best-practices']?.score ?? null,
        },
        metrics: {
          fcp: num('first-contentful-paint'),
          lcp: num('largest-contentful-paint'),
          tbt: num('total-blocking-time'),
          cls: num('cumulative-layout-shift'),
          si: num('speed-index'),
          // Time to interactive: the `interactive` audit (weight 0 in Lighthouse 13's score, still computed).
          tti: num('interactive'),
        },
        // What the unthrottled load really did; the simulated figures above are derived from it.
        observed: {
          fcp: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? null,
          lcp: lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? null,
          load: lhr.audits.metrics?.details?.items?.[0]?.observedLoad ?? null,
        },
        report: outPath,
        notPassing: misses,
        warnings: lhr.runWarnings ?? [],
      });
    });
  });
}

/** The median run: ordered by performance score (best first), then LCP. */
function medianRun(runs) {
  const s = [...runs].sort((a, b) => b.scores.performance - a.scores.performance || a.metrics.lcp - b.metrics.lcp);
  return s[Math.floor((s.length - 1) / 2)];
}

export async function measureLighthouse(app, limit, reports) {
  const runs = { app: [], limit: [] };
  const errors = { app: [], limit: [] };
  // Interleaved, so that both see the same machine load.
  // Without a prerendered first screen the page minus its scripts is blank, and
  // Lighthouse would only wait 30 s per run to say NO_FCP.
  const targets = [['app', app.url]];
  if (limit.blank) errors.limit.push('blank: index.html has no prerendered first screen, so without scripts it shows nothing');
  else targets.push(['limit', limit.url]);
  for (let i = 0; i < RUNS.lighthouse; i++) {
    for (const [name, url] of targets) {
      log(`Lighthouse ${name} ${i + 1}/${RUNS.lighthouse}`);
      try {
        runs[name].push(await runLighthouse(url, join(reports, `${name}-${i + 1}.json`)));
      } catch (e) {
        errors[name].push(e.message.split('\n')[0]);
        log(`Lighthouse ${name} failed: ${e.message.split('\n')[0]}`);
      }
    }
  }
  const appMed = runs.app.length ? medianRun(runs.app) : null;
  const limitMed = runs.limit.length ? medianRun(runs.limit) : null;
  const any = appMed ?? limitMed;

  // For information, not budgeted: the same pair with applied throttling
  // (--throttling-method=devtools), where the browser really loads over a slow
  // network with a 4x slower CPU. The default simulation (Lantern) estimates
  // LCP from the local, unthrottled load and counts every request that started
  // before it, the wasm preload included; which requests those are depends on a
  // race between the local first paint and the wasm, so it swings from run to run.
  const applied = { app: [], limit: [] };
  for (let i = 0; i < RUNS.lighthouseApplied; i++) {
    for (const [name, url] of targets) {
      log(`Lighthouse ${name}, applied throttling ${i + 1}/${RUNS.lighthouseApplied}`);
      try {
        applied[name].push(await runLighthouse(url, join(reports, `${name}-devtools-${i + 1}.json`), ['--throttling-method=devtools']));
      } catch (e) {
        errors[name].push(`devtools throttling: ${e.message.split('\n')[0]}`);
      }
    }
  }
  const appApplied = applied.app.length ? medianRun(applied.app) : null;
  const limitApplied = applied.limit.length ? medianRun(applied.limit) : null;
  return {
    runs: RUNS.lighthouse,
    version: any?.lighthouseVersion ?? null,
    formFactor: any?.formFactor ?? null,
    throttlingMethod: any?.throttlingMethod ?? null,
    app: appMed,
    limit: limitMed,
    lcpRatio: appMed && limitMed ? appMed.metrics.lcp / limitMed.metrics.lcp : null,
    // Of the median runs (by score, then LCP), like every figure above.
    ttiRatio: appMed?.metrics.tti && limitMed?.metrics.tti ? appMed.metrics.tti / limitMed.metrics.tti : null,
    allRuns: runs,
    applied: {
      app: appApplied,
      limit: limitApplied,
      lcpRatio: appApplied && limitApplied ? appApplied.metrics.lcp / limitApplied.metrics.lcp : null,
      allRuns: applied,
    },
    errors,
  };
}
