// Issue #27's smaller findings (review ux-walkthrough.md): "Copied" beside
// its button, a shared code kept for the tab (and not under a lock), tables
// that scroll by keyboard at 320 px, chart text at the page's text size,
// no second "Sam", a quiet "Saved" for notes, and a quiz under way that is
// never dropped without asking. Each test also fails on any console error
// (./helpers). First-load focus (m12) is in lessons.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { answers, firstCheckIn, nameField, openDisclosure } from './checkin-helpers';
import { contentLessons } from './content-helpers';
import { ORIGIN, expect, h1, open, reload, test } from './helpers';
import {
  FIRST_DAY,
  codeField,
  encode,
  inlineHeading,
  makeLink,
  newNameField,
  received,
  someoneNew,
  statusBeside,
} from './together-helpers';

const MINE = answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]);
const THEIRS = answers(5, [2, 3], [1, 1], [3, 4], [2, 2], [1, 3]);
const PHONE = { width: 390, height: 844 };
const SHARED_KEY = 'closer.shared';

function sessionShared(page: Page): Promise<string | null> {
  return page.evaluate((key) => sessionStorage.getItem(key), SHARED_KEY);
}

/** The vertical middle of an element on screen. */
async function middle(el: Locator): Promise<number> {
  const box = (await el.boundingBox())!;
  return box.y + box.height / 2;
}

test('"Code copied." appears beside "Copy code" on a phone, in view, in a status (m6)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.setViewportSize(PHONE);
  await firstCheckIn(page, 'Robin', MINE);
  await makeLink(page, 'Sam');
  await expect(statusBeside(page, 'Make the link and code')).toHaveText('The link and the code are ready below.');
  for (const [button, words] of [
    ['Copy code', 'Code copied.'],
    ['Copy link', 'Link copied.'],
  ]) {
    const copy = page.getByRole('button', { name: button, exact: true });
    await copy.click();
    const status = statusBeside(page, button);
    await expect(status).toHaveText(words);
    await expect(status).toBeInViewport();
    // Beside it: on its line, or the next one when the row wraps.
    expect(Math.abs((await middle(status)) - (await middle(copy)))).toBeLessThan(60);
  }
});

