// Shared by the e2e specs: a `test` whose every page is watched for console
// errors, page errors, Rust panics and requests to other origins, plus small
// helpers to walk the app by keyboard or by clicks.
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The one origin the app may talk to (playwright.config.ts serves dist/ here). */
export const ORIGIN = `http://127.0.0.1:${process.env.CLOSER_E2E_PORT ?? 4173}`;

/** Records what must never happen: console errors, uncaught errors, panics, foreign requests. */
export function watchContext(context: BrowserContext, problems: string[]): void {
  context.on('console', (m) => {
    // The panic hook prints "panicked at ..." with console.error; look at every level anyway.
    if (m.type() === 'error' || m.text().includes('panicked')) {
      problems.push(`console.${m.type()}: ${m.text()} (${m.page()?.url() ?? 'worker'})`);
    }
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  // Context-level, so the service worker's own fetches count too.
  context.on('request', (r) => {
    const url = r.url();
    if (new URL(url).origin !== ORIGIN) problems.push(`request to another origin: ${r.method()} ${url}`);
  });
}

/** A new context with the watchers, for work outside a test's own page (beforeAll). */
export async function watchedContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 } });
  watchContext(context, problems);
  await noteStart(context);
  return context;
}

/**
 * `test` with an automatic fixture: every test fails if its context saw a
 * console error, a page error, a panic or a request to another origin.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      watchContext(context, problems);
      await noteStart(context);
      await use(problems);
      expect(problems, 'console errors, page errors, panics or requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Whether this element has keyboard focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (only Tab) until `target` has focus; fails if it never does. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `Tab never reached ${target}`).toBeFocused({ timeout: 1 });
}

/** "Card k of n" of the lesson on screen. */
export function cardPosition(page: Page, k: number): Locator {
  return page.getByText(new RegExp(`^Card ${k} of \\d+$`));
}

/** "Question k of n" of the quiz on screen. */
export function questionAt(page: Page, k: number): Locator {
  return page.getByText(new RegExp(`^Question ${k} of \\d+$`));
}

/** The h1 of the page. */
export function h1(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** The heading of the card on screen (the only h2 inside the card). */
export function cardHeading(page: Page): Locator {
  return page.getByRole('article').getByRole('heading', { level: 2 });
}

/** Makes every page of the context note when Trunk says the app has started. */
async function noteStart(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // The app announces itself once it has replaced the prerendered first screen.
    addEventListener('closer-mounted', () => {
      (window as unknown as { closerStarted: boolean }).closerStarted = true;
    });
  });
}

/**
 * Waits until the app itself runs and has drawn a page: every page the build
 * writes holds a prerendered first screen, which looks the same but does not
 * answer input yet (its links are plain links, its buttons do nothing).
 */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { closerStarted?: boolean }).closerStarted === true);
  await expect(h1(page)).toBeVisible();
}

/** Reloads the page and waits for the app to run again. */
export async function reload(page: Page): Promise<void> {
  await page.reload();
  await ready(page);
}

/** Opens an app path and waits for the app to run. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await ready(page);
}

/** The kinds of card, by the label the card shows above its heading. */
export const KINDS = {
  explain: 'Learn',
  scenario: 'Scenario',
  reveal: 'Think first',
  choice: 'Your call',
  reflect: 'Reflect',
} as const;
export type Kind = keyof typeof KINDS;

export function kindOf(label: string): Kind {
  const found = (Object.keys(KINDS) as Kind[]).find((k) => KINDS[k] === label.trim());
  if (!found) throw new Error(`unknown card kind label ${JSON.stringify(label)}`);
  return found;
}

export interface CardInfo {
  /** App path, /lessons/<section>/<slug>/<card>. */
  path: string;
  kind: Kind;
  title: string;
}

export interface LessonInfo {
  title: string;
  /** Path of the lesson: /lessons/<section>/<slug>. */
  path: string;
  cards: CardInfo[];
}

/** The lesson links of the path on the home page, in order. */
export function pathLinks(page: Page): Locator {
  return page.locator('.path').getByRole('link');
}

/** Path part of the page's URL. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** The card kind label shown on the card on screen. */
export async function currentKind(page: Page): Promise<Kind> {
  return kindOf((await page.getByRole('article').locator('.card-kind').textContent()) ?? '');
}

/** "Card k of n" of the lesson on screen, as numbers (waits for the text to show). */
export async function cardCount(page: Page): Promise<{ k: number; n: number }> {
  const position = page.getByText(/^Card \d+ of \d+$/);
  await expect(position).toBeVisible();
  const [, k, n] = (await position.innerText()).match(/^Card (\d+) of (\d+)$/)!;
  return { k: Number(k), n: Number(n) };
}

/**
 * A lesson's "Next" (to the next card's page). "Previous", "Next" and
 * "Finish lesson" are links, so that they work on a prerendered page before
 * the app runs; the router takes them over once it does.
 */
