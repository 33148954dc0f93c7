// Code per route (src/pieces.rs, tools/src/split.rs): each route's page comes
// in its own piece of the wasm. A piece that does not arrive must not break
// the app (Leptos 0.8's own lazy routes panic there): the route says so in
// plain words and offers "Try again", which draws the page once the piece
// can be fetched.
//
// The service worker is blocked here: it would answer from its cache, and
// Playwright's routing does not see what a worker answers.
import { test as base, expect, type Page } from '@playwright/test';
import { h1 } from './helpers';

const test = base.extend<{ problems: string[] }>({
  problems: [async ({ context }, use) => {
    const problems: string[] = [];
    context.on('console', (m) => {
      if (m.type() === 'error' || m.text().includes('panicked')) problems.push(`console.${m.type()}: ${m.text()}`);
    });
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
    await context.addInitScript(() => {
      addEventListener('closer-mounted', () => {
        (window as unknown as { closerStarted: boolean }).closerStarted = true;
      });
    });
    await use(problems);
  }, { auto: true }],
});
test.use({ serviceWorkers: 'block' });

const MISSING = 'This page did not load';

/** Fails every request for the quiz's piece of the wasm while `state.blocked`. */
async function blockQuizPiece(page: Page, state: { blocked: boolean; hits: number }) {
  await page.route(/\/wasm-[0-9a-f]+\/split_quiz\.wasm$/, (route) => {
    state.hits++;
    return state.blocked ? route.abort('failed') : route.continue();
  });
}

async function started(page: Page) {
  await page.waitForFunction(() => (window as unknown as { closerStarted?: boolean }).closerStarted === true);
}

/** Only the failed download may be reported; never a panic or an uncaught error. */
function onlyTheFailedDownload(problems: string[]) {
  const other = problems.filter((p) => !/Failed to fetch|ERR_FAILED|Failed to load resource|TypeError: NetworkError/.test(p));
  expect(other).toEqual([]);
  expect(problems.join('\n')).not.toContain('panicked');
}

test('a page whose piece does not arrive says so, and Try again draws it once it can', async ({ page, problems }) => {
  const state = { blocked: true, hits: 0 };
  await blockQuizPiece(page, state);
  await page.goto('/');
  await started(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Quiz', exact: true }).click();
  await expect(h1(page)).toHaveText(MISSING);
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle(`${MISSING} · Closer`);
  const again = page.getByRole('button', { name: 'Try again' });
  await expect(again).toBeVisible();
  expect(state.hits).toBeGreaterThan(0);

  // Still failing: the message stays, and the app still answers.
  await again.click();
  await expect(again).toBeEnabled();
  await expect(h1(page)).toHaveText(MISSING);

  state.blocked = false;
  await again.click();
  await expect(h1(page)).toHaveText('Quiz');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  // The rest of the app carries on: back to the lessons and to the quiz again.
  await page.getByRole('navigation').getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Quiz', exact: true }).click();
  await expect(h1(page)).toHaveText('Quiz');
  onlyTheFailedDownload(problems);
});

test('opened by its link, a page whose piece does not arrive says so once the app runs', async ({ page, problems }) => {
  const state = { blocked: true, hits: 0 };
  await blockQuizPiece(page, state);
  await page.goto('/quiz');
  // The prerendered page shows first; the app then says what is missing.
  await started(page);
  await expect(h1(page)).toHaveText(MISSING);
  await expect(page.locator('#prerender')).toHaveCount(0);
  state.blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page)).toHaveText('Quiz');
  onlyTheFailedDownload(problems);
});

test('each page preloads its own pieces of the wasm, and the app fetches no other at the start', async ({ page, problems }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto('/quiz');
  await started(page);
  const listed = await page.locator('script[data-pieces]').getAttribute('data-pieces');
  expect(listed).toMatch(/split_quiz\.wasm/);
  const pieces = listed!.split(' ').filter((f) => f.endsWith('.wasm')).map((f) => f.split('/').pop()!);
  await expect(h1(page)).toHaveText('Quiz');
  // The main piece and exactly this page's pieces, each once.
  expect([...new Set(wasm)].sort()).toEqual(['closer_bg.wasm', ...pieces].sort());
  expect(problems).toEqual([]);
});

test.describe('with a Spanish browser', () => {
  // A first visit opens the reader's language: Spanish here.
  test.use({ locale: 'es-ES' });

  test('a Spanish page whose language file does not arrive goes on in English, and says so to screen readers', async ({ page, problems }) => {
    let hits = 0;
    await page.route(/\/lang\/es\.[0-9a-f]+\.json$/, (route) => {
      hits++;
      return route.abort('failed');
    });
    await page.goto('/es/quiz');
    await started(page);
    expect(hits).toBeGreaterThan(0);
    await expect(h1(page)).toHaveText('Quiz');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The app works, in English, at the same address.
    await expect(page).toHaveURL(/\/es\/quiz$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Lessons', exact: true }).click();
    await expect(page).toHaveURL(/\/es\/?$/);
    onlyTheFailedDownload(problems);
  });
});
