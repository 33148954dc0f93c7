// An axe-core audit (WCAG 2.0/2.1/2.2 A and AA rules) of every page and
// screen, each at a phone size and a desktop size, with zero violations. Like
// every spec using ./helpers, each test also fails on any console error or any
// request to an origin other than the local server.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  answerByClicks,
  cardHeading,
  cardPosition,
  exploreCourse,
  expect,
  open,
  h1,
  nextCard,
  nextQuestion,
  questionAt,
  questionOptions,
  questionText,
  quizFeedback,
  seedStorage,
  startEverything,
  test,
  walkLesson,
  watchedContext,
  type CardInfo,
  type Kind,
} from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** Runs axe at both sizes and fails with a readable list of any violation. */
async function audit(page: Page, what: string): Promise<void> {
  await expect(h1(page)).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n    ')}`,
    );
    expect(found, `axe violations on ${what} at ${size.width}x${size.height}`).toEqual([]);
  }
}

/** Escapes text for a RegExp. */
/**
 * Checks option `i` of the choice card on screen and waits for the feedback
 * on that very option (the option marked as right, or as the chosen wrong
 * one), not any earlier one.
 */
async function checkChoice(page: Page, i: number): Promise<void> {
  const article = page.getByRole('article');
  const radio = article.getByRole('radio').nth(i);
  await radio.check();
  await article.getByRole('button', { name: 'Check' }).click();
  await expect(radio).toHaveAccessibleDescription(/^((✓ ?)?Right answer|(✗ ?)?Your answer, not quite right)$/);
  await expect(article.getByRole('status')).toContainText(/^(✓ Right\.|✗ Not quite\.) /);
}

/** Waits until the checked quiz question shows its verdict and the button that moves on. */
async function quizChecked(page: Page): Promise<void> {
  await expect(quizFeedback(page)).toContainText(/✓ Correct\.|✗ Not quite\./);
  await expect(page.getByRole('button', { name: /^(Next question|See results)$/ })).toBeVisible();
}

/** The first card of each kind on the path. */
const cards = new Map<Kind, CardInfo>();

test.beforeAll(async ({ browser }) => {
  const problems: string[] = [];
  const context = await watchedContext(browser, problems);
  const page = await context.newPage();
  await exploreCourse(page, (lessons) => {
    for (const c of lessons.flatMap((l) => l.cards)) if (!cards.has(c.kind)) cards.set(c.kind, c);
    return cards.size === 5;
  });
  await context.close();
  expect(problems).toEqual([]);
  expect([...cards.keys()].sort()).toEqual(['choice', 'explain', 'reflect', 'reveal', 'scenario']);
});

test('home, on a first visit', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await audit(page, 'home (fresh)');
});

test('home, with progress, and the lesson-complete screen', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('link', { name: 'Start the guide' }).click();
  await expect(cardHeading(page)).toBeVisible();
  await walkLesson(page);
  await audit(page, 'the lesson-complete screen');

  // One lesson done, one under way, and a quiz answered in part.
  await page.getByRole('link', { name: /^Next lesson: / }).click();
  await expect(cardPosition(page, 1)).toBeVisible();
  await nextCard(page).click();
  await expect(cardPosition(page, 2)).toBeVisible();
  await startEverything(page);
  const o = await questionOptions(page);
  await answerByClicks(page, o, [o.labels[0]]);
  await quizChecked(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Continue: / })).toBeVisible();
  await expect(page.getByText(/^In progress, card 2 of \d+$/)).toBeVisible();
  await audit(page, 'home (with progress)');
});

for (const kind of ['explain', 'scenario'] as const) {
  test(`a card of type ${kind}`, async ({ page }) => {
    const card = cards.get(kind)!;
    await open(page, card.path);
    await expect(cardHeading(page)).toHaveText(card.title);
    await audit(page, `a ${kind} card`);
  });
}

