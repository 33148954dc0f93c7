// At phone width nothing may scroll sideways: a person reading on a phone
// should never have to pan. Checked on every kind of page, light and dark.
// And the stylesheets name no left or right side, so the layout mirrors in
// a right-to-left language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { contentLessons } from './content-helpers';
import { cardHeading, cardPosition, expect, finishLesson, h1, nextCard, open, seedStorage, test } from './helpers';

/** Each page, and what a person sees once it has drawn (measured only then). */
const PAGES: [string, (page: Page) => Locator][] = [
  ['/', (page) => page.getByRole('link', { name: 'Start the guide' })],
  ['/lessons/kinds/physical/which', (page) => page.getByRole('article').getByRole('button', { name: 'Check' })],
  // Not finished yet: the lesson opens at its first card instead.
  ['/lessons/basics/what-is-intimacy/done', (page) => cardHeading(page).filter({ hasText: 'A working definition' })],
  ['/quiz', (page) => page.getByRole('heading', { level: 2, name: 'Start a quiz' })],
  ['/quiz/results', (page) => page.getByText("You haven't finished a quiz yet.")],
  ['/data', (page) => page.getByRole('button', { name: 'Download my progress' })],
  ['/no/such/page', (page) => h1(page).filter({ hasText: 'Page not found' })],
];

/** Every element that reaches past the right edge of the viewport. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no page is wider than a 390 px phone (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, drawn] of PAGES) {
      await open(page, path);
      await expect(drawn(page), `${path} has drawn`).toBeVisible();
      expect(await overflowing(page), `${path} overflows`).toEqual([]);
    }
  });
}

/** Progress with a check-in history, a step a week old and a note, under a long name. */
const DAY = 24 * 60 * 60 * 1000;
const rating = (now: number, wished: number) => ({ now, wished });
function withCheckIns(): string {
  const t = Date.now() - 8 * DAY;
  const kinds = (a: number, b: number) => ({
    physical: rating(a, b), spiritual: rating(0, 4), 'shared-interests': rating(4, 4),
    emotional: rating(1, b), experiential: rating(2, 3),
  });
  return JSON.stringify({
    schema: 5,
    checkins: {
      relationships: { r1: { name: 'My oldest friend from school, Alexandra', named_at: t, added: t } },
      check_ins: {
        r1: {
          c1: { at: t, closeness: 2, kinds: kinds(1, 4) },
          c2: { at: t + DAY, closeness: 5, kinds: kinds(3, 3) },
        },
      },
      steps: { r1: { s1: { step: 'phones-away', chosen_at: t + DAY } } },
      received: {
        r1: { k1: { kept_at: t + DAY, shared: { name: 'Alexandrinaaaaaa', day: 20_454, closeness: 6, kinds: kinds(0, 4) } } },
      },
    },
  });
}

const CHECKIN_PAGES: [string, (page: Page) => Locator][] = [
  ['/', (page) => page.getByRole('button', { name: 'Save' })],
  ['/checkin', (page) => page.getByRole('heading', { name: 'Your relationships' })],
  ['/checkin/r1', (page) => page.getByRole('heading', { name: 'Over time' })],
  ['/checkin/r1/new', (page) => page.getByRole('button', { name: 'See the result' })],
  ['/checkin/r1/results/c2', (page) => page.getByRole('button', { name: 'Choose this step' })],
  ['/reflections', (page) => h1(page).filter({ hasText: 'My reflections' })],
  ['/checkin/r1/shared/k1', (page) => page.getByRole('heading', { name: 'Talk together' })],
  ['/compare', (page) => page.getByLabel('Code or link')],
  // A share code pinned by tests/share_code.rs: its preview.
  ['/compare#040YXNTZA4TG6MV1DQSW6BCG', (page) => page.getByRole('heading', { name: 'Sam shared a check-in' })],
];

