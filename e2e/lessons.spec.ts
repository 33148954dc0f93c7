// Lessons: a whole lesson by keyboard only, reloads and deep links that land
// on the same card, the home page's state and "Continue", every lesson
// reachable from home, "Page not found", titles and focus on navigation.
import type { Page } from '@playwright/test';
import { contentLessons } from './content-helpers';
import {
  cardHeading,
  cardPosition,
  exploreCourse,
  expect,
  finishLesson,
  nextCard,
  previousCard,
  open,
  reload,
  h1,
  isFocused,
  pathLinks,
  pathOf,
  tabTo,
  test,
  watchedContext,
  type LessonInfo,
} from './helpers';

const HOME_TITLE = 'Closer: an interactive guide to intimacy';

/**
 * The lesson these tests walk: the first on the path whose content has a
 * reveal, a choice and a reflect card. Chosen from the content, so every run
 * uses the same one, and the tests below can rely on each kind being there.
 */
const RICH = contentLessons().find((l) => ['reveal', 'choice', 'reflect'].every((k) => l.cards.some((c) => c.kind === k)));

/** That lesson as the app shows it, reached from the home page. */
let lesson: LessonInfo;

test.beforeAll(async ({ browser }) => {
  expect(RICH, 'a lesson in content/ with a reveal, a choice and a reflect card').toBeDefined();
  const problems: string[] = [];
  const context = await watchedContext(browser, problems);
  const page = await context.newPage();
  const seen = await exploreCourse(page, (ls) => ls.some((l) => l.path === RICH!.path));
  await context.close();
  expect(problems).toEqual([]);
  lesson = seen.find((l) => l.path === RICH!.path)!;
  expect(lesson, `${RICH!.path} is on the home page's path`).toBeDefined();
  // The app shows exactly the content's cards, in order, each of its kind.
  expect(lesson.cards.map((c) => ({ id: c.path.split('/').pop(), kind: c.kind }))).toEqual(RICH!.cards.map(({ id, kind }) => ({ id, kind })));
});

/** Escapes text for a RegExp. */
function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "k of N lessons done" on the home page, as N. */
async function lessonTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^\d+ of \d+ lessons done$/).innerText();
  return Number(text.match(/of (\d+)/)![1]);
}