test('a reveal card, before and after the answer is shown', async ({ page }) => {
  const card = cards.get('reveal')!;
  await open(page, card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await audit(page, 'a reveal card (hidden)');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await expect(page.getByRole('button', { name: 'Show the answer' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#reveal-answer')).toBeVisible();
  await audit(page, 'a reveal card (shown)');
});

test('a choice card, before and after Check', async ({ page }) => {
  const card = cards.get('choice')!;
  await open(page, card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await audit(page, 'a choice card');
  const radios = page.getByRole('article').getByRole('radio');
  await expect(radios.first()).toBeVisible();
  const n = await radios.count();
  expect(n, 'a choice card has options to pick').toBeGreaterThan(1);
  // The second Check replaces the first one's feedback: each audit waits for its own.
  for (const i of [0, n - 1]) {
    await checkChoice(page, i);
    await audit(page, `a choice card (checked option ${i + 1})`);
  }
});

test('a reflect card, empty and with a note', async ({ page }) => {
  const card = cards.get('reflect')!;
  await open(page, card.path);
  await expect(cardHeading(page)).toHaveText(card.title);
  await audit(page, 'a reflect card');
  const box = page.getByRole('article').getByRole('textbox');
  await box.fill('A note of mine.');
  await expect(box).toHaveValue('A note of mine.');
  await audit(page, 'a reflect card (with a note)');
});

test('the quiz home, fresh and with a quiz under way', async ({ page }) => {
  await open(page, '/quiz');
  await expect(h1(page)).toHaveText('Quiz');
  await audit(page, 'the quiz home (fresh)');
  await startEverything(page);
  await open(page, '/quiz');
  await expect(page.getByRole('heading', { name: 'Quiz under way' })).toBeVisible();
  await audit(page, 'the quiz home (quiz under way)');
});

test('quiz questions before and after Check, one-answer and select-all', async ({ page }) => {
  test.setTimeout(120_000);
  await startEverything(page);
  const kinds = new Set<boolean>();
  // Audit the first question, and the first of the other kind (radio or checkbox) too.
  for (let k = 1; kinds.size < 2; k++) {
    const o = await questionOptions(page);
    if (!kinds.has(o.multi)) {
      kinds.add(o.multi);
      const what = `a quiz question (${o.multi ? 'select all' : 'one answer'}, ${await questionText(page)})`;
      await audit(page, what);
      await answerByClicks(page, o, o.multi ? o.labels.slice(0, 2) : [o.labels[0]]);
      await quizChecked(page);
      await audit(page, `${what} after Check`);
    } else {
      await answerByClicks(page, o, [o.labels[0]]);
    }
    if (await nextQuestion(page)) break;
    await expect(page.getByText(new RegExp(`^Question ${k + 1} of \\d+$`))).toBeVisible();
  }
});

test('the results page, with missed questions', async ({ page }) => {
  // The shortest quiz (one topic's questions) reaches the same page soonest.
  await open(page, '/quiz');
  const choices = page.getByRole('region', { name: 'Start a quiz' }).getByRole('button', { disabled: false });
  const counts = (await choices.allInnerTexts()).map((t) => Number(t.match(/(\d+) questions?/)?.[1] ?? Infinity));
  await choices.nth(counts.indexOf(Math.min(...counts))).click();
  for (let k = 1; ; k++) {
    // Each question is read only once it is the one on screen.
    await expect(questionAt(page, k)).toBeVisible();
    const o = await questionOptions(page);
    await answerByClicks(page, o, [o.labels[0]]);
    if (await nextQuestion(page)) break;
  }
  await expect(h1(page)).toHaveText('Your results');
  await expect(page.getByText(/^\d+ of \d+\s*answered right$/)).toBeVisible();
  await audit(page, 'the results page');
});

test('the quiz pages with nothing to show', async ({ page }) => {
  await open(page, '/quiz/play');
  await expect(page.getByText("There's no quiz under way.")).toBeVisible();
  await audit(page, '/quiz/play with no quiz');
  await open(page, '/quiz/results');
  await expect(page.getByText("You haven't finished a quiz yet.")).toBeVisible();
  await audit(page, '/quiz/results with no results');
});

test('"Your data": fresh, with a kept copy, an import preview, the erase confirmation', async ({ page }) => {
  await open(page, '/data');
  await expect(h1(page)).toHaveText('Your data');
  await audit(page, 'your data (fresh)');

  // Unreadable data kept aside, then progress saved over it.
  await seedStorage(page, { 'closer.progress': '{not json' });
  await open(page, cards.get('explain')!.path);
  await expect(cardPosition(page, 1)).toBeVisible();
  await nextCard(page).click();
  // The turn is saved once the next card shows; only then leave the page.
  await expect(cardPosition(page, 2)).toBeVisible();
  await open(page, '/data');
  await expect(page.getByRole('heading', { name: 'Copies kept aside' })).toBeVisible();
  await audit(page, 'your data (with progress and a kept copy)');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  await page.getByLabel('Choose a Closer progress file').setInputFiles(await download.path());
  await expect(page.getByRole('table', { name: 'What the import would change' })).toBeVisible();
  await audit(page, 'your data (import preview)');

  await page.getByRole('button', { name: /^Erase everything/ }).click();
  // The safe answer has focus (review m10): Enter twice keeps the data.
  await expect(page.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await audit(page, 'your data (erase confirmation)');
});

test('page not found', async ({ page }) => {
  await open(page, '/no/such/page');
  await expect(h1(page)).toHaveText('Page not found');
  await audit(page, 'page not found');
});

test('a storage notice', async ({ page }) => {
  await seedStorage(page, { 'closer.progress': '{"schema":99}' });
  await open(page, '/');
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await audit(page, 'home with a storage notice');
});

test('dark colour scheme: home, a checked choice card, a checked question', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '/');
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await audit(page, 'home (dark)');
  const choice = cards.get('choice')!;
  await open(page, choice.path);
  await expect(cardHeading(page)).toHaveText(choice.title);
  await checkChoice(page, 0);
  await audit(page, 'a checked choice card (dark)');
  await startEverything(page);
  const o = await questionOptions(page);
  await answerByClicks(page, o, [o.labels[0]]);
  await quizChecked(page);
  await audit(page, 'a checked quiz question (dark)');
});
