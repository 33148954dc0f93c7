// Offline after the first visit, updates that never swap under the page,
// a sub-path deploy, a strict CSP, and an installable manifest. These tests
// run their own static servers so that they can really stop them: Playwright's
// offline switch does not cover service-worker fetches.
import { test, expect, type Page } from '@playwright/test';
import { nextCard, walkLesson } from './helpers';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
// These tests start servers of their own, on ports next to the configured one,
// so that a second run on a shared machine (CLOSER_E2E_PORT) moves them too.
const PORT = Number(process.env.CLOSER_E2E_PORT ?? 4173) + 8;
const ports = { offline: PORT, deploy: PORT + 1, sub: PORT + 2, csp: PORT + 3, first: PORT + 4, files: PORT + 5, firstKept: PORT + 6 };

async function serve(dir: string, port: number, base = '/'): Promise<ChildProcess> {
  const server = spawn('node', [join(ROOT, 'e2e/serve.mjs'), dir, String(port), base], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', () => resolve());
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return server;
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

/**
 * Waits until a service worker controls the page, as a person's first visit
 * does: the worker claims every page when it activates, so no reload is needed.
 */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** The names of this app's build caches (not its small bookkeeping cache). */
/** Deploys a second build over the copy in `dir`: a new build id in the worker and in every page. */
function deploySecondBuild(dir: string, oldBuild: string): void {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/const BUILD = "[^"]+"/, 'const BUILD = "second-build"'));
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), html.replace(`content="${oldBuild}"`, 'content="second-build"'));
  }
}

async function buildCaches(page: Page): Promise<string[]> {
  return (await page.evaluate(() => caches.keys())).filter((n) => n.startsWith('closer-')).sort();
}