/** The home page's entry for a lesson: its list item on the path. */
function step(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('a whole lesson by keyboard only, to "Lesson complete"; home then shows it done', async ({ page }) => {
  const note = 'Keyboard-only note: my sister listens without judging.';
  await open(page, lesson.path);
  // No card in the URL: the lesson opens at its first card, and the URL says which.
  await expect(page).toHaveURL(lesson.cards[0].path);
  await expect(h1(page)).toHaveText(lesson.title);
  // A first load leaves focus at the document's start; "Skip to content" goes to the lesson.
  await expect(h1(page)).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  const n = lesson.cards.length;

  for (const [i, card] of lesson.cards.entries()) {
    await expect(cardPosition(page, i + 1)).toBeVisible();
    await expect(cardHeading(page)).toHaveText(card.title);
    await expect(page).toHaveURL(card.path);
    await expect(page).toHaveTitle(`${lesson.title} (${i + 1} of ${n}) · Closer`);
    // Each new card takes focus, so a screen reader reads it.
    if (i > 0) await expect(cardHeading(page)).toBeFocused();

    const article = page.getByRole('article');
    if (card.kind === 'reveal') {
      const show = article.getByRole('button', { name: 'Show the answer' });
      await expect(show).toHaveAttribute('aria-expanded', 'false');
      await tabTo(page, show);
      await page.keyboard.press('Enter');
      await expect(show).toHaveAttribute('aria-expanded', 'true');
      // The button disables itself; focus moves on to the answer rather than being lost.
      await expect(page.locator('#reveal-answer')).toBeVisible();
      await expect(page.locator('#reveal-answer')).toBeFocused();
      await expect(show).toBeDisabled();
    } else if (card.kind === 'choice') {
      const radios = article.getByRole('radio');
      const check = article.getByRole('button', { name: 'Check' });
      await expect(check).toBeDisabled();
      await tabTo(page, radios.first());
      await page.keyboard.press('Space');
      await expect(radios.first()).toBeChecked();
      // Arrow keys move within the group and select; the card stays put.
      await page.keyboard.press('ArrowDown');
      await expect(radios.nth(1)).toBeChecked();
      await expect(radios.nth(1)).toBeFocused();
      await expect(page).toHaveURL(card.path);
      await tabTo(page, check);
      await page.keyboard.press('Enter');
      await expect(article.getByRole('status')).toContainText(/^(✓ Right\.|✗ Not quite\.) /);
    } else if (card.kind === 'reflect') {
      const box = article.getByRole('textbox');
      await tabTo(page, box);
      await page.keyboard.type(note);
      // Arrow keys edit the text, they do not turn the card.
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(card.path);
      await expect(box).toHaveValue(note);
      await page.keyboard.press('Tab');
    }

    if (i === 0) {
      // Nothing comes before the first card: its "Previous" says so, and is no Tab stop.
      await expect(previousCard(page)).toHaveAttribute('aria-disabled', 'true');
      await expect(previousCard(page)).not.toHaveAttribute('href');
      expect(await previousCard(page).evaluate((el) => (el as HTMLElement).focus() ?? document.activeElement === el)).toBe(false);
    } else {
      await expect(previousCard(page)).toHaveAttribute('href', lesson.cards[i - 1].path);
    }
    if (i === n - 1) {
      await expect(nextCard(page)).toHaveCount(0);
      await tabTo(page, finishLesson(page));
      await page.keyboard.press('Enter');
    } else if (i === 1) {
      // "Next" is a link to the next card's page: Enter follows it.
      await expect(nextCard(page)).toHaveAttribute('href', lesson.cards[i + 1].path);
      await tabTo(page, nextCard(page));
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('ArrowRight');
    }
  }

  const done = page.getByRole('heading', { level: 2, name: 'Lesson complete' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(page).toHaveURL(`${lesson.path}/done`);
  await expect(page).toHaveTitle(`${lesson.title}: complete · Closer`);
  await expect(page.getByText(/\b1 of \d+ lessons done\.$/)).toBeVisible();
  // ArrowLeft goes back to the last card.
  await page.keyboard.press('ArrowLeft');
  await expect(cardHeading(page)).toHaveText(lesson.cards[n - 1].title);
  await page.keyboard.press('ArrowRight');
  await expect(done).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Back to all lessons' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(h1(page)).toBeFocused();
  const total = await lessonTotal(page);
  await expect(page.getByText(`1 of ${total} lessons done`, { exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: `1 of ${total} lessons done` })).toHaveAttribute('value', '1');
  await expect(step(page, lesson.title).getByText('Done', { exact: true })).toBeVisible();

  // Everything was saved as it happened: a reload shows the same.
  await reload(page);
  await expect(page.getByText(`1 of ${total} lessons done`, { exact: true })).toBeVisible();
  await expect(step(page, lesson.title).getByText('Done', { exact: true })).toBeVisible();
});

test('a reload mid-lesson lands on the same card', async ({ page }) => {
  await open(page, lesson.path);
  // Each turn waits for the card it leads to, as a person would before turning again.
  await expect(cardPosition(page, 1)).toBeVisible();
  await nextCard(page).click();
  await expect(cardPosition(page, 2)).toBeVisible();
  await expect(cardHeading(page)).toHaveText(lesson.cards[1].title);
  await nextCard(page).click();
  await expect(cardPosition(page, 3)).toBeVisible();
  const card = lesson.cards[2];
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(page).toHaveURL(card.path);
  await reload(page);
  await expect(page).toHaveURL(card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(cardPosition(page, 3)).toBeVisible();
  // The browser's Back button goes to the card before, not out of the lesson.
  await page.goBack();
  await expect(page).toHaveURL(lesson.cards[1].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[1].title);
});

test('cards turn in place: Back and Forward go card by card, two quick turns keep both, and a turn from low on a phone shows the new card', async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, lesson.cards[0].path);
  await expect(cardPosition(page, 1)).toBeVisible();
  // Two turns in a row, the second before the first has reached the URL.
  await cardHeading(page).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cardPosition(page, 3)).toBeVisible();
  await expect(page).toHaveURL(lesson.cards[2].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[2].title);
  await page.goBack();
  await expect(page).toHaveURL(lesson.cards[1].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[1].title);
  await page.goBack();
  await expect(page).toHaveURL(lesson.cards[0].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[0].title);
  await page.goForward();
  await expect(page).toHaveURL(lesson.cards[1].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[1].title);

  // Scrolled down to "Next" on a phone held sideways: the new card's heading is on screen, with focus.
  await page.setViewportSize({ width: 844, height: 390 });
  await page.mouse.move(200, 200);
  await page.mouse.wheel(0, 2000);
  await expect(cardHeading(page)).not.toBeInViewport();
  await nextCard(page).click();
  await expect(cardPosition(page, 3)).toBeVisible();
  await expect(cardHeading(page)).toHaveText(lesson.cards[2].title);
  await expect(cardHeading(page)).toBeInViewport();
  await expect(cardHeading(page)).toBeFocused();

  // A click that asks for a new tab opens the next card there and leaves this one as it was.
  const opened = context.waitForEvent('page');
  await nextCard(page).click({ modifiers: ['Control'] });
  const tab = await opened;
  await expect(tab).toHaveURL(lesson.cards[3].path);
  await expect(cardHeading(tab)).toHaveText(lesson.cards[3].title);
  await expect(page).toHaveURL(lesson.cards[2].path);
  await expect(cardHeading(page)).toHaveText(lesson.cards[2].title);
});

test('"Next lesson" at once after "Finish lesson" opens the next lesson, and the finished one does not take the address back', async ({ page }) => {
  const last = lesson.cards[lesson.cards.length - 1];
  await open(page, last.path);
  await expect(cardHeading(page)).toHaveText(last.title);
  // Both clicks in one task, as fast hands or a script might: a card turn
  // writes its address after the frame that shows it, and by then the
  // person has already moved on to the next lesson.
  const target = await page.evaluate(async () => {
    const links = () => [...document.querySelectorAll<HTMLAnchorElement>('main a')];
    links().find((a) => a.textContent?.trim() === 'Finish lesson')!.click();
    // The app draws "Lesson complete" in the microtasks after the click,
    // before any frame: wait for its link there, not for a frame.
    let next: HTMLAnchorElement | undefined;
    for (let i = 0; i < 1000 && !next; i++) {
      await Promise.resolve();
      next = links().find((a) => a.textContent?.trim().startsWith('Next lesson'));
    }
    if (!next) throw new Error('no "Next lesson" link before the next frame');
    next.click();
    return new URL(next.href).pathname;
  });
  await expect(page).toHaveURL(target);
  await expect(page.getByText(/^Card 1 of \d+$/)).toBeVisible();
  // Past the point where the turn to "Lesson complete" writes its address:
  // the frame after the one that showed it, and the task queued there.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  await expect(page.getByText(/^Card 1 of \d+$/)).toBeVisible();
  expect(pathOf(page)).toBe(target);
  // The completion screen never reached the address, so Back returns to
  // the card it was finished from, in the finished lesson.
  await page.goBack();
  await expect(page).toHaveURL(last.path);
  await expect(cardHeading(page)).toHaveText(last.title);
});

test('a deep link opens its card in a fresh browser, and survives a reload', async ({ page }) => {
  const i = lesson.cards.length - 1;
  const card = lesson.cards[i];
  await open(page, card.path);
  await expect(h1(page)).toHaveText(lesson.title);
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(cardPosition(page, i + 1)).toBeVisible();
  await reload(page);
  await expect(page).toHaveURL(card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(cardPosition(page, i + 1)).toBeVisible();

  // A card id that does not exist (say, removed from the content) opens the lesson where it was left.
  await open(page, `${lesson.path}/no-such-card`);
  await expect(page).toHaveURL(card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  // So does a link to the completion screen of a lesson not finished yet.
  await open(page, `${lesson.path}/done`);
  await expect(page).toHaveURL(card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await expect(page.getByRole('heading', { name: 'Lesson complete' })).toHaveCount(0);
});

test('"Continue" on the home page resumes at the exact card', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();

  const i = Math.min(3, lesson.cards.length - 1);
  const card = lesson.cards[i];
  await open(page, card.path);
  await expect(cardHeading(page)).toHaveText(card.title);

  await open(page, '/');
  const n = lesson.cards.length;
  await expect(step(page, lesson.title).getByText(`In progress, card ${i + 1} of ${n}`)).toBeVisible();
  const resume = page.getByRole('link', { name: new RegExp(`^Continue: ${esc(lesson.title)}\\s*card ${i + 1} of ${n}$`) });
  await resume.click();
  await expect(page).toHaveURL(card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  // The lesson's link on the path resumes there too.
  await open(page, '/');
  await step(page, lesson.title).getByRole('link', { name: lesson.title }).click();
  await expect(page).toHaveURL(card.path);
});

test('a reflection note survives a reload', async ({ page }) => {
  // The lesson was chosen for having one (see RICH): its absence is a failure, not a skip.
  const card = lesson.cards.find((c) => c.kind === 'reflect');
  expect(card, `${lesson.path} has a reflect card`).toBeDefined();
  const note = 'Line one of my note.\nLine two, with <b>markup</b> kept as text & "quotes".';
  await open(page, card!.path);
  await expect(cardHeading(page)).toHaveText(card!.title);
  const box = page.getByRole('article').getByRole('textbox');
  await box.fill(note);
  await expect(box).toHaveValue(note);
  await reload(page);
  await expect(page.getByRole('article').getByRole('textbox')).toHaveValue(note);
  await expect(page.locator('b')).toHaveCount(0);
  // Clearing the note removes it.
  await page.getByRole('article').getByRole('textbox').fill('');
  await reload(page);
  await expect(page.getByRole('article').getByRole('textbox')).toHaveValue('');
});

test('every lesson of the path opens from the home page, and each can be finished', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '/');
  const total = await lessonTotal(page);
  expect(await pathLinks(page).count()).toBe(total);

  const lessons = await exploreCourse(page);
  expect(lessons).toHaveLength(total);
  expect(new Set(lessons.map((l) => l.path)).size).toBe(total);
  for (const l of lessons) {
    expect(l.cards.length, l.title).toBeGreaterThan(0);
    expect(l.cards.some((c) => c.kind !== 'explain' && c.kind !== 'scenario'), `${l.title} has an interactive card`).toBe(true);
  }

  await open(page, '/');
  await expect(page.getByText(`${total} of ${total} lessons done`, { exact: true })).toBeVisible();
  await expect(page.getByText("You've finished every lesson.", { exact: false })).toBeVisible();
  for (const l of lessons) await expect(step(page, l.title).getByText('Done', { exact: true })).toBeVisible();
  // The support lesson is also one click away from every page's footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Getting support' }).click();
  await expect(h1(page)).toBeVisible();
  await expect(page).toHaveURL(/\/lessons\/support\/getting-support\/[a-z0-9-]+$/);
});

test('an unknown address shows "Page not found" with a way home', async ({ page }) => {
  for (const path of ['/lessons/basics/no-such-lesson', '/lessons/no-such-section/what-is-intimacy', '/no/such/page']) {
    await open(page, path);
    await expect(h1(page)).toHaveText('Page not found');
    await expect(page).toHaveTitle('Page not found · Closer');
  }
  await page.getByRole('link', { name: 'Go to the lessons' }).click();
  await expect(page).toHaveURL('/');
  await expect(page).toHaveTitle(HOME_TITLE);
});

test('each route sets the page title; a first load leaves focus at the start, a move in the app puts it on the h1', async ({ page }) => {
  await open(page, '/');
  await expect(h1(page)).toHaveText('Closer');
  await expect(page).toHaveTitle(HOME_TITLE);
  // A first load (review m12): nothing has focus, so the first Tab reaches
  // "Skip to content" and the next the site's header, as on any web page.
  await expect(h1(page)).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('header') !== null)).toBe(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page).toHaveURL('/quiz');
  await expect(h1(page)).toHaveText('Quiz');
  await expect(page).toHaveTitle('Quiz · Closer');
  await expect(h1(page)).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveTitle(HOME_TITLE);
  await expect(h1(page)).toHaveText('Closer');
  await expect(h1(page)).toBeFocused();

  const n = lesson.cards.length;
  await step(page, lesson.title).getByRole('link', { name: lesson.title }).click();
  await expect(h1(page)).toHaveText(lesson.title);
  await expect(page).toHaveTitle(`${lesson.title} (1 of ${n}) · Closer`);
  await expect(h1(page)).toBeFocused();

  // Turning a card keeps the page and moves focus to the new card's heading.
  await nextCard(page).click();
  await expect(page).toHaveTitle(`${lesson.title} (2 of ${n}) · Closer`);
  await expect(cardHeading(page)).toBeFocused();

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'All lessons' }).click();
  await expect(page).toHaveTitle(HOME_TITLE);
  await expect(h1(page)).toBeFocused();

  // The skip link comes before the header (Shift+Tab from the h1 reaches it)
  // and moves focus to the main content, without leaving the page.
  const skip = page.getByRole('link', { name: 'Skip to content' });
  for (let i = 0; i < 10 && !(await isFocused(skip)); i++) await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(await isFocused(skip)).toBe(false);
  expect(pathOf(page)).toBe('/');
});