export function nextCard(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: 'Next', exact: true });
}

/** A lesson's "Previous": a link, or on the first card one marked aria-disabled, without an href. */
export function previousCard(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: 'Previous', exact: true });
}

/** The last card's "Finish lesson" link (to the lesson's completion screen). */
export function finishLesson(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: 'Finish lesson', exact: true });
}

/**
 * Walks the open lesson to its completion screen with the Next / Finish links,
 * returning every card seen. The lesson must be open at its first card.
 */
export async function walkLesson(page: Page): Promise<CardInfo[]> {
  const cards: CardInfo[] = [];
  await expect(cardPosition(page, 1)).toBeVisible();
  const { n } = await cardCount(page);
  const next = nextCard(page);
  const finish = finishLesson(page);
  for (let k = 1; k <= n; k++) {
    // What a person sees says which card this is, and so which link ends it.
    await expect(cardPosition(page, k)).toBeVisible();
    const title = (await cardHeading(page).innerText()).trim();
    cards.push({ path: pathOf(page), kind: await currentKind(page), title });
    if (k === n) {
      await expect(next).toHaveCount(0);
      await finish.click();
      await expect(page.getByRole('heading', { level: 2, name: 'Lesson complete' })).toBeVisible();
      return cards;
    }
    await expect(finish).toHaveCount(0);
    await next.click();
    await expect(cardPosition(page, k + 1)).toBeVisible();
  }
  throw new Error(`lesson of ${n} cards never ended`);
}

/**
 * Every lesson of the path, opened from the home page by clicking, with its
 * cards. `until` stops early once the lessons seen so far are enough.
 */
export async function exploreCourse(page: Page, until?: (seen: LessonInfo[]) => boolean): Promise<LessonInfo[]> {
  await open(page, '/');
  const count = await pathLinks(page).count();
  const lessons: LessonInfo[] = [];
  for (let i = 0; i < count; i++) {
    await open(page, '/');
    const link = pathLinks(page).nth(i);
    const title = (await link.innerText()).trim();
    await link.click();
    await expect(h1(page)).toHaveText(title);
    await expect(page).toHaveURL(/\/lessons\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/);
    const path = pathOf(page).split('/').slice(0, 4).join('/');
    lessons.push({ title, path, cards: await walkLesson(page) });
    if (until?.(lessons)) break;
  }
  return lessons;
}

// ---- quiz ----

/** The question's fieldset (role group, named by its legend). */
export function questionGroup(page: Page): Locator {
  // The fieldset with the options: after Check, an evidence label (a
  // <details>, also a group) can sit in the same article.
  return page
    .getByRole('article')
    .getByRole('group')
    .filter({ has: page.getByRole('radio').or(page.getByRole('checkbox')) });
}

/** The question text: the legend without the "Select all that apply." hint. */
export async function questionText(page: Page): Promise<string> {
  return (await questionGroup(page).locator('legend .question-text').innerText()).trim();
}

/** "Question k of n" on screen, as numbers. */
export async function questionPosition(page: Page): Promise<{ k: number; n: number }> {
  const text = await page.getByText(/^Question \d+ of \d+$/).innerText();
  const [, k, n] = text.match(/^Question (\d+) of (\d+)$/)!;
  return { k: Number(k), n: Number(n) };
}

/** The feedback live region of the question on screen. */
export function quizFeedback(page: Page): Locator {
  return page.getByRole('article').getByRole('status');
}

export interface Options {
  multi: boolean;
  inputs: Locator;
  labels: string[];
}

/** The options of the question on screen, in the order shown. */
export async function questionOptions(page: Page): Promise<Options> {
  const group = questionGroup(page);
  await expect(group).toBeVisible();
  const multi = (await group.getByRole('checkbox').count()) > 0;
  const inputs = group.getByRole(multi ? 'checkbox' : 'radio');
  const labels = (await group.locator('label').allInnerTexts()).map((l) => l.trim());
  expect(labels.length).toBe(await inputs.count());
  return { multi, inputs, labels };
}

/** The right labels per question text, learnt from the quiz's own feedback. */
export type AnswerKey = Map<string, Set<string>>;

/**
 * The marks on the options of a checked question, in the order shown, as a
 * screen reader gets them (each input's description): "Right answer",
 * "Your answer, not quite right", or "" for an option neither right nor picked.
 */
