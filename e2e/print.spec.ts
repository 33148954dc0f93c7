// On paper: printing a check-in result or "My reflections" prints only the
// content (no menu, "Leave quickly", buttons, forms or footer); the
// conversation questions print as cards to cut out, eight to a page.
import type { Locator, Page } from '@playwright/test';
import { contentLessons } from './content-helpers';
import { expect, h1, open, test } from './helpers';
import { answers, barChart, chooseStep, figuresTable, firstCheckIn, homeWeek } from './checkin-helpers';
import { aboutGroup, encode, received } from './together-helpers';

/** What a printout must not carry: the page's frame and every control. */
async function expectOnlyContent(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Leave quickly' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  for (const control of await page.getByRole('button').all()) await expect(control).toBeHidden();
  for (const field of await page.locator('input, textarea, select').all()) await expect(field).toBeHidden();
  await expect(h1(page)).toBeVisible();
}

test('a check-in result prints its picture, chart and table, and nothing else', async ({ page }) => {
  await firstCheckIn(page, 'Robin', answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]));
  await chooseStep(page);
  await page.emulateMedia({ media: 'print' });
  await expectOnlyContent(page);
  await expect(page.getByRole('region', { name: 'In short' })).toBeVisible();
  await expect(barChart(page)).toBeVisible();
  // The table and the caveats are folded on screen, and print open.
  await expect(figuresTable(page)).toBeVisible();
  await expect(page.getByText('This is a way to reflect, not a test or a diagnosis.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'One small step this week' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('region', { name: 'One small step this week' })).toBeVisible();
});

test('"My reflections" prints the notes with a line on who may read the paper', async ({ page }) => {
  const lesson = contentLessons().find((l) => l.cards.some((c) => c.kind === 'reflect'))!;
  const card = lesson.cards.find((c) => c.kind === 'reflect')!;
  await open(page, card.path);
  const note = 'What I would like more of: slow Sunday walks.';
  await page.getByRole('article').getByRole('textbox').fill(note);
  await open(page, '/reflections');
  await expect(page.getByText(note)).toBeVisible();
  const printButton = page.getByRole('button', { name: 'Print my reflections' });
  await expect(printButton).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expectOnlyContent(page);
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText('anyone who finds it can read it')).toBeVisible();
});

test('the conversation questions print as cards, two across and four down', async ({ page }) => {
  await firstCheckIn(page, 'Alex', answers(2, [1, 4], [3, 3], [3, 3], [4, 2], [2, 1]));
  // 2026-12-02, a day a code can carry.
  await page.goto(`/compare#${encode(answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]), 20_789, 'Sam')}`);
  await expect(received(page, 'Sam')).toBeVisible();
  await aboutGroup(page).getByRole('radio', { name: 'Alex' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const questions: Locator = page.locator('.talk-round .questions li');
  await expect(questions.first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expectOnlyContent(page);
  const boxes = await questions.evaluateAll((lis) => lis.slice(0, 4).map((li) => li.getBoundingClientRect().toJSON()));
  // Two across: the second card beside the first, the third below it.
  expect(Math.round(boxes[1].top)).toBe(Math.round(boxes[0].top));
  expect(boxes[1].left).toBeGreaterThan(boxes[0].right - 2);
  expect(boxes[2].top).toBeGreaterThanOrEqual(boxes[0].bottom - 2);
  // Four down fit on a Letter page (279 mm, less 24 mm of margins).
  const mm = 96 / 25.4;
  expect(boxes[0].height * 4).toBeLessThanOrEqual((279 - 24) * mm);
  expect(boxes[0].height).toBeGreaterThan(40 * mm);
});

test('the home page prints no reminder fold or step controls', async ({ page }) => {
  await firstCheckIn(page, 'Kit', answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]));
  const step = await chooseStep(page);
  await open(page, '/');
  await expect(homeWeek(page)).toContainText(step);
  await page.emulateMedia({ media: 'print' });
  await expectOnlyContent(page);
  await expect(page.getByText('Add to my calendar', { exact: true })).toBeHidden();
});
