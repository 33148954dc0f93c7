// The prerendered pages before the app runs (its wasm held back, as on a slow
// phone's network, or never arriving): a lesson's cards read and turned as
// plain pages, a shared check-in link that says what is arriving, and an
// address only the app knows that shows the site's frame and nothing of
// another page, until the app draws its own.
import type { Page } from '@playwright/test';
import { answers } from './checkin-helpers';
import { contentLesson, type ContentCard } from './content-helpers';
import { cardHeading, cardPosition, expect, finishLesson, h1, nextCard, ORIGIN, previousCard, ready, tabTo, test } from './helpers';
import { blockWasm, holdWasm, neverSeen } from './pages-helpers';
import { encode, received } from './together-helpers';

const LESSON = contentLesson('/lessons/basics/what-is-intimacy');

/** Whether the page is still the prerendered one, with no app running. */
function appless(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.getElementById('prerender') && !(window as unknown as { closerStarted?: boolean }).closerStarted);
}

/** The card a person sees: its lesson, its place, its heading and its first words. */
async function expectCard(page: Page, card: ContentCard, k: number): Promise<void> {
  await expect(page).toHaveURL(card.path);
  await expect(h1(page)).toHaveText(LESSON.title);
  await expect(cardPosition(page, k)).toBeVisible();
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(page.getByRole('article').getByText(card.words, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(`${LESSON.title} (${k} of ${LESSON.cards.length}) · Closer`);
}

test("with no wasm, a card opened by its link shows its words, and Next and Previous open the cards' pages", async ({ page }) => {
  const [first, second, third] = LESSON.cards;
  await blockWasm(page);
  await page.goto(first.path);
  await expectCard(page, first, 1);
  // Nothing comes before the first card: its "Previous" says so and goes nowhere.
  await expect(previousCard(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(previousCard(page)).not.toHaveAttribute('href');
  expect(await appless(page)).toBe(true);

  // "Next" by mouse: the next card's own page.
  await nextCard(page).click();
  await expectCard(page, second, 2);
  expect(await appless(page)).toBe(true);

  // "Next" by keyboard: Tab to it, Enter.
  await tabTo(page, nextCard(page));
  await page.keyboard.press('Enter');
  await expectCard(page, third, 3);
  expect(await appless(page)).toBe(true);

  // "Previous" goes back a card.
  await previousCard(page).click();
  await expectCard(page, second, 2);
  expect(await appless(page)).toBe(true);
});

test('a shared check-in link opened before the app runs says what is arriving, then shows it', async ({ page }) => {
  const code = encode(answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]), 20_789, 'Sam');
  // The form for pasting a code is never shown to someone who came with a link.
  const seen = await neverSeen(page, [{ selector: 'label', text: /^Code or link$/ }]);
  const release = await holdWasm(page);
  await page.goto(`/compare#${code}`);
  await expect(h1(page)).toHaveText('Compare with someone');
  await expect(page.getByText(/^Someone has shared a check-in with you: .+ It opens here in a moment\.$/)).toBeVisible();
  await expect(page.getByText(/^Closer is a free guide /)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Code or link' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open', exact: true })).toBeHidden();
  expect(await appless(page)).toBe(true);
  expect(new URL(page.url()).hash).toBe(`#${code}`);

  release();
  await ready(page);
  await expect(received(page, 'Sam')).toBeVisible();
  // The answers leave the address once read.
  await expect(page).toHaveURL(`${ORIGIN}/compare`);
  expect(await page.evaluate(() => location.hash)).toBe('');
  await expect(page.getByText(/^Someone has shared a check-in with you/)).toBeHidden();
  expect(await seen(), 'the paste form shown to someone who came with a link').toEqual([]);
});

test('an address only the app knows shows the frame, nothing of another page, then the app draws its page', async ({ page }) => {
  // The host answers /checkin/<id> with index.html: its home page must never show.
  const seen = await neverSeen(page, [
    { selector: 'h1', text: /^Closer$/ },
    { selector: 'a', text: /^Start the guide$/ },
  ]);
  const release = await holdWasm(page);
  await page.goto('/checkin/abc123');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Closer', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeHidden();
  expect(await appless(page)).toBe(true);

  release();
  await ready(page);
  await expect(h1(page)).toHaveText('This relationship is not here');
  await expect(page).toHaveURL(`${ORIGIN}/checkin/abc123`);
  expect(await seen(), "the home page's content shown at another address").toEqual([]);
});

test('"Finish lesson" followed before the app runs still finishes the lesson once it does', async ({ page }) => {
  // Failed before the fix: the app arrived on the completion screen of a
  // lesson it had not seen finished and sent the person back to card 1.
  const last = LESSON.cards[LESSON.cards.length - 1];
  const release = await holdWasm(page);
  await page.goto(last.path);
  await expectCard(page, last, LESSON.cards.length);
  await finishLesson(page).click();
  await expect(page).toHaveURL(`${LESSON.path}/done`);
  release();
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
  await expect(page).toHaveURL(`${LESSON.path}/done`);
  // And it is kept: the home page counts it.
  await page.goto('/');
  await ready(page);
  await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
});

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test("the app taking over a card page does not replay the card's entrance; turning a card does", async ({ page }) => {
    // Failed before the fix: every card slid in from transparent, so the
    // prerendered card faded out and in again when the app mounted.
    const [first, second] = LESSON.cards;
    // The prerendered card, read while the app is held back (read during the
    // take-over, the card may already be detached and have no style at all).
    const release = await holdWasm(page);
    await page.goto(first.path);
    const entrance = () => page.getByRole('article').evaluate((card) => getComputedStyle(card).animationName);
    await expectCard(page, first, 1);
    expect(await entrance()).toBe('none');
    release();
    await ready(page);
    await expectCard(page, first, 1);
    expect(await entrance()).toBe('none');
    await nextCard(page).click();
    await expectCard(page, second, 2);
    expect(await entrance()).toBe('card-in');
  });
});
