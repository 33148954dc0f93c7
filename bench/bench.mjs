#!/usr/bin/env node
// Closer's performance benchmark: `make bench` (after a release build in dist/).
//
// It serves dist/ with e2e/serve.mjs (brotli/gzip, SPA fallback, like a real
// static host) on free ports of its own, and measures:
//   1. the bytes of the first load: index.html and every css/js/wasm it
//      references, raw, gzip -9 and brotli q11, and their sum;
//   2. Lighthouse (mobile defaults, Debian Chromium) for the app and for "the
//      limit": the same index.html with every script and preload removed, i.e.
//      the prerendered first screen as a static page; scores, FCP, LCP, TBT,
//      CLS, median of 3 runs each, and the LCP ratio app/limit;
//   3. interaction latency with the CPU throttled 4x (DevTools protocol): a
//      click on "Next" in a lesson and on "Check" in the quiz, timed inside the
//      page from just before element.click() until the DOM shows the new screen
//      and a frame has been drawn, two ways (initScript): "aligned" (budgeted,
//      the click's cost in frame time) and "frame" (to the next rAF, at a
//      random phase of the 60 Hz frame clock); p50/p95 over >= 50 clicks each;
//   4. wasm linear memory and JS heap after walking every lesson and the whole
//      "Everything" quiz;
//   5. a repeat visit with the server stopped (service worker only): time from
//      navigation start to Trunk's TrunkApplicationStarted event, median of 5.
// Prints one table, writes bench-results/bench.json, then checks the budgets:
// exit 1 naming every budget that failed, 0 otherwise.
//
// See bench/README.md. Environment: BENCH_QUICK=1 fewer repetitions and
// BENCH_ONLY=lighthouse,interactions,offline (development only: the default
// run is the one that counts); BENCH_DIST=dir another build; CHROMIUM=path.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
// A copy of DIST taken at the start (main): a rebuild of dist/ during the run
// (another terminal, a test run) must not swap files under the measurement.
let SITE = DIST;
const OUT_DIR = join(ROOT, 'bench-results');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const QUICK = process.env.BENCH_QUICK === '1';
// Development aid: BENCH_ONLY=lighthouse,interactions,offline runs only those phases.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const phase = (name) => !ONLY || ONLY.has(name);

const RUNS = {
  lighthouse: QUICK ? 1 : 3,
  lighthouseApplied: 1, // information only (see measureLighthouse); a run takes about 25 s
  latency: QUICK ? 10 : 50, // minimum clicks of each kind
  offline: QUICK ? 2 : 5,
};
const CPU_THROTTLE = 4;
const BUDGETS = {
  firstLoadBrotli: 80 * 1024, // bytes, whole first load, brotli
  lcpRatio: 1.1, // app LCP / static page LCP
  lighthouse: 1, // performance, accessibility, best practices of the app
  p95: 16, // ms, each interaction at 4x CPU
};

const BROWSER_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The two ways of timing a click (initScript); the budget applies to this one.
const MODES = ['aligned', 'frame'];
const LATENCY_BUDGET_METHOD = 'aligned';
const LH_CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
const LH_CLI = join(ROOT, 'node_modules/lighthouse/cli/index.js');
// The screen Lighthouse's mobile default emulates; used for the Playwright phases too.
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };

const t0 = Date.now();
const log = (msg) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

// ---------------------------------------------------------------- servers

const children = new Set();

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Starts e2e/serve.mjs on a free port; resolves once it listens. */
async function serve(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'e2e/serve.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  await new Promise((res, rej) => {
    child.stdout.once('data', res);
    child.once('exit', (code) => rej(new Error(`e2e/serve.mjs exited with ${code}`)));
  });
  return { port, url: `http://127.0.0.1:${port}/`, child };
}

/**
 * e2e/serve.mjs compresses a file on its first request (brotli 11 takes a
 * second or two on the wasm) and keeps the result: ask for every file once, in
 * both encodings, so that no measured load waits for the compressor.
 */
async function warm(server, dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());
  for (const f of files) {
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(new URL(f.split(sep).join('/'), server.url), { headers: { 'accept-encoding': encoding } });
      await res.arrayBuffer();
    }
  }
}

