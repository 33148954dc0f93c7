// The printed table, and how figures are written in it.
import { DEEP_LINKS, usableBytes } from './budgets.mjs';
import { CPU_THROTTLE, QUICK, RUNS } from './config.mjs';

export const kib = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KiB`);
export const mib = (b) => (b == null ? 'n/a' : `${(b / 1024 / 1024).toFixed(2)} MiB`);
export const ms = (x) => (x == null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
export const score = (x) => (x == null ? 'n/a' : x.toFixed(2));

export function table(r) {
  const rows = [];
  const section = (title) => rows.push([`**${title}**`, '', '', '']);
  const row = (measure, value, budget = '', status = '') => rows.push([measure, value, budget, status]);
  const verdict = (name) => {
    const b = r.budgets.find((x) => x.name === name);
    return b ? (b.ok ? 'ok' : 'FAIL') : '';
  };
  const budgetOf = (name) => r.budgets.find((x) => x.name === name)?.budget ?? '';

  section('First load, the files index.html names: raw / gzip -9 / brotli 11');
  for (const f of r.bytes.files) row(`${f.kind}  ${f.path}`, `${kib(f.raw)} / ${kib(f.gzip)} / ${kib(f.brotli)}`);
  const t = r.bytes.total;
  row(`total (${r.bytes.files.length} files)`, `${kib(t.raw)} / ${kib(t.gzip)} / ${kib(t.brotli)}`);
  row('  of which the page and its stylesheets (its words and links work)', kib(usableBytes(r)), budgetOf('home page usable, brotli'), verdict('home page usable, brotli'));
  const wasm = r.bytes.files.find((f) => f.kind === 'wasm');
  if (wasm?.sections) {
    const s = wasm.sections;
    row('  wasm code / data sections', `${kib(s.code?.raw)} / ${kib(s.data?.raw)} raw, ${kib(s.code?.brotli)} / ${kib(s.data?.brotli)} br`);
  }

  section('The app\'s wasm and JS by page: the main piece and glue (mounted), the page\'s own pieces; raw / brotli 11');
  for (const [key, x] of Object.entries(r.appBytes ?? {})) {
    row(`${key} (${x.page}): main piece + glue`, `${kib(x.mounted.raw)} / ${kib(x.mounted.brotli)}`, key === 'home' ? budgetOf('main piece + glue, brotli') : '', key === 'home' ? verdict('main piece + glue, brotli') : '');
    for (const f of x.files.filter((f) => f.role === 'piece')) row(`  piece  ${f.path}`, `${kib(f.raw)} / ${kib(f.brotli)}`);
    row(`  ${key}: all it starts with (${x.total.files} files)`, `${kib(x.total.raw)} / ${kib(x.total.brotli)}`);
  }

  for (const [code, x] of Object.entries(r.languages ?? {})) {
    row(`language ${code}: its file (interface strings, the guide's words)`, `${kib(x.file.raw)} / ${kib(x.file.brotli)}`);
    row(`language ${code}: its ${x.prose.files} prose files`, `${kib(x.prose.raw)} / ${kib(x.prose.brotli)}`);
  }

  const fl = r.firstLoad;
  section(`First load until interactive, in Chromium (Slow 4G, CPU ${CPU_THROTTLE}x): sent (decoded)`);
  if (fl) {
    for (const f of fl.files.filter((x) => x.when === 'needed')) {
      row(`${f.kind}  ${f.path}`, `${kib(f.encoded)}  (${kib(f.decoded)})${f.encoding && f.encoding !== 'br' ? `  [${f.encoding}]` : ''}`);
    }
    row(`needed: ${fl.needed.files} responses, interactive at ${ms(fl.interactiveAt)}`, `${kib(fl.needed.encoded)}  (${kib(fl.needed.decoded)})`, budgetOf('first load, brotli'), verdict('first load, brotli'));
    if (fl.inFlight.files || fl.after.files) {
      row('  not counted: in flight at that point / started after', `${fl.inFlight.files} (${kib(fl.inFlight.encoded)}) / ${fl.after.files} (${kib(fl.after.encoded)})`);
    }
  } else row('first load in Chromium', `${r.errors['first-load'] ? 'failed: see errors' : 'not run'}`, budgetOf('first load, brotli'), verdict('first load, brotli'));

  const pc = r.precache;
  section('Precached for offline (dist/sw.js FILES): raw / sent');
  if (pc) {
    for (const [kind, k] of Object.entries(pc.byKind).sort((a, b) => b[1].sent - a[1].sent)) {
      row(`${kind} (${k.files} file${k.files === 1 ? '' : 's'})`, `${kib(k.raw)} / ${kib(k.sent)}`);
    }
    row(`total (${pc.total.files} files)`, `${kib(pc.total.raw)} / ${kib(pc.total.sent)}`);
    row('  and the worker itself, sw.js', `${kib(pc.worker.raw)} / ${kib(pc.worker.sent)}`);
    const lo = pc.pagesLeftOut;
    if (lo) row(`  not precached: the other prerendered pages (${lo.files}), brotli 11 each`, `${kib(lo.raw)} / ${kib(lo.brotli)}`);
  } else row('precache', 'failed: see errors');

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
    const tti = (x) => (x ? ms(x.metrics.tti) : 'n/a');
    row('time to interactive (TTI), app / limit', `${tti(lh.app)} / ${tti(lh.limit)} = ${lh.ttiRatio?.toFixed(2) ?? 'n/a'}`);
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

  const dl = r.deepLink;
  section(`Deep links: Slow 4G, CPU ${CPU_THROTTLE}x, empty cache, median (min–max) of ${RUNS.deepLink}`);
  const spread = (x) => (x ? `${ms(x.median)}  (${ms(x.min)}–${ms(x.max)})` : 'n/a');
  const what = {
    card: ['its words and "Next" link shown', 'the card'],
    compare: ['the arriving text shown', 'the arriving text'],
  };
  for (const [key, name] of DEEP_LINKS) {
    const x = dl?.[key];
    if (!x) {
      row(`${key} link`, `${r.errors['deep-link'] ? 'failed: see errors' : 'not run'}`, budgetOf(name), verdict(name));
      continue;
    }
    const [shown, copy] = what[key];
    row(`${x.path}: app, navigation → painted (${shown})`, spread(x.painted.app));
    row(`  static copy of ${copy}, navigation → painted`, spread(x.painted.static));
    row('  painted, app / static copy', x.painted.ratio?.toFixed(2) ?? 'n/a', budgetOf(name), verdict(name));
    row(`  app, navigation → interactive (${key === 'card' ? 'app mounted' : 'preview shown, app mounted'})`, `${spread(x.interactive.app)}  = ${x.interactive.ratioToStatic?.toFixed(2) ?? 'n/a'}x static`, budgetOf(`${key} link, interactive`), verdict(`${key} link, interactive`));
  }

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
