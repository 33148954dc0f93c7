// The lessons' cards' words and the quiz's are files of their own
// (guide/<lesson>.<hash>.json, guide/quiz.<hash>.json), not part of the wasm:
// a deep link preloads its file beside the wasm, the home page fetches the
// rest after its first paint, and a file that does not arrive says so and
// can be tried again.
import type { Page } from '@playwright/test';
import { cardHeading, cardPosition, expect, h1, nextCard, open, questionAt, ready, test } from './helpers';

const LESSON = '/lessons/basics/what-is-intimacy';
const LESSON_FILE = /\/guide\/basics-what-is-intimacy\.[0-9a-f]{16}\.json$/;
const QUIZ_FILE = /\/guide\/quiz\.[0-9a-f]{16}\.json$/;

/** The page's own requests (not the service worker's) whose URL matches. */
function requestsFor(page: Page, url: RegExp): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (url.test(r.url())) seen.push(r.url());
  });
  return seen;
}

/** Answers requests for `url` with a file that cannot fit any skeleton, until undone. */
async function breakFile(page: Page, url: RegExp): Promise<() => Promise<void>> {
  const handler = (route: import('@playwright/test').Route) =>
    route.fulfill({ contentType: 'application/json', body: '["not the words of this build"]' });
  await page.route(url, handler);
  return () => page.unroute(url, handler);
}

test("a lesson's link loads its words once, preloaded beside the wasm", async ({ page }) => {
  const seen = requestsFor(page, LESSON_FILE);
  // The first-screen script preloads the loader's files too on a deep link: each is fetched once.
  const wasm = requestsFor(page, /_bg\.wasm$/);
  // The main piece's glue, in the split set's folder (tools/src/split.rs).
  const glue = requestsFor(page, /\/wasm-[0-9a-f]+\/closer\.js$/);
  await open(page, LESSON);
  await expect(cardPosition(page, 1)).toBeVisible();
  await expect(cardHeading(page)).not.toHaveText('');
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  // One request: the first-screen script's preload, which the app's fetch then used.
  expect(seen).toHaveLength(1);
  expect(wasm).toHaveLength(1);
  expect(glue).toHaveLength(1);
  await expect(page.locator('link[rel="preload"][as="fetch"][href^="guide/"]')).toHaveAttribute('href', /^guide\/basics-what-is-intimacy\./);
});

test('the home page fetches every lesson and the quiz in the background, after its first paint', async ({ page }) => {
  await open(page, '/');
  await expect(h1(page)).toHaveText('Closer');
  const done = await page.getByText(/^0 of \d+ lessons done$/).innerText();
  const lessons = Number(done.split(' ')[2]);
  // Every prose file arrives without the person opening anything: one per lesson, one for the quiz.
  await expect
    .poll(() =>
      page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/guide/')).length),
    )
    .toBe(lessons + 1);
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
    const files = performance.getEntriesByType('resource').filter((e) => e.name.includes('/guide/'));
    return { paint, first: Math.min(...files.map((f) => f.startTime)), names: files.map((f) => f.name) };
  });
  expect(timing.first).toBeGreaterThanOrEqual(timing.paint);
  expect(timing.names.filter((n) => QUIZ_FILE.test(n))).toHaveLength(1);
  expect(new Set(timing.names).size).toBe(timing.names.length);
});

test.describe('without the worker', () => {
  // page.route sees only what the page itself fetches: here no worker answers from its cache.
  test.use({ serviceWorkers: 'block' });

test('a lesson whose words do not arrive says so, and "Try again" brings the card', async ({ page }) => {
  const undo = await breakFile(page, LESSON_FILE);
  await page.goto(LESSON);
  await ready(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Closer could not load this card' });
  await expect(alert).toBeVisible();
  // What does not depend on the words is all there: the lesson, its place, its links.
  await expect(cardPosition(page, 1)).toBeVisible();
  await expect(nextCard(page)).toBeVisible();
  await undo();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  await expect(cardHeading(page)).not.toHaveText('');
  await expect(page.getByRole('article')).toBeVisible();
});

test('a quiz whose questions do not arrive says so, and "Try again" brings the question', async ({ page }) => {
  const undo = await breakFile(page, QUIZ_FILE);
  await open(page, '/quiz');
  await page.getByRole('button', { name: /^Everything/ }).click();
  await expect(questionAt(page, 1)).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Closer could not load this question' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check' })).toHaveCount(0);
  await undo();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.locator('fieldset legend')).not.toHaveText('');
  await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
});
});