/** Kills the server process (for real: the offline visit depends on it). */
async function stop(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const tempDirs = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  });
}

// ---------------------------------------------------------------- helpers

const median = (xs) => quantile(xs, 0.5);
/** Nearest-rank quantile (p95 of 50 samples is the 48th smallest). */
function quantile(xs, q) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const kib = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KiB`);
const mib = (b) => (b == null ? 'n/a' : `${(b / 1024 / 1024).toFixed(2)} MiB`);
const ms = (x) => (x == null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const score = (x) => (x == null ? 'n/a' : x.toFixed(2));
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- 1. bytes

/** index.html and every css/js/wasm it loads at once, as paths inside dist/. */
function firstLoadFiles(html) {
  const base = html.match(/<base\b[^>]*>/i)?.[0];
  const basePath = (base && attr(base, 'href')) || '/';
  const refs = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const as = (attr(tag, 'as') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'stylesheet' || rel === 'modulepreload' || (rel === 'preload' && ['fetch', 'script', 'style'].includes(as))) refs.push(href);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<script ${m[1]}>`, 'src');
    if (src) refs.push(src);
    // Trunk's loader: `import init, * as bindings from '/x.js'; await init({ module_or_path: '/x_bg.wasm' })`.
    for (const i of m[2].matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|module_or_path\s*:\s*)['"]([^'"]+)['"]/g)) refs.push(i[1]);
  }
  const files = ['index.html'];
  for (const ref of refs) {
    const url = new URL(ref, new URL(basePath, 'http://host/'));
    const prefix = new URL(basePath, 'http://host/').pathname;
    if (url.host !== 'host' || !url.pathname.startsWith(prefix)) continue;
    const rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (!['.css', '.js', '.mjs', '.wasm'].includes(extname(rel))) continue;
    if (!files.includes(rel)) files.push(rel);
  }
  return files;
}

function compressed(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Section sizes of a wasm module: where the bytes are (code, data, names). */
function wasmSections(buf) {
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let b;
    do {
      b = buf[p++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  };
  const out = {};
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const start = p;
    let name = NAMES[id] ?? `id${id}`;
    if (id === 0) {
      const n = leb();
      name = `custom:${buf.subarray(p, p + n).toString('utf8')}`;
    }
    const body = buf.subarray(start, start + size);
    out[name] = { raw: size, brotli: id === 10 || id === 11 ? compressed(body).brotli : undefined };
    p = start + size;
  }
  return out;
}

function measureBytes() {
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  const files = firstLoadFiles(html).map((path) => {
    if (!existsSync(join(SITE, path))) throw new Error(`index.html references ${path}, which is not in the build (was dist/ being rebuilt?)`);
    const buf = readFileSync(join(SITE, path));
    const kind = path === 'index.html' ? 'html' : extname(path).slice(1).replace('mjs', 'js');
    return { path, kind, ...compressed(buf), ...(kind === 'wasm' ? { sections: wasmSections(buf) } : {}) };
  });
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  const byKind = {};
  for (const f of files) {
    byKind[f.kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 };
    byKind[f.kind].files++;
    for (const k of ['raw', 'gzip', 'brotli']) byKind[f.kind][k] += f[k];
  }
  return { files, byKind, total };
}

// ---------------------------------------------------------------- 2. Lighthouse

/** The first screen as a static page: index.html minus every script and preload. */
function limitPage(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) => (/^(modulepreload|preload)$/i.test(attr(tag, 'rel') ?? '') ? '' : tag));
}

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

