// Phase "precache" (always, no browser): what a first visit downloads for
// offline use. The build tool (tools/, closer-build) writes the list of built
// files into the worker, dist/sw.js (public/sw.js: `const FILES =
// __CLOSER_FILES__;`, tools/src/site.rs precache_list: every file but the
// worker itself, dot files and the prerendered pages other than index.html);
// the worker's install fetches each (cache.addAll). Sizes as e2e/serve.mjs
// sends them to a browser that accepts brotli: its Content-Length (brotli 11
// for text, wasm and svg; png as is). For information, the prerendered pages
// the list leaves out (every .html file of dist/ not in it), brotli 11 each.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { compressed, kindOf } from '../lib/bytes.mjs';

export function precacheList(site) {
  const src = readFileSync(join(site, 'sw.js'), 'utf8');
  const m = src.match(/\bconst FILES = (\[[^\]]*\]);/);
  if (!m) throw new Error('dist/sw.js has no `const FILES = [...]`: was it a development build? (public/sw.js, src/bin/post_build.rs)');
  return JSON.parse(m[1]);
}

async function served(server, site, path) {
  const res = await fetch(new URL(path, server.url), { headers: { 'accept-encoding': 'br' } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`precache: ${path} answered ${res.status}`);
  return {
    path,
    kind: kindOf(path),
    raw: statSync(join(site, path)).size,
    sent: Number(res.headers.get('content-length')),
    encoding: res.headers.get('content-encoding') ?? 'identity',
  };
}

/** The built pages (every .html file under dist/) that the worker's list leaves out: their number and bytes, brotli 11 each. */
export function pagesNotPrecached(site, list) {
  const listed = new Set(list);
  const pages = readdirSync(site, { recursive: true })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.html') && !listed.has(f));
  const out = { files: pages.length, raw: 0, brotli: 0 };
  for (const f of pages) {
    const c = compressed(readFileSync(join(site, f)));
    out.raw += c.raw;
    out.brotli += c.brotli;
  }
  return out;
}

export async function measurePrecache(server, site) {
  const files = [];
  const list = precacheList(site);
  for (const path of list) files.push(await served(server, site, path));
  const total = { files: files.length, raw: 0, sent: 0 };
  const byKind = {};
  for (const f of files) {
    total.raw += f.raw;
    total.sent += f.sent;
    byKind[f.kind] ??= { files: 0, raw: 0, sent: 0 };
    byKind[f.kind].files++;
    byKind[f.kind].raw += f.raw;
    byKind[f.kind].sent += f.sent;
  }
  return {
    measure: "the files in dist/sw.js's FILES list, as e2e/serve.mjs sends them (brotli where it compresses)",
    files,
    byKind,
    total,
    // Fetched too (it is the worker), but not part of its own list.
    worker: await served(server, site, 'sw.js'),
    // Not fetched: what precaching every prerendered page as well would add.
    pagesLeftOut: pagesNotPrecached(site, list),
  };
}
