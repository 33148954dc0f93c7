// A static file server that behaves like a real static host: it compresses
// (brotli or gzip, as the browser asks), answers an app route with its
// prerendered page (`/quiz` with quiz.html, as Netlify, GitHub Pages and
// nginx's `try_files $uri $uri.html /index.html` do), falls back to
// index.html (or a language folder's, es/index.html) for the routes only the app knows, so deep links survive a
// reload, and answers 404 for missing files.
// Usage: node e2e/serve.mjs <dir> <port> [base]   (base: a sub-path like /closer/)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8080);
// Serve the site under a sub-path, as a static host does for a project page.
const base = (process.argv[4] ?? '/').replace(/\/?$/, '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

// Compressing is slow (brotli at its best quality): do it once per file version.
const compressed = new Map();
function compress(file, mtimeMs, encoding, body) {
  const key = `${file}\0${mtimeMs}\0${encoding}`;
  let out = compressed.get(key);
  if (!out) {
    out = encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return out;
}

async function resolveFile(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, clean);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const s = await stat(file);
    if (s.isFile()) return file;
    if (s.isDirectory()) {
      const index = join(file, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    /* not there */
  }
  return null;
}

const server = createServer(async (req, res) => {
  try {
    const fullPath = new URL(req.url, 'http://x').pathname;
    if (base !== '/' && fullPath === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      res.end();
      return;
    }
    if (!fullPath.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const path = '/' + fullPath.slice(base.length);
    let file = await resolveFile(path);
    // An app route (no file extension): its own page if the build wrote
    // one, else the app itself: its language's (es/index.html for an
    // address under /es/), or index.html.
    if (!file && !extname(path)) {
      const folder = path.split('/')[1];
      file =
        (await resolveFile(path.replace(/\/$/, '') + '.html')) ??
        (folder && (await resolveFile(`/${folder}/index.html`))) ??
        join(root, 'index.html');
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const ext = extname(file);
    let body = await readFile(file);
    const { mtimeMs } = await stat(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      // Hashed assets never change; index.html must be revalidated.
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
      // Never inside another site's frame (a <meta> policy cannot say this).
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.has(ext)) {
      const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
      if (encoding) {
        body = compress(file, mtimeMs, encoding, body);
        headers['content-encoding'] = encoding;
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(err));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});