async function measureLighthouse(app, limit, reports) {
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

// ---------------------------------------------------------------- in-page tools

// Runs before every document: records when Trunk's loader has started the app
// (dist/index.html: `dispatchEvent(new CustomEvent("TrunkApplicationStarted",
// {detail: {wasm}}))`, where `wasm` is the module's exports, memory included),
// and offers the timed click.
function initScript() {
  const bench = (window.__bench = { started: null, wasm: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    bench.wasm = e.detail?.wasm ?? null;
  });
  // The app is interactive once it has replaced the prerendered screen (src/main.rs).
  addEventListener('closer-mounted', () => {
    bench.started = performance.now();
  });
  // The timed click, two ways (see "Interaction latency" in bench/README.md):
  // - 'frame' (the issue's method): t0 = performance.now() just before
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

async function appStarted(page, timeout = 60000) {
  await page.waitForFunction(() => window.__bench?.started != null, null, { timeout });
}

/** One timed "Next" in the open lesson. */
async function timedNext(page, mode) {
  return page.evaluate(async (mode) => {
    const pos = document.getElementById('lesson-position').textContent.trim();
    const [, k, n] = pos.match(/^Card (\d+) of (\d+)$/);
    const want = `Card ${Number(k) + 1} of ${n}`;
    const next = [...document.querySelectorAll('main button')].find((b) => /^Next/.test(b.textContent.trim()));
    await window.__bench.settle(mode);
    return window.__bench.timeClick(
      next,
      // Leptos updates the card in place (same <article>, new text), so wait for the new position.
      () => document.getElementById('lesson-position')?.textContent.trim() === want && !!document.querySelector('main article.card h2'),
      mode,
    );
  }, mode);
}

/** The state of the lesson screen: which buttons and links are there. */
async function lessonScreen(page) {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll('main button')].map((b) => b.textContent.trim());
    const nextLesson = [...document.querySelectorAll('main a')].find((a) => a.textContent.trim().startsWith('Next lesson'));
    return {
      position: document.getElementById('lesson-position')?.textContent.trim() ?? null,
      hasNext: buttons.some((t) => /^Next/.test(t)),
      hasFinish: buttons.includes('Finish lesson'),
      nextLesson: nextLesson ? new URL(nextLesson.href).pathname : null,
      path: location.pathname,
    };
  });
}

async function clickAndWait(page, clickFn, waitFn, arg) {
  await page.evaluate(clickFn, arg);
  await page.waitForFunction(waitFn, arg, { timeout: 20000 });
}

/** Walks every lesson card by card to "Lesson complete", timing each "Next". */
async function walkLessons(page, base, lessons, samples) {
  let done = 0;
  for (const lesson of lessons) {
    const here = await lessonScreen(page);
    const key = lesson.match(/\/lessons\/[^/]+\/[^/]+/)?.[0] ?? lesson;
    if (here.nextLesson?.includes(`${key}/`)) {
      // The completion screen links the next lesson: follow it like a person would.
      await clickAndWait(
        page,
        () => [...document.querySelectorAll('main a')].find((a) => a.textContent.trim().startsWith('Next lesson')).click(),
        () => /^Card 1 of \d+$/.test(document.getElementById('lesson-position')?.textContent.trim() ?? ''),
      );
    } else {
      await page.goto(new URL(lesson.slice(1), base).href);
      await appStarted(page);
      await page.waitForFunction(() => /^Card 1 of \d+$/.test(document.getElementById('lesson-position')?.textContent.trim() ?? ''));
    }
    for (let guard = 0; guard < 100; guard++) {
      const s = await lessonScreen(page);
      if (s.hasNext) {
        samples.push(await timedNext(page, MODES[samples.length % 2]));
      } else if (s.hasFinish) {
        await clickAndWait(
          page,
          () => [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === 'Finish lesson').click(),
          () => document.getElementById('lesson-position')?.textContent.trim() === 'Lesson complete',
        );
        done++;
        break;
      } else {
        throw new Error(`lesson ${lesson}: neither Next nor Finish at ${s.path} (${s.position})`);
      }
    }
  }
  return done;
}

/** Opens /quiz (in the app) and starts "Everything"; returns its number of questions. */
async function startEverything(page) {
  const onQuizHome = await page.evaluate(() => location.pathname.endsWith('/quiz'));
  if (!onQuizHome) {
    await clickAndWait(
      page,
      () => [...document.querySelectorAll('a')].find((a) => new URL(a.href).pathname.endsWith('/quiz') && a.textContent.trim() !== '').click(),
      () => [...document.querySelectorAll('main button')].some((b) => /^Everything/.test(b.textContent.trim())),
    );
  }
  await clickAndWait(
    page,
    () => [...document.querySelectorAll('main button')].find((b) => /^Everything/.test(b.textContent.trim())).click(),
    () => /^Question 1 of \d+$/.test(document.getElementById('quiz-position')?.textContent.trim() ?? ''),
  );
  return page.evaluate(() => Number(document.getElementById('quiz-position').textContent.match(/of (\d+)/)[1]));
}

