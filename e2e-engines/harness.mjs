// Runs the journeys in one engine with node's test runner, against the release
// build in dist/ served by e2e/serve.mjs (the same server Playwright uses).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { JOURNEYS, UPDATE_BANNER, screenshots } from './journeys.mjs';
import { findElement } from './page.mjs';

/** At most this long for one journey (it takes seconds): a hung browser fails it instead of the run stalling. */
const JOURNEY_TIMEOUT_MS = 5 * 60_000;

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The first port (above those of Playwright's specs, 4173 to 4184): Firefox uses about a dozen from here, WebKit a dozen from 20 above it. */
export const BASE_PORT = Number(process.env.CLOSER_ENGINES_PORT ?? 4200);

/** Starts `node e2e/serve.mjs DIR PORT` (DIR: dist/ unless given); resolves once it listens. */
export async function serve(port, dir) {
  const dist = dir ?? join(ROOT, 'dist');
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ has no build: run `make build` first');
  const child = spawn(process.execPath, [join(ROOT, 'e2e/serve.mjs'), dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`e2e/serve.mjs on port ${port} exited with ${code} (port taken? set CLOSER_ENGINES_PORT)`)));
  });
  return { origin: `http://127.0.0.1:${port}`, dir: dist, stop: () => stopChild(child) };
}

/** Serves a copy of dist/ that a journey may change (a second deploy); stop() removes it. */
async function serveCopy(port) {
  const dir = mkdtempSync(join(tmpdir(), 'closer-engines-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const server = await serve(port, dir);
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill();
  return exited;
}

/**
 * Asks the server for every file once, brotli and gzip, so that it compresses
 * them (brotli at its best quality takes seconds for the wasm) while the
 * browser starts, not during the first journey.
 */
export async function warm(server) {
  const files = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(wasm|js|css|html)$/.test(f));
  await Promise.all(
    files.flatMap((f) => ['br', 'gzip'].map((enc) => fetch(`${server.origin}/${f}`, { headers: { 'accept-encoding': enc } }).then((r) => r.arrayBuffer()))),
  );
}

/**
 * For engines whose driver cannot run a script before the page's own (WebKit
 * here: WebKitWebDriver has no BiDi, so no preload scripts): a proxy in front
 * of a server that adds `<script src="/__engines__/preload.js">` as the first
 * element of every HTML page. The CSP allows it ('self'); nothing else changes.
 * `preload` is the script's source; without one, the proxy only passes
 * requests on. Stopping it also stops `upstream` (pass a `stop` that does
 * nothing to keep a shared server).
 */
export async function injectingProxy(port, upstream, preload) {
  const up = new URL(upstream.origin);
  const TAG = '<script src="/__engines__/preload.js"></script>';
  const server = createServer((req, res) => {
    if (preload && req.url === '/__engines__/preload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(preload);
      return;
    }
    const headers = { ...req.headers, host: up.host };
    const path = new URL(req.url, 'http://x').pathname;
    const html = !!preload && (!/\.[a-z0-9]+$/i.test(path) || path.endsWith('.html'));
    // HTML is rewritten, so ask for it uncompressed; everything else passes through as served.
    if (html) headers['accept-encoding'] = 'identity';
    const out = request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers }, (r) => {
      if (!html || !String(r.headers['content-type']).startsWith('text/html')) {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        return;
      }
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replace(/<head>/i, (h) => h + TAG));
        res.writeHead(r.statusCode, { ...r.headers, 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
    // The server behind is stopped: close the connection, as a stopped host would.
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await upstream.stop();
    },
  };
}

/**
 * Registers one test per journey for an engine:
 * `{ name, portOffset, start(), stop(), newSession({ blockStorage }), site(server, { blockStorage, port }), skip: { capability: reason } }`.
 * One server (e2e/serve.mjs) serves every journey of the run. A journey that
 * stops its server (offline) gets its own origin: a port of its own that
 * passes requests on to that server until the journey stops it, and from then
 * on refuses connections, as a stopped host does. `site` gives the engine's
 * way to the server (WebKit puts its injecting proxy in front); its `stop()`
 * stops that, and the journey's own port with it.
 */
export function runJourneys(engine) {
  const failures = join(ROOT, 'target', 'engines');
  let port = BASE_PORT + (engine.portOffset ?? 0);
  const nextPort = () => port++;
  let shared;
  before(async () => {
    shared = await serve(nextPort());
    await Promise.all([warm(shared), engine.start()]);
  });
  after(async () => {
    await engine.stop();
    await shared?.stop();
  });

  async function session(journey, body) {
    const keep = { ...shared, stop: async () => {} };
    const server = journey.ownCopy
      ? await serveCopy(nextPort())
      : journey.ownServer
        ? await injectingProxy(nextPort(), keep, null)
        : keep;
    const site = { dir: server.dir, ...(await engine.site(server, { blockStorage: !!journey.blockStorage, port: nextPort() })) };
    const s = await engine.newSession({ blockStorage: !!journey.blockStorage });
    try {
      await body(s, site);
      assert.deepEqual(await s.problems(), [], 'console errors, uncaught errors or panics');
      // Every journey but the deploy one is a first visit to its build: the
      // worker's first install is not a new version (src/offline.rs).
      if (!journey.deploys) {
        assert.ok(!(await s.element(findElement, UPDATE_BANNER)), 'a first visit offered "A new version of Closer"');
      }
    } catch (e) {
      mkdirSync(failures, { recursive: true });
      const file = join(failures, `${engine.name}-${journey.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await s.screenshot(file).then(() => console.log(`screenshot of the failure: ${file}`), () => {});
      const problems = await s.problems().catch(() => []);
      if (problems.length) console.log(`problems seen: ${JSON.stringify(problems, null, 1)}`);
      throw e;
    } finally {
      await s.close();
      await site.stop();
    }
  }

  for (const journey of JOURNEYS) {
    const reason = journey.needs && engine.skip?.[journey.needs];
    // A journey takes seconds; the timeout is for a browser that hangs (seen
    // twice under heavy load: MiniBrowser could not open the X display and the
    // driver waited for it), so the run fails and goes on instead of stalling.
    test(`${engine.name}: ${journey.name}`, { skip: reason ? `${engine.name}: ${reason}` : false, timeout: JOURNEY_TIMEOUT_MS }, () =>
      session(journey, (s, site) => journey.run(s, site)),
    );
  }

  // Screenshots at phone width, only when asked for (CLOSER_ENGINES_SHOTS=dir).
  const shots = process.env.CLOSER_ENGINES_SHOTS;
  test(`${engine.name}: screenshots at 390 px`, { skip: shots ? false : 'set CLOSER_ENGINES_SHOTS=<dir> to take them' }, () =>
    session({ name: 'screenshots' }, (s, site) => screenshots(s, site.origin, shots, engine.name)),
  );
}