/** Collects CSP violations, console errors and page errors. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

test.describe('offline', () => {
  test('after one visit, lessons, quiz and progress work with the server stopped', async ({ page }) => {
    const problems = watch(page);
    const origin = `http://127.0.0.1:${ports.offline}`;
    const server = await serve(join(ROOT, 'dist'), ports.offline);
    let title = '';
    try {
      await page.goto(`${origin}/lessons/basics/what-is-intimacy`);
      title = await page.getByRole('heading', { level: 1 }).innerText();
      await page.goto(`${origin}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
      await controlled(page);
    } finally {
      await stop(server);
    }
    // The server is gone: everything below comes from the worker's cache.
    await page.goto(`${origin}/lessons/basics/what-is-intimacy`);
    await expect(page).toHaveURL(/\/lessons\/basics\/what-is-intimacy\/[a-z0-9-]+$/);
    await walkLesson(page);
    await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();

    await page.getByRole('link', { name: 'Quiz' }).first().click();
    await page.getByRole('button', { name: /^Everything/ }).click();
    await page.locator('fieldset input').first().check();
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Correct|Not quite/ })).toBeVisible();

    await page.reload();
    await expect(page.getByText('Question 1 of')).toBeVisible();
    await expect(page.getByRole('button', { name: /Next question|See results/ })).toBeVisible();
    await page.goto(`${origin}/`);
    // The lesson's own step on the path: its link, by its exact title, and its state.
    const step = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect(step).toHaveCount(1);
    await expect(step.getByText('Done', { exact: true })).toBeVisible();
    await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a first visit is controlled at once, even with a cache left by a failed install', async ({ page }) => {
    const problems = watch(page);
    const origin = `http://127.0.0.1:${ports.first}`;
    const server = await serve(join(ROOT, 'dist'), ports.first);
    try {
      // A blank page of the origin, where the app does not start. Leave a
      // half-filled cache behind, as an install that failed half way does.
      const blank = `${origin}/__blank__`;
      await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>blank</title>' }));
      await page.goto(blank);
      await page.evaluate(async () => {
        const cache = await caches.open('closer-failed-install');
        await cache.put('/half-done', new Response('partial'));
      });
      await page.unroute(blank);
      await page.goto(`${origin}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
      // No reload: the worker claims this very page when it activates.
      await controlled(page);
      await expect.poll(() => buildCaches(page)).toHaveLength(1);
      expect(await buildCaches(page)).not.toContain('closer-failed-install');
    } finally {
      await stop(server);
    }
    // The same page, never reloaded, now works with the server gone.
    await page.getByRole('link', { name: /^Start the guide/ }).click();
    await expect(page.getByText(/^Card 1 of \d+$/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^Card 1 of \d+$/)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('only app routes are answered with the page; a file URL gets the file', async ({ page }) => {
    const problems = watch(page);
    const origin = `http://127.0.0.1:${ports.files}`;
    const server = await serve(join(ROOT, 'dist'), ports.files);
    try {
      await page.goto(`${origin}/`);
      await controlled(page);
      // Opened as a page (a navigation), an icon is still an icon, from the cache.
      const icon = await page.goto(`${origin}/icons/icon-192.png`);
      expect(icon!.headers()['content-type']).toBe('image/png');
      const missing = await page.goto(`${origin}/no-such-file.txt`);
      expect(missing!.status()).toBe(404);
      const deep = await page.goto(`${origin}/lessons/kinds/physical`);
      expect(deep!.headers()['content-type']).toContain('text/html');
    } finally {
      await stop(server);
    }
    // The missing file is meant to 404, and so is the favicon that Chromium asks
    // for on the image's and the 404's own pages; nothing else may fail.
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
  });

  test('two tabs open during a deploy both offer it, and the one not reloaded keeps working, offline too', async ({ context }) => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-deploy-'));
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    const origin = `http://127.0.0.1:${ports.deploy}`;
    const server = await serve(dir, ports.deploy);
    const first = await context.newPage();
    const second = await context.newPage();
    const problems = [watch(first), watch(second)];
    const both = [first, second];
    let stopped = false;
    try {
      for (const page of both) {
        await page.goto(`${origin}/lessons/basics/what-is-intimacy`);
        await expect(page.getByText(/^Card 1 of \d+$/)).toBeVisible();
        await controlled(page);
      }
      const oldBuild = await first.locator('meta[name="closer-build"]').getAttribute('content');
      expect(oldBuild).toMatch(/^[0-9a-f]{16}$/);
      expect(await buildCaches(first)).toEqual([`closer-${oldBuild}`]);

      // Deploy a second build to the same origin: a new worker (new build id) and its pages.
      deploySecondBuild(dir, oldBuild);
      // Browsers check for a new worker on navigation and now and then; ask now, in one tab.
      await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      for (const page of both) {
        await expect(page.getByText('A new version of Closer is ready')).toBeVisible();
      }

      // The first tab takes the update.
      await Promise.all([first.waitForEvent('load'), first.getByRole('button', { name: 'Reload' }).click()]);
      await expect(first.locator('meta[name="closer-build"]')).toHaveAttribute('content', 'second-build');
      await expect(first.getByRole('heading', { level: 1 })).toBeVisible();

      // The second learns that a new version now answers it, and still runs the old one.
      await expect(second.getByText('A new version of Closer was installed in another tab')).toBeVisible();
      await expect(second.locator('meta[name="closer-build"]')).toHaveAttribute('content', oldBuild!);
      // Its build's files stay while it is open.
      expect(await buildCaches(second)).toEqual([`closer-${oldBuild}`, 'closer-second-build']);

      await stop(server);
      stopped = true;
      // Offline, the old tab goes on: its cards, and its own files from its build's cache.
      const card = await second.getByText(/^Card \d+ of \d+$/).innerText();
      await nextCard(second).click();
      await expect(second.getByText(/^Card \d+ of \d+$/)).not.toHaveText(card);
      const wasm = await second.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm'))!);
      expect(await second.evaluate(async (url) => (await fetch(url)).status, wasm)).toBe(200);

      // Once the old tab closes, the next page start frees its cache.
      await second.close();
      await first.reload();
      await expect(first.getByRole('heading', { level: 1 })).toBeVisible();
      await expect.poll(() => buildCaches(first)).toEqual(['closer-second-build']);
    } finally {
      if (!stopped) await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems.flat()).toEqual([]);
  });

  test('the tab of a first visit keeps its build’s cache when another tab takes an update', async ({ context }) => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-first-kept-'));
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    const origin = `http://127.0.0.1:${ports.firstKept}`;
    const server = await serve(dir, ports.firstKept);
    try {
      // The first visit: its page was loaded from the network, not through a worker.
      const visit = await context.newPage();
      await visit.goto(`${origin}/lessons/basics/what-is-intimacy`);
      await expect(visit.getByText(/^Card 1 of \d+$/)).toBeVisible();
      await controlled(visit);
      const oldBuild = await visit.locator('meta[name="closer-build"]').getAttribute('content');
      const later = await context.newPage();
      await later.goto(`${origin}/`);
      await controlled(later);

      deploySecondBuild(dir, oldBuild);
      await later.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect(later.getByText('A new version of Closer is ready')).toBeVisible();
      // The later tab takes the update; the first-visit tab still runs the old build.
      await Promise.all([later.waitForEvent('load'), later.getByRole('button', { name: 'Reload' }).click()]);
      await expect(later.locator('meta[name="closer-build"]')).toHaveAttribute('content', 'second-build');
      await expect(visit.getByText('A new version of Closer was installed in another tab')).toBeVisible();
      // The worker tidies when the reloaded tab starts: once it has, it knows
      // exactly the two open pages (the reloaded tab's old page is gone).
      const pagesKnown = () =>
        visit.evaluate(async () => (await (await caches.open('closer:meta')).keys()).filter((r) => r.url.includes('/__closer-page__/')).length);
      await expect.poll(pagesKnown).toBe(2);
      expect(await buildCaches(visit)).toEqual([`closer-${oldBuild}`, 'closer-second-build']);
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a sub-path build works end to end, offline too', async ({ page }) => {
  const problems = watch(page);
  const server = await serve(join(ROOT, 'dist-sub'), ports.sub, '/closer/');
  try {
    await page.goto(`http://127.0.0.1:${ports.sub}/closer/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
    const start = page.getByRole('link', { name: /Start the guide/ });
    await expect(start).toHaveAttribute('href', /^\/closer\/lessons\//);
    await start.click();
    await expect(page).toHaveURL(/\/closer\/lessons\/basics\/what-is-intimacy\//);
    await nextCard(page).click();
    await expect(page.getByText(/^Card 2 of \d+$/)).toBeVisible();
    await expect(page).toHaveURL(/\/closer\/lessons\/basics\/what-is-intimacy\/[a-z0-9-]+$/);
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await controlled(page);
    const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    expect(manifest.start_url).toBe('./');
  } finally {
    await stop(server);
  }
  await page.goto(`http://127.0.0.1:${ports.sub}/closer/quiz`);
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${ports.sub}/closer/`);
  expect(problems).toEqual([]);
});

test('the page carries a strict CSP and an installable manifest', async ({ page, request }) => {
  const problems = watch(page);
  const server = await serve(join(ROOT, 'dist'), ports.csp);
  try {
    const response = await page.goto(`http://127.0.0.1:${ports.csp}/`);
    const html = await response!.text();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(html).not.toMatch(/\sstyle="/);
    for (const path of ['/', '/quiz', '/lessons/kinds/physical', '/no/such/page']) {
      await page.goto(`http://127.0.0.1:${ports.csp}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(await page.locator('[style]').count()).toBe(0);

    const manifest = await (await request.get(`http://127.0.0.1:${ports.csp}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'Closer', display: 'standalone', start_url: './', scope: './' });
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const r = await request.get(`http://127.0.0.1:${ports.csp}/${icon.src}`);
      expect(r.status()).toBe(200);
      expect(r.headers()['content-type']).toBe(icon.type);
    }
    // Chromium's own installability check (Lighthouse 12+ no longer audits it).
    await page.goto(`http://127.0.0.1:${ports.csp}/`);
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Every Playwright context is off the record, which Chromium reports as
    // "in-incognito" whatever the site does; every other error is the site's.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  } finally {
    await stop(server);
  }
  expect(problems).toEqual([]);
});