/** Answers the question on screen: picks the first option, then a timed "Check"; then moves on. */
async function answerQuestion(page, mode) {
  await clickAndWait(
    page,
    () => document.querySelector('main fieldset.choice input').click(),
    () => {
      const b = [...document.querySelectorAll('main button')].find((x) => x.textContent.trim() === 'Check');
      return b && !b.disabled;
    },
  );
  const timing = await page.evaluate(async (mode) => {
    const check = [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === 'Check');
    await window.__bench.settle(mode);
    return window.__bench.timeClick(
      check,
      () =>
        !!document.querySelector('main .feedback-region .feedback') &&
        [...document.querySelectorAll('main button')].some((b) => /^(Next question|See results)$/.test(b.textContent.trim())),
      mode,
    );
  }, mode);
  const last = await page.evaluate(() => [...document.querySelectorAll('main button')].some((b) => b.textContent.trim() === 'See results'));
  const pos = await page.evaluate(() => document.getElementById('quiz-position').textContent.trim());
  await clickAndWait(
    page,
    () => [...document.querySelectorAll('main button')].find((b) => /^(Next question|See results)$/.test(b.textContent.trim())).click(),
    ([wasLast, was]) =>
      wasLast
        ? document.querySelector('main h1')?.textContent.trim() === 'Your results'
        : /^Question \d+ of \d+$/.test(document.getElementById('quiz-position')?.textContent.trim() ?? '') &&
          document.getElementById('quiz-position').textContent.trim() !== was,
    [last, pos],
  );
  return { timing, last };
}

// ---------------------------------------------------------------- 3 + 4. latency and memory

async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  return { wasmMemory: wasm, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize };
}

async function measureInteractions(browser, app) {
  const context = await browser.newContext({ ...MOBILE, reducedMotion: 'reduce' });
  await context.addInitScript(initScript);
  // No service worker here: its install would compete for the throttled CPU.
  // (Playwright's serviceWorkers: 'block' resolves register() with undefined,
  // which no browser does; a registration that never settles is quieter.)
  await context.addInitScript(() => {
    if (navigator.serviceWorker) navigator.serviceWorker.register = () => new Promise(() => {});
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });

  await page.goto(app.url);
  await appStarted(page);
  const afterStart = await memoryNow(page, cdp);
  const lessons = await page.evaluate(() => [...document.querySelectorAll('.path a.step-link')].map((a) => new URL(a.href).pathname));
  if (!lessons.length) throw new Error('no lessons on the home page (.path a.step-link)');

  // The two methods alternate click by click, so both see the same app and machine.
  const enough = (xs) => MODES.every((m) => xs.filter((x) => x.mode === m).length >= RUNS.latency);
  const next = [];
  log(`latency: walking ${lessons.length} lessons (CPU ${CPU_THROTTLE}x)`);
  let lessonsDone = await walkLessons(page, app.url, lessons, next);
  while (!enough(next)) {
    // More "Next" clicks than the course has cards: walk again.
    lessonsDone += await walkLessons(page, app.url, lessons, next);
  }

  log('latency: the whole "Everything" quiz');
  const check = [];
  let questions = await startEverything(page);
  let answered = 0;
  for (;;) {
    const { timing, last } = await answerQuestion(page, MODES[check.length % 2]);
    check.push(timing);
    answered++;
    if (last) break;
  }
  if (answered !== questions) throw new Error(`quiz: answered ${answered} of ${questions}`);
  const afterWalk = await memoryNow(page, cdp);
  // More "Check" clicks than one quiz has questions: new quizzes until there are enough.
  while (!enough(check)) {
    log('latency: another quiz');
    questions = await startEverything(page);
    for (;;) {
      const { timing, last } = await answerQuestion(page, MODES[check.length % 2]);
      check.push(timing);
      if (last || enough(check)) break;
    }
  }
  await context.close();

  const summary = (all, mode) => {
    const xs = all.filter((x) => x.mode === mode);
    const v = xs.map((x) => x.value);
    return {
      n: xs.length,
      p50: round(median(v), 2),
      p95: round(quantile(v, 0.95), 2),
      max: round(Math.max(...v), 2),
      paintP50: round(median(xs.map((x) => x.paint)), 2),
      paintP95: round(quantile(xs.map((x) => x.paint), 0.95), 2),
      // Aligned clicks whose update missed their own frame (t1 at a later frame).
      missedOwnFrame: mode === 'aligned' ? xs.filter((x) => x.frame != null).length : undefined,
      samples: xs.map((x) => ({ dom: round(x.dom, 2), frame: round(x.frame, 2), paint: round(x.paint, 2) })),
    };
  };
  const both = (xs) => ({ aligned: summary(xs, 'aligned'), frame: summary(xs, 'frame') });
  return {
    latency: {
      cpuThrottle: CPU_THROTTLE,
      budgeted: LATENCY_BUDGET_METHOD,
      methods: {
        aligned: 'click at the start of a frame (rAF callback) to the end of that frame\'s rendering (or of the first frame after the update)',
        frame: 'click at a random point of a frame; MutationObserver, then the next requestAnimationFrame (includes 0-16.7 ms of frame clock)',
      },
      next: both(next),
      check: both(check),
    },
    memory: { lessonsWalked: lessonsDone, lessons: lessons.length, quizQuestions: answered, afterStart, afterWalk },
    pageErrors: errors,
  };
}

