// Offline after the first visit, updates that never swap under the page,
// a sub-path deploy, a strict CSP, and an installable manifest. These tests
// run their own static servers so that they can really stop them: Playwright's
// offline switch does not cover service-worker fetches.
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

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
 * Waits until a service worker controls the page. A page that loaded while
 * the worker was activating is not claimed by it (a real person's next load
 * is controlled), so such a page is loaded once more.
 */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const claimed = await page.evaluate(
    () =>
      !!navigator.serviceWorker.controller ||
      new Promise<boolean>((r) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => r(true), { once: true });
        setTimeout(() => r(!!navigator.serviceWorker.controller), 3000);
      }),
  );
  if (!claimed) {
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  }
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

/** Walks the open lesson to its completion screen with the Next buttons. */
async function finishLesson(page: Page) {
  for (let i = 0; i < 20; i++) {
    const finish = page.getByRole('button', { name: 'Finish lesson' });
    if (await finish.isVisible()) {
      await finish.click();
      break;
    }
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
}

test.describe('offline', () => {
  test('after one visit, lessons, quiz and progress work with the server stopped', async ({ page }) => {
    const problems = watch(page);
    const server = await serve(join(ROOT, 'dist'), 4181);
    try {
      await page.goto('http://127.0.0.1:4181/');
      await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
      await controlled(page);
    } finally {
      await stop(server);
    }
    // The server is gone: everything below comes from the worker's cache.
    await page.goto('http://127.0.0.1:4181/lessons/basics/what-is-intimacy');
    await expect(page).toHaveURL(/\/lessons\/basics\/what-is-intimacy\/[a-z0-9-]+$/);
    await finishLesson(page);

    await page.getByRole('link', { name: 'Quiz' }).first().click();
    await page.getByRole('button', { name: /^Everything/ }).click();
    await page.locator('fieldset input').first().check();
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Correct|Not quite/ })).toBeVisible();

    await page.reload();
    await expect(page.getByText('Question 1 of')).toBeVisible();
    await expect(page.getByRole('button', { name: /Next question|See results/ })).toBeVisible();
    await page.goto('http://127.0.0.1:4181/');
    await expect(page.getByRole('link', { name: /What is intimacy|intimacy/i }).first()).toBeVisible();
    await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a new deploy is offered, never swapped under the open page', async ({ page }) => {
    const problems = watch(page);
    const dir = mkdtempSync(join(tmpdir(), 'closer-deploy-'));
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    const server = await serve(dir, 4182);
    try {
      await page.goto('http://127.0.0.1:4182/lessons/basics/what-is-intimacy');
      await controlled(page);
      const firstCard = await page.locator('article h2').innerText();

      // Deploy a second build to the same origin: a new worker (new build id) and a new page.
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      writeFileSync(join(dir, 'sw.js'), sw.replace(/const BUILD = "[^"]+"/, 'const BUILD = "second-build"'));
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      writeFileSync(join(dir, 'index.html'), html.replace('<title>', '<meta name="closer-test-build" content="2" /><title>'));
      // Browsers check for a new worker on navigation and now and then; ask now.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

      await expect(page.getByText('A new version of Closer is ready')).toBeVisible();
      // The old page keeps working, on the old build.
      await page.getByRole('button', { name: /^Next/ }).click();
      await expect(page.locator('article h2')).not.toHaveText(firstCard);
      await expect(page.locator('meta[name="closer-test-build"]')).toHaveCount(0);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
      await expect(page.locator('meta[name="closer-test-build"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => caches.keys())).toEqual(['closer-second-build']);
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });
});

test('a sub-path build works end to end, offline too', async ({ page }) => {
  const problems = watch(page);
  const server = await serve(join(ROOT, 'dist-sub'), 4183, '/closer/');
  try {
    await page.goto('http://127.0.0.1:4183/closer/');
    await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
    const start = page.getByRole('link', { name: /Start the guide/ });
    await expect(start).toHaveAttribute('href', /^\/closer\/lessons\//);
    await start.click();
    await expect(page).toHaveURL(/\/closer\/lessons\/basics\/what-is-intimacy\//);
    await page.getByRole('button', { name: /^Next/ }).click();
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await controlled(page);
    const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    expect(manifest.start_url).toBe('./');
  } finally {
    await stop(server);
  }
  await page.goto('http://127.0.0.1:4183/closer/quiz');
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL('http://127.0.0.1:4183/closer/');
  expect(problems).toEqual([]);
});

test('the page carries a strict CSP and an installable manifest', async ({ page, request }) => {
  const problems = watch(page);
  const server = await serve(join(ROOT, 'dist'), 4184);
  try {
    const response = await page.goto('http://127.0.0.1:4184/');
    const html = await response!.text();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(html).not.toMatch(/\sstyle="/);
    for (const path of ['/', '/quiz', '/lessons/kinds/physical', '/no/such/page']) {
      await page.goto(`http://127.0.0.1:4184${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(await page.locator('[style]').count()).toBe(0);

    const manifest = await (await request.get('http://127.0.0.1:4184/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ short_name: 'Closer', display: 'standalone', start_url: './', scope: './' });
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const r = await request.get(`http://127.0.0.1:4184/${icon.src}`);
      expect(r.status()).toBe(200);
      expect(r.headers()['content-type']).toBe(icon.type);
    }
    // Chromium's own installability check (Lighthouse 12+ no longer audits it).
    await page.goto('http://127.0.0.1:4184/');
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
