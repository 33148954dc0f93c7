// The static servers (e2e/serve.mjs, like a real static host), child processes
// and temporary folders, all cleaned up on exit.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, sep } from 'node:path';
import { ROOT } from './config.mjs';

export const children = new Set();
export const tempDirs = new Set();

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
export async function serve(dir) {
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
export async function warm(server, dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());
  for (const f of files) {
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(new URL(f.split(sep).join('/'), server.url), { headers: { 'accept-encoding': encoding } });
      await res.arrayBuffer();
    }
  }
}

/** Kills the server process (for real: the offline visit depends on it). */
export async function stop(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

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
