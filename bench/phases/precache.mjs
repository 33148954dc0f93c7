// Phase "precache" (always, no browser): what a first visit downloads for
// offline use. src/bin/post_build.rs writes the list of built files into the
// worker, dist/sw.js (public/sw.js: `const FILES = __CLOSER_FILES__;`, every
// file but the worker itself and dot files, src/site.rs precache_list); the
// worker's install fetches each (cache.addAll). Sizes as e2e/serve.mjs sends
// them to a browser that accepts brotli: its Content-Length (brotli 11 for
// text, wasm and svg; png as is).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../lib/bytes.mjs';

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

export async function measurePrecache(server, site) {
  const files = [];
  for (const path of precacheList(site)) files.push(await served(server, site, path));
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
  };
}
