// "Talk together" on a route of its own: the rules first, then one question
// at a time with Next, Pass and Go deeper, by keyboard; starred questions
// kept with progress over a reload; started from a comparison, its
// suggested kinds come first; reachable from home; axe clean.
import type { Page } from '@playwright/test';
import { expect, h1, open, reload, tabTo, test } from './helpers';
import { answers, audit, firstCheckIn } from './checkin-helpers';
import { aboutGroup, encode, received, talkRounds, togetherList } from './together-helpers';

const ROUNDS = talkRounds();
const [LIGHT, DEEPER] = [...ROUNDS.keys()];
const question = (page: Page) => page.locator('#talk-question');
const table = (page: Page) => page.getByRole('region', { name: LIGHT }).or(page.getByRole('region', { name: DEEPER }));

test('the questions one at a time by keyboard: next, pass, deeper, and a starred question kept over a reload', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('link', { name: 'Talk together', exact: true }).click();
  await expect(h1(page)).toHaveText('Talk together');
  // The rules come first, as the guide's content says them.
  const rules = page.getByRole('group').filter({ has: page.getByText('How it works', { exact: true }) });
  await expect(rules.getByRole('listitem')).toHaveText(togetherList('rules'));

  await tabTo(page, page.getByRole('button', { name: 'Begin' }));
  await page.keyboard.press('Enter');
  const light = ROUNDS.get(LIGHT)!.map((q) => q.text);
  await expect(question(page)).toBeFocused();
  // The rules fold away once the talk begins (one tap brings them back).
  await expect(rules.getByRole('listitem').first()).toBeHidden();
  const first = (await question(page).innerText()).trim();
  expect(light).toContain(first);
  await expect(page.getByText(`${LIGHT}: question 1 of ${light.length}`)).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Next question' }));
  await page.keyboard.press('Enter');
  await expect(question(page)).not.toHaveText(first);
  await expect(page.getByText(`${LIGHT}: question 2 of ${light.length}`)).toBeVisible();
  const second = (await question(page).innerText()).trim();
  expect(light).toContain(second);

  // Pass: another question, and the count does not move.
  await tabTo(page, page.getByRole('button', { name: 'Pass' }));
  await page.keyboard.press('Enter');
  await expect(question(page)).not.toHaveText(second);
  await expect(page.getByText(`${LIGHT}: question 2 of ${light.length}`)).toBeVisible();

  // Star it: pressed, and listed below.
  const starred = (await question(page).innerText()).trim();
  const star = page.getByRole('button', { name: /Star it|Starred/ });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, star);
  await page.keyboard.press('Enter');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  const favourites = page.getByRole('region', { name: 'Your starred questions' });
  await expect(favourites.getByRole('listitem')).toHaveText([new RegExp(escape(starred))]);

  // Go deeper: the next round's questions.
  await tabTo(page, page.getByRole('button', { name: 'Go deeper' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: DEEPER })).toBeVisible();
  expect(ROUNDS.get(DEEPER)!.map((q) => q.text)).toContain((await question(page).innerText()).trim());

  await audit(page, 'Talk together with a question on the table');

  // The star is kept with progress; unstarring removes it.
  await reload(page);
  await expect(favourites.getByRole('listitem')).toHaveText([new RegExp(escape(starred))]);
  await favourites.getByRole('button', { name: `Unstar: ${starred}` }).click();
  await expect(favourites).toContainText('None yet.');
  await reload(page);
  await expect(favourites).toContainText('None yet.');
});

test('from a comparison, "Take them one at a time" starts with the kinds both want more of', async ({ page }) => {
  // Both want more physical closeness (1 to 4, and 1 to 3); nothing else in common.
  await firstCheckIn(page, 'Alex', answers(2, [1, 4], [3, 3], [3, 3], [4, 2], [2, 1]));
  await page.goto(`/compare#${encode(answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]), 20_789, 'Sam')}`);
  await expect(received(page, 'Sam')).toBeVisible();
  await aboutGroup(page).getByRole('radio', { name: 'Alex' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('link', { name: 'Take them one at a time' }).click();
  await expect(h1(page)).toHaveText('Talk together');
  await expect(page).toHaveURL(/\/talk\?start=physical$/);
  await expect(page.getByText('Questions about the kinds you would both like more of (physical) come first.')).toBeVisible();
  await page.getByRole('button', { name: 'Begin' }).click();
  const onPhysical = ROUNDS.get(LIGHT)!.filter((q) => q.kinds.includes('physical')).map((q) => q.text);
  expect(onPhysical.length).toBeGreaterThan(0);
  expect(onPhysical).toContain((await question(page).innerText()).trim());
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