// ---------------------------------------------------------------- 5. offline repeat visit

async function measureOffline(browser) {
  const server = await serve(SITE);
  await warm(server, SITE);
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  let firstVisit;
  try {
    await page.goto(server.url);
    await appStarted(page);
    firstVisit = await page.evaluate(() => window.__bench.started);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker claims every page when it activates: the first visit is controlled, with no reload.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  } finally {
    await stop(server);
  }
  // The server process is gone: every byte below comes from the worker's cache.
  const visits = [];
  for (let i = 0; i < RUNS.offline; i++) {
    await page.goto(server.url);
    await appStarted(page);
    const v = await page.evaluate(() => ({
      started: window.__bench.started,
      controlled: !!navigator.serviceWorker.controller,
      h1: document.querySelector('main h1')?.textContent.trim() ?? null,
    }));
    if (!v.controlled) throw new Error('offline visit: the page is not controlled by the service worker');
    if (!v.h1) throw new Error('offline visit: the app started but drew no h1');
    visits.push(v.started);
  }
  await context.close();
  return { measure: 'navigation start to closer-mounted (the app has replaced the prerendered screen)', runs: visits.length, median: round(median(visits), 1), samples: visits.map((v) => round(v, 1)), firstOnlineVisit: round(firstVisit, 1) };
}

