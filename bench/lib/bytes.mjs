// Bytes on disk and as e2e/serve.mjs sends them (gzip -9, brotli 11).
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { attr } from './html.mjs';

export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Section sizes of a wasm module: where the bytes are (code, data, names). */
export function wasmSections(buf) {
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

/** The kind of a built file, for grouping: html, css, js, wasm, or its extension. */
export const kindOf = (path) => (path === 'index.html' || extname(path) === '.html' ? 'html' : extname(path).slice(1).replace('mjs', 'js') || 'other');

/** index.html and every css/js/wasm it loads at once, as paths inside dist/. */
export function firstLoadFiles(html) {
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

/** The files index.html names, raw, gzip and brotli, with the wasm's sections. */
export function measureBytes(site) {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const files = firstLoadFiles(html).map((path) => {
    if (!existsSync(join(site, path))) throw new Error(`index.html references ${path}, which is not in the build (was dist/ being rebuilt?)`);
    const buf = readFileSync(join(site, path));
    const kind = kindOf(path);
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
