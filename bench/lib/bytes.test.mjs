// node --test bench/lib/: which files a built page starts the app with.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { firstLoadFiles, loaderFiles, measureAppBytes, measureLanguages } from './bytes.mjs';

// A page as tools/ writes it with the wasm split: the deferred loader imports
// the glue and starts the main piece; the first-screen script lists the
// page's own pieces (relative to the base).
const page = (base) => `<!doctype html><html><head><base href="${base}" />
<link rel="stylesheet" href="${base}base-1.css" integrity="sha384-x"/>
<script type="module">
const bindings = await import("${base}wasm-01/closer.js"), init = bindings.default;
const wasm = await init({ module_or_path: '${base}wasm-01/closer_bg.wasm' });
</script></head><body>
<script data-path="/" data-pieces="wasm-01/__wasm_split.js wasm-01/chunk_2.wasm wasm-01/split_home.wasm">(function(){})();</script>
<div id="prerender"></div></body></html>`;

test('the main piece and glue, then the page\'s own pieces, at the root and under a sub-path', () => {
  for (const base of ['/', '/closer/']) {
    assert.deepEqual(loaderFiles(page(base)), {
      main: ['wasm-01/closer.js', 'wasm-01/closer_bg.wasm'],
      pieces: ['wasm-01/__wasm_split.js', 'wasm-01/chunk_2.wasm', 'wasm-01/split_home.wasm'],
    });
  }
});

test('the first load counts the page, its stylesheets, the main piece and the page\'s pieces', () => {
  assert.deepEqual(firstLoadFiles(page('/closer/')), [
    'index.html',
    'base-1.css',
    'wasm-01/closer.js',
    'wasm-01/closer_bg.wasm',
    'wasm-01/__wasm_split.js',
    'wasm-01/chunk_2.wasm',
    'wasm-01/split_home.wasm',
  ]);
});

test('an unsplit build has no pieces', () => {
  const html = page('/').replace(/ data-pieces="[^"]*"/, '');
  assert.deepEqual(loaderFiles(html).pieces, []);
});

test('mounted is the main piece and glue; pieces are counted apart', () => {
  const site = mkdtempSync(join(tmpdir(), 'closer-bytes-'));
  try {
    mkdirSync(join(site, 'wasm-01'));
    writeFileSync(join(site, 'index.html'), page('/'));
    const sizes = { 'closer.js': 100, 'closer_bg.wasm': 1000, '__wasm_split.js': 10, 'chunk_2.wasm': 200, 'split_home.wasm': 300 };
    for (const [name, n] of Object.entries(sizes)) writeFileSync(join(site, 'wasm-01', name), Buffer.alloc(n, 7));
    const b = measureAppBytes(site, 'index.html');
    assert.equal(b.mounted.files, 2);
    assert.equal(b.mounted.raw, 1100);
    assert.equal(b.pieces.files, 3);
    assert.equal(b.pieces.raw, 510);
    assert.equal(b.total.raw, 1610);
    assert.ok(b.mounted.brotli > 0 && b.mounted.brotli < b.mounted.raw);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('each other language: its file and its prose files, counted apart from English', () => {
  const site = mkdtempSync(join(tmpdir(), 'closer-langs-'));
  try {
    mkdirSync(join(site, 'lang'));
    mkdirSync(join(site, 'guide', 'es'), { recursive: true });
    writeFileSync(join(site, 'lang', 'es.0123.json'), '{"ui":{},"words":[],"prose":[]}');
    writeFileSync(join(site, 'guide', 'es', 'quiz.1.json'), '["uno"]');
    writeFileSync(join(site, 'guide', 'es', 'basics-x.2.json'), '["dos"]');
    writeFileSync(join(site, 'guide', 'quiz.3.json'), '["one"]');
    const langs = measureLanguages(site);
    assert.deepEqual(Object.keys(langs), ['es']);
    assert.equal(langs.es.file.files, 1);
    assert.equal(langs.es.file.raw, 31);
    assert.equal(langs.es.prose.files, 2);
    assert.equal(langs.es.prose.raw, 14);
    assert.ok(langs.es.file.brotli > 0);
    assert.deepEqual(measureLanguages(join(site, 'guide')), {});
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