// ---------------------------------------------------------------- main

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

  const tmp = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  tempDirs.add(tmp);
  SITE = join(tmp, 'app');
  cpSync(DIST, SITE, { recursive: true });
  log('bytes of the first load');
  results.bytes = measureBytes();
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  results.limitPage = { prerendered: /\bid=["']?prerender\b/.test(html) };

  const limitDir = join(tmp, 'limit');
  cpSync(SITE, limitDir, { recursive: true });
  const limitHtml = limitPage(html);
  writeFileSync(join(limitDir, 'index.html'), limitHtml);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'limit.html'), limitHtml);
  results.limitPage.bytes = compressed(Buffer.from(limitHtml));

  const app = await serve(SITE);
  const limit = await serve(limitDir);
  await warm(app, SITE);
  await warm(limit, limitDir);
  const bodyText = (limitHtml.match(/<body\b[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? '')
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  limit.blank = results.limitPage.blank = bodyText === '';
  try {
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
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    results.chromium = browser.version();
    try {
      try {
        if (phase('interactions')) Object.assign(results, await measureInteractions(browser, app));
      } catch (e) {
        results.errors.interactions = String(e.stack ?? e);
        log(`latency/memory failed: ${e.message}`);
      }
      try {
        if (phase('offline')) {
          log('offline repeat visit');
          results.offline = await measureOffline(browser);
        }
      } catch (e) {
        results.errors.offline = String(e.stack ?? e);
        log(`offline failed: ${e.message}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stop(app);
    await stop(limit);
    rmSync(tmp, { recursive: true, force: true });
  }
  results.seconds = Math.round((Date.now() - t0) / 1000);
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
    console.error(`\n${failed.length} budget(s) failed:`);
    for (const b of failed) console.error(`  - ${b.name}: ${b.detail}`);
  }
  if (results.pageErrors?.length) {
    console.error(`\nWARNING: ${results.pageErrors.length} page error(s) while walking the app: ${[...new Set(results.pageErrors)].join(' | ')}`);
  }
  const m = results.machine;
  if (Math.max(m.loadStart, m.loadEnd) > m.cores) {
    console.error(`\nWARNING: the machine was busy (load average ${m.loadStart} at start, ${m.loadEnd} at end, ${m.cores} cores): timings are inflated.`);
  }
  if (QUICK || ONLY) console.error('\nBENCH_QUICK=1 or BENCH_ONLY: fewer repetitions than the benchmark requires; do not report these figures.');
  process.exitCode = failed.length || errs.length ? 1 : 0;
}

function checkBudgets(r) {
  const out = [];
  const add = (name, limitText, measured, ok, over) =>
    out.push({ name, budget: limitText, measured, ok, detail: ok ? 'ok' : over });
  const br = r.bytes.total.brotli;
  add('first load, brotli', `<= ${kib(BUDGETS.firstLoadBrotli)}`, kib(br), br <= BUDGETS.firstLoadBrotli,
    `${kib(br)} is ${kib(br - BUDGETS.firstLoadBrotli)} over ${kib(BUDGETS.firstLoadBrotli)} (${(br / BUDGETS.firstLoadBrotli).toFixed(2)}x)`);
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

function table(r) {
  const rows = [];
  const section = (title) => rows.push([`**${title}**`, '', '', '']);
  const row = (measure, value, budget = '', status = '') => rows.push([measure, value, budget, status]);
  const verdict = (name) => {
    const b = r.budgets.find((x) => x.name === name);
    return b ? (b.ok ? 'ok' : 'FAIL') : '';
  };
  const budgetOf = (name) => r.budgets.find((x) => x.name === name)?.budget ?? '';

  section('First load: raw / gzip -9 / brotli 11');
  for (const f of r.bytes.files) row(`${f.kind}  ${f.path}`, `${kib(f.raw)} / ${kib(f.gzip)} / ${kib(f.brotli)}`);
  const t = r.bytes.total;
  row(`total (${r.bytes.files.length} files)`, `${kib(t.raw)} / ${kib(t.gzip)} / ${kib(t.brotli)}`, budgetOf('first load, brotli') + ' br', verdict('first load, brotli'));
  const wasm = r.bytes.files.find((f) => f.kind === 'wasm');
  if (wasm?.sections) {
    const s = wasm.sections;
    row('  wasm code / data sections', `${kib(s.code?.raw)} / ${kib(s.data?.raw)} raw, ${kib(s.code?.brotli)} / ${kib(s.data?.brotli)} br`);
  }

  const lh = r.lighthouse;
  section(`Lighthouse ${lh?.version ?? ''} (${lh?.formFactor ?? 'mobile'}, ${lh?.throttlingMethod ?? ''}, median of ${RUNS.lighthouse})`);
  if (lh) {
    for (const [name, x] of [['app', lh.app], [`limit: static first screen${r.limitPage.prerendered ? '' : ' (NOT prerendered)'}`, lh.limit]]) {
      if (!x) {
        row(name, `not measured: ${(lh.errors[name === 'app' ? 'app' : 'limit'][0] ?? '').split(':')[0]}`);
        continue;
      }
      const s = x.scores;
      const m = x.metrics;
      const ok = name === 'app' ? (['performance', 'accessibility', 'best practices'].every((n) => verdict(`Lighthouse ${n}`) === 'ok') ? 'ok' : 'FAIL') : '';
      row(`${name}: perf / a11y / best practices`, `${score(s.performance)} / ${score(s.accessibility)} / ${score(s.bestPractices)}`, name === 'app' ? '= 1.00 each' : '', ok);
      row(`${name}: FCP / LCP / TBT / CLS`, `${ms(m.fcp)} / ${ms(m.lcp)} / ${ms(m.tbt)} / ${m.cls?.toFixed(3)}`);
    }
    const obs = (x) => (x ? ms(x.observed.lcp) : 'n/a');
    row('LCP app / limit (observed unthrottled LCP)', `${lh.lcpRatio?.toFixed(2) ?? 'n/a'}  (${obs(lh.app)} / ${obs(lh.limit)})`, budgetOf('LCP app / static page'), verdict('LCP app / static page'));
    const ap = lh.applied;
    if (ap?.app || ap?.limit) {
      const sc = (x) => (x ? score(x.scores.performance) : 'n/a');
      const lcp = (x) => (x ? ms(x.metrics.lcp) : 'n/a');
      row(`info: applied throttling (${RUNS.lighthouseApplied} run), perf app / limit`, `${sc(ap.app)} / ${sc(ap.limit)}`);
      row(`info: applied throttling (${RUNS.lighthouseApplied} run), LCP app / limit`, `${lcp(ap.app)} / ${lcp(ap.limit)} = ${ap.lcpRatio?.toFixed(2) ?? 'n/a'}`);
    }
  } else row('Lighthouse', 'failed: see errors in bench.json');

  section(`Interaction latency, CPU ${CPU_THROTTLE}x, p50 / p95`);
  for (const [key, name] of [['next', '"Next" in a lesson'], ['check', '"Check" in the quiz']]) {
    const x = r.latency?.[key];
    if (!x) {
      row(name, 'failed: see errors');
      continue;
    }
    const a = x.aligned;
    const f = x.frame;
    row(`${name}: click → its frame rendered (n=${a.n})`, `${ms(a.p50)} / ${ms(a.p95)}`, budgetOf(`p95 latency, ${name}`), verdict(`p95 latency, ${name}`));
    row(`  click → next rAF, random phase (n=${f.n})`, `${ms(f.p50)} / ${ms(f.p95)}  (rendered ${ms(f.paintP50)} / ${ms(f.paintP95)})`);
  }

  const mem = r.memory;
  section(`Memory after ${mem?.lessonsWalked ?? '?'} lessons and ${mem?.quizQuestions ?? '?'} quiz questions (at start)`);
  if (mem) {
    row('wasm linear memory', `${mib(mem.afterWalk.wasmMemory)}  (${mib(mem.afterStart.wasmMemory)})`);
    row('JS heap used, after GC', `${mib(mem.afterWalk.jsHeapUsed)}  (${mib(mem.afterStart.jsHeapUsed)})`);
  } else row('memory', 'failed: see errors');

  section('Repeat visit, offline (service worker)');
  if (r.offline) {
    row(`navigation → app mounted (closer-mounted), median of ${r.offline.runs}`, `${ms(r.offline.median)}  (first online visit ${ms(r.offline.firstOnlineVisit)})`);
  } else row('offline visit', 'failed: see errors');

  const head = ['Measure', 'Value', 'Budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const title = `Closer bench  ${r.date}  commit ${r.commit?.slice(0, 10) ?? '?'}${r.dirty ? ' (+local changes)' : ''}  Chromium ${r.chromium ?? '?'}  load ${r.machine.loadStart}→${r.machine.loadEnd} on ${r.machine.cores} cores${QUICK ? '  [BENCH_QUICK]' : ''}`;
  return [title, '', line(head), `|${widths.map((w, i) => '-'.repeat(w + 2) + (i === 3 ? '' : '')).join('|')}|`, ...rows.map(line)].join('\n');
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 2;
});
