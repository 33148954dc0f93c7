// Bytes on disk and as e2e/serve.mjs sends them (gzip -9, brotli 11).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The site's base path (`/` or `/closer/`) from the page's `<base href>`. */
const basePathOf = (html) => {
  const base = html.match(/<base\b[^>]*>/i)?.[0];
  return (base && attr(base, 'href')) || '/';
};

/** A reference in the page as a path inside dist/, or null when it is elsewhere. */
function sitePath(ref, basePath) {
  const root = new URL(basePath, 'http://host/');
  const url = new URL(ref, root);
  if (url.host !== 'host' || !url.pathname.startsWith(root.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(root.pathname.length));
}

/**
 * What the page's loader starts the app with, as paths inside dist/: `main`,
 * the JS glue and the main piece of the wasm (what the app needs to mount);
 * `pieces`, the page's own pieces of the wasm and their loader, which the
 * build tool lists in the first-screen script's data-pieces (none when the
 * wasm is not split).
 */
export function loaderFiles(html) {
  const basePath = basePathOf(html);
  const main = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    for (const i of m[2].matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|module_or_path\s*:\s*)['"]([^'"]+)['"]/g)) {
      const path = sitePath(i[1], basePath);
      if (path && ['.js', '.wasm'].includes(extname(path)) && !main.includes(path)) main.push(path);
    }
  }
  const tag = html.match(/<script\b[^>]*\bdata-pieces\s*=[^>]*>/i)?.[0];
  const pieces = (tag ? attr(tag, 'data-pieces') ?? '' : '')
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => sitePath(ref, basePath))
    .filter((p) => p && !main.includes(p));
  return { main, pieces };
}

/** index.html and every css/js/wasm it loads at once (its pieces of the wasm included), as paths inside dist/. */
export function firstLoadFiles(html) {
  const basePath = basePathOf(html);
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
  refs.push(...loaderFiles(html).pieces);
  const files = ['index.html'];
  for (const ref of refs) {
    const rel = sitePath(ref, basePath);
    if (rel == null || !['.css', '.js', '.mjs', '.wasm'].includes(extname(rel))) continue;
    if (!files.includes(rel)) files.push(rel);
  }
  return files;
}

/** The sum of raw, gzip and brotli over `files`. */
const sum = (files) => {
  const total = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of ['raw', 'gzip', 'brotli']) total[k] += f[k];
  return total;
};

/**
 * The wasm and JS a page of the built site starts the app with (`page`, a
 * file inside dist/): `mounted`, the main piece and its glue, which every
 * page needs before the app mounts; `pieces`, the page's own pieces (and
 * their loader); `files`, each of them.
 */
export function measureAppBytes(site, page) {
  const { main, pieces } = loaderFiles(readFileSync(join(site, page), 'utf8'));
  const measure = (path, role) => {
    if (!existsSync(join(site, path))) throw new Error(`${page} references ${path}, which is not in the build`);
    return { path, role, ...compressed(readFileSync(join(site, path))) };
  };
  const files = [...main.map((p) => measure(p, 'mounted')), ...pieces.map((p) => measure(p, 'piece'))];
  return {
    page,
    files,
    mounted: sum(files.filter((f) => f.role === 'mounted')),
    pieces: sum(files.filter((f) => f.role === 'piece')),
    total: sum(files),
  };
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

/**
 * Each language other than English, as the site ships it (tools/ writes
 * them): its file `lang/<code>.<hash>.json` (interface strings and the
 * guide's words) and its prose files under `guide/<code>/`, raw, gzip and
 * brotli, each file compressed on its own as the server sends it.
 */
export function measureLanguages(site) {
  const out = {};
  const add = (code, part, buf) => {
    out[code] ??= { file: { files: 0, raw: 0, gzip: 0, brotli: 0 }, prose: { files: 0, raw: 0, gzip: 0, brotli: 0 } };
    const c = compressed(buf);
    out[code][part].files++;
    for (const k of ['raw', 'gzip', 'brotli']) out[code][part][k] += c[k];
  };
  const langDir = join(site, 'lang');
  if (existsSync(langDir)) {
    for (const f of readdirSync(langDir)) {
      const code = f.split('.')[0];
      add(code, 'file', readFileSync(join(langDir, f)));
    }
  }
  const guide = join(site, 'guide');
  for (const code of Object.keys(out)) {
    const dir = join(guide, code);
    if (existsSync(dir)) for (const f of readdirSync(dir)) add(code, 'prose', readFileSync(join(dir, f)));
  }
  return out;
}