for (const scheme of ['light', 'dark'] as const) {
  test(`no check-in page is wider than a 390 px phone (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await seedStorage(page, { 'closer.progress': withCheckIns() });
    for (const [path, drawn] of CHECKIN_PAGES) {
      await open(page, path);
      await expect(drawn(page), `${path} has drawn`).toBeVisible();
      expect(await overflowing(page), `${path} overflows`).toEqual([]);
    }
  });
}

test('on a phone, every card of every lesson has its Next or Finish in view, in the same place, covering nothing', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const places = new Set<string>();
  for (const lesson of contentLessons()) {
    await open(page, lesson.cards[0].path);
    for (let i = 0; i < lesson.cards.length; i++) {
      await expect(cardPosition(page, i + 1)).toBeVisible();
      const last = i + 1 === lesson.cards.length;
      const action = last ? finishLesson(page) : nextCard(page);
      // In view as the card opens, with no scrolling by the person.
      await expect(action, `${lesson.path} card ${i + 1}`).toBeInViewport({ ratio: 1 });
      const box = (await action.boundingBox())!;
      places.add(`y ${Math.round(box.y)}, height ${Math.round(box.height)}`);
      if (last) {
        // The end of the page scrolls clear of the bar: nothing is left behind it.
        await page.keyboard.press('End');
        // Measured once the page has come to its end, not while it scrolls there.
        await expect
          .poll(() => page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight))
          .toBe(true);
        const footer = page.getByRole('contentinfo').getByRole('link', { name: 'Your data' });
        await expect(footer).toBeInViewport({ ratio: 1 });
        const bar = (await page.getByRole('navigation', { name: 'Lesson navigation' }).boundingBox())!;
        expect((await footer.boundingBox())!.y + (await footer.boundingBox())!.height, 'the footer ends above the bar').toBeLessThanOrEqual(bar.y);
      } else {
        await action.click();
      }
    }
  }
  expect([...places], 'the main action sits in one place on every card').toHaveLength(1);
});

test.describe('forced colours', () => {
  test.use({ forcedColors: 'active' });

  test("the lesson's progress bar and the chart legend's swatches keep a visible shape (review m20)", async ({ page }) => {
    // Failed before the fix: both fills became the page's own colour, and
    // only "Card 4 of 6" was left of the progress bar.
    await open(page, contentLessons()[0].cards[3].path);
    const bar = page.locator('.lesson-progress progress');
    await expect(bar).toBeVisible();
    const edge = await bar.evaluate((p) => {
      const s = getComputedStyle(p);
      return { width: s.borderTopWidth, colour: s.borderTopColor, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(edge.width).not.toBe('0px');
    expect(edge.colour).not.toBe(edge.page);
    await seedStorage(page, { 'closer.progress': withCheckIns() });
    await open(page, '/checkin/r1/results/c2');
    const swatch = page.locator('.legend .key-now');
    await expect(swatch).toBeAttached();
    const fill = await swatch.evaluate((k) => ({ key: getComputedStyle(k).backgroundColor, around: getComputedStyle(k.closest('.panel')!).backgroundColor }));
    expect(fill.key).not.toBe(fill.around);
  });
});

/** Every declaration in the built stylesheets, as "file: property: value". */
function builtDeclarations(): { where: string; property: string; value: string }[] {
  const dist = join(__dirname, '..', 'dist');
  const found: { where: string; property: string; value: string }[] = [];
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.css'))) {
    const css = readFileSync(join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    // The innermost braces hold declarations (an @media block holds rules, not declarations).
    for (const [, block] of css.matchAll(/\{([^{}]*)\}/g)) {
      for (const declaration of block.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon < 0) continue;
        const property = declaration.slice(0, colon).trim().toLowerCase();
        const value = declaration.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
        found.push({ where: `${file}: ${property}: ${value}`, property, value });
      }
    }
  }
  return found;
}

/** A value's words at the top level: `calc(1rem - 1px) 0` is two, not four. */
function words(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

// Ready for a right-to-left language (issue #30): every side in the
// stylesheets is a logical one (inline-start, inline-end), so Arabic needs
// only its data and `dir="rtl"`. A physical left or right coming back
// would hold its side in both directions.
test('no stylesheet names a left or right side: every side is logical', () => {
  const declarations = builtDeclarations();
  expect(declarations.length, 'the built stylesheets were read').toBeGreaterThan(100);
  const physical = declarations.filter(({ property, value }) => {
    const name = property.replace(/^-[a-z]+-/, '');
    if (/^(left|right)$/.test(name)) return true;
    if (/^(margin|padding|scroll-margin|scroll-padding|border)-(left|right)(-|$)/.test(name)) return true;
    if (/^border-(top|bottom)-(left|right)-radius$/.test(name)) return true;
    if (/^(text-align|float|clear)$/.test(name)) return /\b(left|right)\b/.test(value);
    // Four sides in one value, left (the fourth) unlike right (the second).
    if (/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/.test(name)) {
      const sides = words(value);
      return sides.length === 4 && sides[1] !== sides[3];
    }
    // Corners in one value: any two unlike corners differ between left and right.
    if (name === 'border-radius') return new Set(words(value).filter((w) => w !== '/')).size > 1;
    return false;
  });
  expect(physical.map(({ where }) => where)).toEqual([]);
});

test('in a right-to-left page the sides follow the text', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '/');
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  // "Leave quickly" moves to the top left, the path's line stays under its markers.
  const leave = await page.getByRole('link', { name: 'Leave quickly' }).boundingBox();
  expect(leave!.x).toBeLessThan(390 / 2);
  const step = page.locator('.lesson-step').first();
  const marker = await step.locator('.marker').boundingBox();
  const line = await step.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const before = getComputedStyle(el, '::before');
    return box.right - parseFloat(before.right) - parseFloat(before.width) / 2;
  });
  expect(Math.abs(line - (marker!.x + marker!.width / 2))).toBeLessThan(1);
});