test('answers shared with you survive a reload during your own check-in, until closed (m8)', async ({ page }) => {
  const code = encode(THEIRS, FIRST_DAY + 30, 'Sam');
  await open(page, `/compare#${code}`);
  await expect(received(page, 'Sam')).toBeVisible();
  expect(await sessionShared(page)).toBe(code);
  // Your own check-in on someone new, then a reload half-way.
  await someoneNew(page).check();
  await newNameField(page).fill('Sam');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(inlineHeading(page, 'Sam')).toBeVisible();
  await reload(page);
  await expect(received(page, 'Sam')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The answers shared with you are still open here.' })).toBeVisible();
  // The history note about links still holds.
  await expect(page.getByText(/A link you open stays in this browser's history/)).toBeVisible();
  // Closed without keeping: gone from the tab too.
  await page.getByRole('button', { name: 'Close without keeping' }).click();
  expect(await sessionShared(page)).toBeNull();
  await reload(page);
  await expect(codeField(page)).toBeVisible();
  await expect(received(page, 'Sam')).toHaveCount(0);
});

test('under a lock a shared code stays in memory only; the lock\'s questions focus the safe answer (m10)', async ({ page }) => {
  test.setTimeout(90_000);
  // A code opened before the lock is set goes when it is set.
  const code = encode(THEIRS, FIRST_DAY + 30, 'Sam');
  await open(page, `/compare#${code}`);
  await expect(received(page, 'Sam')).toBeVisible();
  expect(await sessionShared(page)).toBe(code);
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(h1(page)).toHaveText('Your data');
  const panel = page.getByRole('region', { name: 'Lock' });
  await panel.getByLabel('New passphrase').fill('quiet river lantern morning');
  await panel.getByLabel('The same passphrase again').fill('quiet river lantern morning');
  await panel.getByRole('button', { name: 'Set the lock' }).click();
  await expect(panel.getByRole('status')).toContainText('The lock is set.', { timeout: 20_000 });
  expect(await sessionShared(page)).toBeNull();
  // "Take the lock off…" asks, with "Keep the lock" focused.
  await panel.getByRole('button', { name: 'Take the lock off…' }).click();
  await expect(panel.getByRole('button', { name: 'Keep the lock' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Take the lock off…' })).toBeVisible();
  // A link opened while locked: shown, but not written to the tab's storage.
  await page.goto(`/compare#${code}`);
  await expect(h1(page)).toHaveText('Closer is locked');
  // The lock screen's "Erase everything…" asks, with "Keep it locked" focused.
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await expect(page.getByRole('button', { name: 'Keep it locked' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('Passphrase', { exact: true }).fill('quiet river lantern morning');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(received(page, 'Sam')).toBeVisible({ timeout: 20_000 });
  expect(await sessionShared(page)).toBeNull();
});

test('at 320 px the figures scroll by keyboard in a named region, last column included (m13)', async ({ page }) => {
  await firstCheckIn(page, 'Robin', MINE);
  await page.setViewportSize({ width: 320, height: 700 });
  await openDisclosure(page.locator('details.figures-table'));
  const region = page.getByRole('region', { name: 'Now and wished for, in a table' });
  await expect(region).toHaveAttribute('tabindex', '0');
  const gap = region.getByRole('columnheader', { name: 'Gap' });
  await region.focus();
  await expect(region).toBeFocused();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  // The keys scroll smoothly: wait for the scroll to end where a person would see the column.
  await expect
    .poll(async () => {
      const [r, g] = [(await region.boundingBox())!, (await gap.boundingBox())!];
      return g.x + g.width - (r.x + r.width + 1);
    }, { message: 'the "Gap" column inside the frame once scrolled' })
    .toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).include('.table-wrap').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

/** The size a chart's label is drawn at, in CSS pixels (its font size times the chart's scale). */
function drawnSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((t: SVGTextElement) => {
    const scale = t.ownerSVGElement!.getScreenCTM()!.a;
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  });
}

test('chart labels are drawn at about the page\'s text size on a phone and a desktop, and follow it (m14)', async ({ page }) => {
  await firstCheckIn(page, 'Robin', MINE);
  for (const size of [PHONE, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    for (const label of ['.chart .row-label', '.chart .bar-name', '.chart .tick']) {
      // The page settles into the new width before its size is read.
      await expect
        .poll(() => drawnSize(page, label), { message: `${label} at ${size.width} px wide` })
        .toBeGreaterThanOrEqual(13);
      const px = await drawnSize(page, label);
      expect(px, `${label} at ${size.width} px wide`).toBeLessThanOrEqual(16.5);
    }
  }
  // The browser's text-size setting (20 px instead of 16) makes them larger too.
  const before = await drawnSize(page, '.chart .bar-name');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20 } });
  await expect.poll(() => drawnSize(page, '.chart .bar-name')).toBeGreaterThan(before * 1.2);
});

test('a second "Sam" is refused beside the field, with a way to tell them apart (m17)', async ({ page }) => {
  await firstCheckIn(page, 'Sam', MINE);
  await open(page, '/checkin');
  await nameField(page).fill('  sam ');
  await page.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page.locator('#relationship-name-error')).toHaveText(
    '“Sam” is already in your list. If this is someone else, add a word to tell them apart, such as “Sam from work”.',
  );
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/checkin$/);
  await expect(page.getByRole('link', { name: 'Sam', exact: true })).toHaveCount(1);
  await nameField(page).fill('Sam from work');
  await page.getByRole('button', { name: 'Add and check in' }).click();
  await expect(h1(page)).toHaveText('Check in: Sam from work');
});

test('a note says "Saved" once it is saved, not while typing, and nothing moves (m23)', async ({ page }) => {
  const lesson = contentLessons().find((l) => l.cards.some((c) => c.kind === 'reflect'))!;
  const card = lesson.cards.find((c) => c.kind === 'reflect')!;
  await page.clock.install();
  await open(page, card.path);
  const box = page.getByRole('article').getByRole('textbox');
  const saved = page.getByRole('article').getByRole('status').filter({ hasText: 'Saved' });
  const privacy = page.locator('#reflection-privacy');
  const before = (await privacy.boundingBox())!.y;
  // Timers held: typed, but not saved yet, so not "Saved".
  await page.clock.pauseAt(Date.now() + 60_000);
  await box.fill('A note to keep.');
  await expect(saved).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('closer.progress') ?? '')).not.toContain('A note to keep.');
  await page.clock.runFor(2_000);
  await expect(saved).toHaveText('Saved');
  expect(await page.evaluate(() => localStorage.getItem('closer.progress') ?? '')).toContain('A note to keep.');
  // Its line was there before it said anything (less than a pixel of rounding).
  expect(Math.abs((await privacy.boundingBox())!.y - before)).toBeLessThan(0.5);
  // Typing again: no claim until that is saved too.
  await box.fill('A note to keep, longer.');
  await expect(saved).toHaveCount(0);
  await page.clock.runFor(2_000);
  await expect(saved).toHaveText('Saved');
});

test('a quiz under way is never dropped by one click: the page asks, "Keep my quiz" focused (m4)', async ({ page }) => {
  await open(page, '/quiz');
  // The difference between the two review choices, in words.
  await expect(page.getByText(/“Review my mistakes” asks again every question whose last answer was wrong/)).toBeVisible();
  await expect(page.getByText(/Learning: fewer than 8 in 10/)).toBeVisible();
  await page.getByRole('button', { name: /^Everything/ }).click();
  await expect(page).toHaveURL(/\/quiz\/play$/);
  const first = await page.evaluate(() => localStorage.getItem('closer.progress'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { name: 'Quiz under way' })).toBeVisible();
  const everything = page.getByRole('button', { name: /^Everything/ });
  // "Resume the quiz" is the filled button now, not "Everything".
  await expect(everything).not.toHaveClass(/primary/);
  await everything.click();
  const ask = page.getByRole('group', { name: /^Start “Everything” instead\?/ });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep my quiz' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Resume the quiz' })).toBeFocused();
  await expect(page).toHaveURL(/\/quiz$/);
  expect(await page.evaluate(() => localStorage.getItem('closer.progress'))).toBe(first);
  // Asked again, going ahead starts the new one.
  await everything.click();
  await ask.getByRole('button', { name: 'Start the new quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/play$/);
});
