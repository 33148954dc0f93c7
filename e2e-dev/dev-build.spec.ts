// A development build (`trunk serve`, or `trunk build` without --release)
// shows the guide's words: the post-build hook writes the prose files
// (guide/*.json) that the app fetches for cards and questions in development
// too; before it did, every card said "Try again". Run by `make test-dev`
// with playwright.dev.config.ts, against dist-dev/.
import type { Page } from '@playwright/test';
import { contentLesson, type ContentCard } from '../e2e/content-helpers';
import {
  cardHeading,
  cardPosition,
  expect,
  h1,
  nextCard,
  open,
  questionAt,
  questionGroup,
  questionOptions,
  questionText,
  startEverything,
  test,
} from '../e2e/helpers';

const LESSON = contentLesson('/lessons/basics/what-is-intimacy');

/** No "could not load" message and no "Try again" anywhere on the page. */
async function noFailedWords(page: Page): Promise<void> {
  await expect(page.getByText(/^Closer could not load/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
}

/** The card on screen: its place, heading and first words. */
async function expectCard(page: Page, card: ContentCard, k: number): Promise<void> {
  await expect(page).toHaveURL(card.path);
  await expect(cardPosition(page, k)).toBeVisible();
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(page.getByRole('article').getByText(card.words, { exact: true })).toBeVisible();
  await noFailedWords(page);
}

test('a card opened by its link shows its words, and Next shows the next card\'s', async ({ page }) => {
  const [first, second] = LESSON.cards;
  // The dev build has no prerendered pages: what shows is the app's own drawing.
  expect((await (await page.request.get(first.path)).text()).includes('id="prerender"'), 'a development build prerenders nothing').toBe(false);
  await open(page, first.path);
  await expect(h1(page)).toHaveText(LESSON.title);
  await expectCard(page, first, 1);
  await nextCard(page).click();
  await expectCard(page, second, 2);
});

test("a quiz under way shows its question's words, also when /quiz/play is opened by its address", async ({ page }) => {
  await startEverything(page);
  await expect(questionAt(page, 1)).toBeVisible();
  await expect(questionGroup(page)).toBeVisible();
  const text = await questionText(page);
  expect(text.length, 'the question has words').toBeGreaterThan(10);
  const { labels } = await questionOptions(page);
  expect(labels.length).toBeGreaterThan(1);
  expect(labels.every((l) => l.length > 0), `options with words: ${JSON.stringify(labels)}`).toBe(true);
  await noFailedWords(page);

  // The quiz is kept: its page, opened anew, shows the same question.
  await open(page, '/quiz/play');
  await expect(questionAt(page, 1)).toBeVisible();
  await expect(questionGroup(page)).toBeVisible();
  expect(await questionText(page)).toBe(text);
  await noFailedWords(page);
});