/** Each option's mark as a screen reader gets it (the radio's description), in the order shown. */
async function marks(page: Page): Promise<string[]> {
  const radios = page.getByRole('article').getByRole('radio');
  const out: string[] = [];
  for (const r of await radios.all()) {
    const id = await r.getAttribute('aria-describedby');
    out.push(id ? (await page.locator(`#${id}`).innerText()).replace(/\s+/g, ' ').trim() : '');
  }
  return out;
}

test('every choice card: the feedback reads right, names the right option, marks the options themselves and keeps every option\'s feedback a tap away', async ({ page }) => {
  // Failed before the fix: "✗ Not quite: … home town.." (the label's full
  // stop doubled), no mark on the options, and only the picked option's feedback.
  test.setTimeout(180_000);
  const cards = contentLessons().flatMap((l) => l.cards.filter((c) => c.kind === 'choice'));
  expect(cards.length).toBeGreaterThan(5);
  for (const card of cards) {
    await open(page, card.path);
    const article = page.getByRole('article');
    const radios = article.getByRole('radio');
    const labels = (await article.locator('.option label').allInnerTexts()).map((l) => l.trim());
    const status = article.getByRole('status');
    // Every option in turn: a right pick and each wrong one.
    for (let i = 0; i < labels.length; i++) {
      await radios.nth(i).check();
      await article.getByRole('button', { name: 'Check' }).click();
      await expect(radios.nth(i)).toHaveAccessibleDescription(/Right answer|Your answer, not quite right/);
      const m = await marks(page);
      const right = labels.filter((_, k) => /Right answer/.test(m[k]));
      expect(right, `${card.path}: one option marked right`).toHaveLength(1);
      const text = (await status.innerText()).replace(/\s+/g, ' ');
      expect(text, `${card.path}: no doubled full stop`).not.toContain('..');
      expect(text, `${card.path}: no "Yes." or "Right." after the verdict`).not.toMatch(/^. (Right|Not quite)\. (Yes|Right|No)\./);
      if (m[i].includes('Your answer, not quite right')) {
        expect(text).toMatch(/^✗ Not quite\. /);
        expect(text, `${card.path}: the feedback names the right option`).toContain(`The right answer: ${right[0].replace(/\.$/, '')}`);
      } else {
        expect(text).toMatch(/^✓ Right\. /);
      }
    }
    // Every option's feedback, one tap away.
    const all = article.locator('details.all-feedback');
    await all.getByText('About each option').click();
    await expect(all.getByRole('listitem')).toHaveCount(labels.length);
    for (const label of labels) await expect(all).toContainText(label.replace(/\.$/, ''));
    expect(await all.innerText()).not.toContain('..');
  }
});

test('the breadcrumb names a lesson\'s section as a link to it on the path, and never repeats the lesson\'s own name (review m5)', async ({ page }) => {
  await open(page, '/lessons/basics/more-than-sex');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['All lessons', 'What intimacy is']);
  await crumbs.getByRole('link', { name: 'What intimacy is' }).click();
  await expect(page).toHaveURL(/#section-basics$/);
  await expect(page.locator('#section-basics')).toBeInViewport();

  for (const path of ['/lessons/basics/what-is-intimacy', '/lessons/support/getting-support']) {
    await open(page, path);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText('All lessons');
  }
});