export async function optionMarks(page: Page): Promise<string[]> {
  return questionGroup(page)
    .locator('input')
    .evaluateAll((inputs) =>
      inputs.map((i) =>
        (i.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .filter(Boolean)
          .map((id) => (document.getElementById(id)?.innerText ?? '').replace(/\s+/g, ' ').trim())
          .join(' '),
      ),
    );
}

/** A label as the feedback writes it before a colon: without its closing full stop. */
export function phrase(label: string): string {
  return label.replace(/\.$/, '');
}

/**
 * Reads which labels are right from a checked question, as a person sees it:
 * the options marked ✓ ("Right answer"). The feedback names the same ones.
 */
export async function learnFromFeedback(page: Page, o: Options, picked: string[]): Promise<Set<string>> {
  const feedback = quizFeedback(page);
  await expect(feedback).toContainText(/Correct\.|Not quite\./);
  const marks = await optionMarks(page);
  expect(marks).toHaveLength(o.labels.length);
  const right = new Set(o.labels.filter((_, i) => /Right answer/.test(marks[i])));
  if (right.size === 0) throw new Error(`no option is marked right: ${JSON.stringify(marks)}`);
  const text = await feedback.innerText();
  expect(text, 'no doubled full stop').not.toContain('..');
  if (text.includes('Correct.')) {
    if (!o.multi) expect([...right]).toEqual(picked);
  } else {
    // A wrong answer: the feedback names the right option(s) in words.
    for (const label of right) expect(text).toContain(phrase(label));
    expect(text).toMatch(/The right answers?: /);
  }
  return right;
}

/** The labels to pick for a right (or a deliberately wrong) answer. */
export function pickFor(o: Options, right: Set<string>, correct: boolean): string[] {
  if (correct) return o.labels.filter((l) => right.has(l));
  if (!o.multi) return [o.labels.find((l) => !right.has(l))!];
  // Select-all: flip one option, keeping at least one selected.
  for (const flip of o.labels) {
    const pick = o.labels.filter((l) => right.has(l) !== (l === flip));
    if (pick.length > 0) return pick;
  }
  throw new Error('no wrong answer possible');
}

/** Selects these labels by clicking, then Check. */
export async function answerByClicks(page: Page, o: Options, pick: string[]): Promise<void> {
  for (let i = 0; i < o.labels.length; i++) {
    if (pick.includes(o.labels[i])) await o.inputs.nth(i).check();
  }
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(quizFeedback(page)).toContainText(/Correct\.|Not quite\./);
}

/** Goes past a checked question; returns true when that was the last. */
export async function nextQuestion(page: Page): Promise<boolean> {
  const next = page.getByRole('button', { name: /^(Next question|See results)$/ });
  const last = (await next.innerText()).trim() === 'See results';
  await next.click();
  if (last) await expect(page).toHaveURL(/\/quiz\/results$/);
  return last;
}

/** Starts the "Everything" quiz from /quiz with a click. */
export async function startEverything(page: Page): Promise<number> {
  await open(page, '/quiz');
  await page.getByRole('button', { name: /^Everything/ }).click();
  await expect(page).toHaveURL(/\/quiz\/play$/);
  return (await questionPosition(page)).n;
}

/**
 * Answers the session on screen to its end by clicks. `correct(k, text)` says
 * whether question k (1-based) is answered right; the key must know it. Returns
 * the question texts in order and those answered wrong.
 */
export async function playByClicks(
  page: Page,
  key: AnswerKey,
  correct: (k: number, text: string) => boolean,
): Promise<{ order: string[]; missed: string[] }> {
  const order: string[] = [];
  const missed: string[] = [];
  for (;;) {
    const { k } = await questionPosition(page);
    const text = await questionText(page);
    order.push(text);
    const o = await questionOptions(page);
    const right = key.get(text);
    if (!right) throw new Error(`answer key lacks ${text}`);
    const ok = correct(k, text);
    if (!ok) missed.push(text);
    await answerByClicks(page, o, pickFor(o, right, ok));
    await expect(quizFeedback(page)).toContainText(ok ? 'Correct.' : 'Not quite.');
    if (await nextQuestion(page)) return { order, missed };
    await expect(questionAt(page, k + 1)).toBeVisible();
  }
}

/** Learns the right answers of every question by taking "Everything" once, by clicks. */
export async function learnAnswerKey(page: Page): Promise<AnswerKey> {
  const key: AnswerKey = new Map();
  await startEverything(page);
  for (;;) {
    const { k } = await questionPosition(page);
    const text = await questionText(page);
    const o = await questionOptions(page);
    const picked = [o.labels[0]];
    await answerByClicks(page, o, picked);
    key.set(text, await learnFromFeedback(page, o, picked));
    if (await nextQuestion(page)) return key;
    await expect(questionAt(page, k + 1)).toBeVisible();
  }
}

/** Puts raw text under a localStorage key before the app ever starts on this page. */
export async function seedStorage(page: Page, entries: Record<string, string>): Promise<void> {
  // A blank page of the same origin (answered here, never by the server), where the app does not run.
  // Its icon is an empty data: URL: without one Chromium may ask the server for /favicon.ico, whose
  // 404 is a console error that fails the test (seen in a clean run, in the trace).
  const url = `${ORIGIN}/__seed__`;
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>' }),
  );
  await page.goto(url);
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.unroute(url);
}

/** Every localStorage entry of the page's origin. */
export async function storageEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}
