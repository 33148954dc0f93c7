// The private check-in on a relationship: a whole check-in by keyboard, the
// chart and its table agreeing, everything kept over a reload, the change
// since last time, one small step a week with its gentle follow-up (on
// Playwright's clock), deletion across tabs, axe audits in both colour
// schemes, export and import, and names shown as text only. Like every spec
// using ./helpers, each test also fails on any console error, page error,
// panic or request to another origin.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cardPosition, expect, h1, nextCard, open, reload, storageEntries, tabTo, test } from './helpers';
import {
  COUNTING,
  KEY,
  KIND_NAMES,
  SCALE,
  addRelationship,
  belongsTo,
  answers,
  audit,
  barChart,
  chartFigures,
  chooseStep,
  figuresTable,
  fillCheckIn,
  firstCheckIn,
  followUp,
  followUpAnswer,
  gapOf,
  homePanel,
  homeWeek,
  nameField,
  picture,
  point,
  relationshipIdOf,
  stepChooser,
  storedCheckIns,
  storedProgress,
  storedSteps,
  tableFigures,
  type Answers,
  type KindName,
} from './checkin-helpers';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** A first check-in: more wished for in three kinds, the same in one, less in one. */
const FIRST: Answers = answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]);
/** A week on: closer, and two gaps smaller. */
const SECOND: Answers = answers(5, [2, 3], [2, 2], [0, 2], [3, 2], [2, 3]);

/** The main navigation's link to the home page. */
async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(homePanel(page)).toBeVisible();
}

/** The chart and the table of the result on screen both say exactly these answers. */
async function expectFigures(page: Page, a: Answers): Promise<void> {
  await expect(barChart(page)).toBeVisible();
  const chart = await chartFigures(page);
  const table = await tableFigures(page);
  expect([...chart.keys()], 'kinds in the chart, in order').toEqual([...KIND_NAMES]);
  expect([...table.keys()], 'kinds in the table, in order').toEqual([...KIND_NAMES]);
  for (const kind of KIND_NAMES) {
    const want = a.kinds[kind];
    expect(chart.get(kind), `${kind} in the chart's name`).toEqual(want);
    const row = table.get(kind)!;
    expect({ now: row.now, wished: row.wished }, `${kind} in the table`).toEqual(want);
    expect(gapOf(row.gap), `${kind}'s gap in the table (${row.gap})`).toBe(want.wished - want.now);
  }
}

/** The relationship page's table of every check-in. */
function historyTable(page: Page) {
  return page.getByRole('table', { name: 'Every check-in, newest first' });
}

/** The rows of the history table, each as its cells' texts. */
async function historyRows(page: Page): Promise<string[][]> {
  const rows = historyTable(page).getByRole('row').filter({ has: page.getByRole('rowheader') });
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.getByRole('rowheader').or(row.getByRole('cell')).allInnerTexts()).map((t) => t.trim()));
  return out;
}

/**
 * A "since last time" line for a kind that moved: its name first, the
 * figures or scale words of what moved, old and new, and how the gap went.
 */
function changed(kind: KindName, before: Answers, after: Answers, gap: 'smaller' | 'bigger' | 'same'): RegExp {
  const said = (n: number) => `(?:${n}|${SCALE[n].toLowerCase()})`;
  const moved = (['now', 'wished'] as const)
    .filter((w) => before.kinds[kind][w] !== after.kinds[kind][w])
    .map((w) => `(?=.*\\b${said(after.kinds[kind][w])}\\b.*\\b${said(before.kinds[kind][w])}\\b)`)
    .join('');
  return new RegExp(`^${kind}: ${moved}.*the gap is (?:the )?${gap}\\.$`, 'i');
}

/** The sum of the gaps where more is wished for. */
function moreWished(a: Answers): number {
  return KIND_NAMES.reduce((sum, k) => sum + Math.max(0, a.kinds[k].wished - a.kinds[k].now), 0);
}

/** Presses Tab (or Shift+Tab) once. */
async function tab(page: Page, shift = false): Promise<void> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
}

/**
 * Answers one scale by keyboard. Focus is on its first point (the group has
 * nothing checked yet): Space picks 0; ArrowRight moves to a point and picks it.
 */
async function rateByKeys(page: Page, kind: KindName, which: 'Now' | 'Wished for', n: number): Promise<void> {
  await expect(point(page, kind, which, 0)).toBeFocused();
  if (n === 0) await page.keyboard.press('Space');
  for (let i = 1; i <= n; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(point(page, kind, which, i)).toBeFocused();
  }
  await expect(point(page, kind, which, n)).toBeChecked();
}

test('a whole check-in by keyboard alone: add, picture by arrow keys, five kinds, a missing answer, the result', async ({ page }) => {
  const name = 'Sam';
  await open(page, '/checkin');
  await expect(h1(page)).toHaveText('Check in on a relationship');
  await tabTo(page, nameField(page));
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/checkin\/[0-9a-f]+\/new$/);
  await expect(h1(page)).toHaveText(`Check in: ${name}`);

  // The closeness pictures: one radio group, walked with the arrow keys.
  await tabTo(page, picture(page, 1));
  for (let n = 2; n <= 4; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(picture(page, n)).toBeFocused();
    await expect(picture(page, n)).toBeChecked();
  }
  await page.keyboard.press('ArrowLeft');
  await expect(picture(page, 3)).toBeFocused();
  await expect(picture(page, 3)).toBeChecked();
  await expect(picture(page, 4)).not.toBeChecked();

  // Tab goes from one group to the next: each kind, now then wished for.
  for (const kind of KIND_NAMES) {
    await tab(page);
    await rateByKeys(page, kind, 'Now', FIRST.kinds[kind].now);
    if (kind === 'Experiential') break;
    await tab(page);
    await rateByKeys(page, kind, 'Wished for', FIRST.kinds[kind].wished);
  }
  // Experiential's wish is left out on purpose: the summary says so and leads to it.
  const submit = page.getByRole('button', { name: 'See the result' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('A few answers are missing');
  const link = summary.getByRole('link', { name: 'Experiential: answer both, now and wished for.' });
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(h1(page)).toHaveText(`Check in: ${name}`);
  await tabTo(page, link, 3);
  await page.keyboard.press('Enter');
  await rateByKeys(page, 'Experiential', 'Wished for', FIRST.kinds.Experiential.wished);
  // Shift+Tab goes back to the group before, onto its checked point.
  await tab(page, true);
  await expect(point(page, 'Experiential', 'Now', FIRST.kinds.Experiential.now)).toBeFocused();
  await tab(page);
  await expect(point(page, 'Experiential', 'Wished for', FIRST.kinds.Experiential.wished)).toBeFocused();
  await tab(page);
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(h1(page)).toHaveText(`Your check-in: ${name}`);
  await expect(page).toHaveURL(/\/checkin\/[0-9a-f]+\/results\/[0-9a-f]+$/);
  await expect(page.getByText('You chose picture 3 of 7: overlapping a little.')).toBeVisible();
  await expectFigures(page, FIRST);

  // A step, chosen by keyboard too.
  const chooser = stepChooser(page);
  const first = chooser.getByRole('radio').first();
  await tabTo(page, first, 80);
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await tabTo(page, chooser.getByRole('button', { name: 'Choose this step' }), 40);
  await page.keyboard.press('Enter');
  await expect(chooser.getByRole('status')).toContainText('is your step for this week');
});

test("the chart's accessible name and the table say the same figures; the gaps lead to practice lessons", async ({ page }) => {
  await firstCheckIn(page, 'Alex', FIRST);
  await expectFigures(page, FIRST);

  // Where more is wished for: biggest gap first, ties in the guide's order, at most three.
  const gaps = page.getByRole('region', { name: 'Where you would like more' });
  await expect(gaps.getByRole('heading', { level: 3 })).toHaveText(['Physical', 'Shared interests', 'Experiential']);
  await expect(gaps).toContainText('Now a little, wished for quite a lot: a gap of 2.');
  await expect(gaps).toContainText(/less (than now )?of: Emotional\./);
  const lesson = gaps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Physical' }) }).getByRole('link').first();
  const title = (await lesson.innerText()).trim();
  await lesson.click();
  await expect(page).toHaveURL(/\/lessons\/practices\/[a-z0-9-]+\/[a-z0-9-]+$/);
  await expect(h1(page)).toHaveText(title);
});

test('a reload keeps the result, the relationship page and the stored check-in (schema 6)', async ({ page }) => {
  const name = 'Grandma';
  const { rel, checkIn } = await firstCheckIn(page, name, FIRST);
  await reload(page);
  await expect(h1(page)).toHaveText(`Your check-in: ${name}`);
  await expectFigures(page, FIRST);

  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/checkin/${rel}$`));
  await expect(h1(page)).toHaveText(name);
  await reload(page);
  await expect(h1(page)).toHaveText(name);
  await expect(page.getByText('1 check-in so far.')).toBeVisible();
  expect(await historyRows(page)).toHaveLength(1);

  const saved = await storedProgress(page);
  expect(saved.schema).toBe(6);
  expect(saved.checkins.relationships[rel].name).toBe(name);
  const stored = storedCheckIns(saved);
  expect([...stored.keys()]).toEqual([checkIn]);
  const found = stored.get(checkIn)!;
  expect(belongsTo(found, rel), 'the check-in is stored as the relationship\'s').toBe(true);
  const entry = found.value;
  expect(entry.closeness).toBe(FIRST.closeness);
  // Per kind id (the name in lower case, with hyphens).
  const byName = new Map(KIND_NAMES.map((k) => [k.toLowerCase().replace(/ /g, '-'), FIRST.kinds[k]]));
  expect(entry.kinds).toEqual(Object.fromEntries(byName));

  // The list of relationships, after a reload of its own.
  await open(page, '/checkin');
  const yours = page.getByRole('region', { name: 'Your relationships' });
  await expect(yours.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(yours).toContainText(/1 check-in, on \d+ \w+ \d{4}/);
});

test('a second check-in says what changed since last time; the history has two rows', async ({ page }) => {
  const name = 'Jo';
  const { rel, checkIn: first } = await firstCheckIn(page, name, FIRST);
  await expect(page.getByRole('region', { name: 'Since last time' })).toHaveCount(0);
  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await page.getByRole('link', { name: 'Check in now' }).click();
  const second = await fillCheckIn(page, name, SECOND);
  expect(second).not.toBe(first);

  const since = page.getByRole('region', { name: 'Since last time' });
  // Closeness first, then only the kinds that moved, each with its old and new answers.
  await expect(since.getByRole('listitem')).toHaveText([
    'Closeness: you chose picture 5, closer than last time (3).',
    changed('Physical', FIRST, SECOND, 'smaller'),
    changed('Experiential', FIRST, SECOND, 'smaller'),
  ]);
  await expectFigures(page, SECOND);

  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(page.getByText('2 check-ins so far.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Since last time' }).getByRole('listitem').first()).toHaveText(
    'Closeness: you chose picture 5, closer than last time (3).',
  );
  const rows = await historyRows(page);
  expect(rows).toHaveLength(2);
  // Newest first: closeness, how much more was wished for in all, the biggest gap.
  expect(rows.map((r) => r.slice(1))).toEqual([
    ['5 of 7', String(moreWished(SECOND)), 'Shared interests'],
    ['3 of 7', String(moreWished(FIRST)), 'Physical'],
  ]);
  // The line charts' names carry the same figures, oldest first.
  const closeness = page.getByRole('img', { name: /^Line chart of the closeness picture/ });
  await expect(closeness).toHaveAttribute('aria-label', /: \d+ \w+ \d{4}, 3; \d+ \w+ \d{4}, 5\.$/);
  const more = page.getByRole('img', { name: /^Line chart of how much more/ });
  await expect(more).toHaveAttribute('aria-label', new RegExp(`, ${moreWished(FIRST)}; \\d+ \\w+ \\d{4}, ${moreWished(SECOND)}\\.$`));

  // Each row leads to its own result; the older one has nothing to compare with.
  await historyTable(page).getByRole('row').nth(2).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/checkin/${rel}/results/${first}$`));
  await expectFigures(page, FIRST);
  await expect(page.getByRole('region', { name: 'Since last time' })).toHaveCount(0);
});

test('a chosen step shows on the home page under "This week", and "Drop this step" removes it', async ({ page }) => {
  const name = 'Robin';
  const { rel } = await firstCheckIn(page, name, FIRST);
  const step = await chooseStep(page);

  await goHome(page);
  const week = homeWeek(page);
  await expect(week.getByRole('heading', { name: `For ${name}` })).toBeVisible();
  await expect(week).toContainText(step);
  await expect(week).not.toContainText(COUNTING);
  await expect(followUp(page)).toHaveCount(0);

  // The relationship page shows the same step.
  await week.getByRole('link', { name: 'Change it' }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(page.getByRole('region', { name: 'This week', exact: true })).toContainText(step);

  await goHome(page);
  await week.getByRole('button', { name: 'Drop this step' }).click();
  await expect(week).toHaveCount(0);
  await reload(page);
  await expect(homePanel(page)).toBeVisible();
  await expect(homeWeek(page)).toHaveCount(0);
  await open(page, `/checkin/${rel}`);
  await expect(page.getByRole('region', { name: 'This week', exact: true })).toHaveCount(0);
  const plans = [...storedSteps(await storedProgress(page)).values()];
  expect(plans).toHaveLength(1);
  expect(belongsTo(plans[0], rel)).toBe(true);
  expect(typeof plans[0].value.ended_at, 'a dropped step ends').toBe('number');
});

/** The links in the page's content that lead to the page itself. */
async function selfLinks(page: Page): Promise<string[]> {
  return page
    .locator('main a[href]')
    .evaluateAll((links) => links.filter((a) => new URL((a as HTMLAnchorElement).href).pathname === location.pathname).map((a) => a.textContent!.trim()));
}

/** A step option's own words, without the note under a suggestion. */
async function optionWords(option: import('@playwright/test').Locator): Promise<string> {
  return option.evaluate((l) => [...l.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('option-note'))).map((n) => n.textContent).join('').trim());
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the result's first screen holds the summary and a way to share; three suggested steps, more folded; one primary action", async ({ page }) => {
    // Failed before the fix: "Share to compare" sat five screens down, after
    // nine steps, and the one filled button was "All check-ins".
    await firstCheckIn(page, 'Noor', FIRST);
    await expect(h1(page)).toHaveText('Your check-in: Noor');
    expect(await page.evaluate(() => scrollY), 'the result opens at its top').toBe(0);
    const summary = page.getByRole('region', { name: 'In short' });
    await expect(summary).toContainText('You chose picture 3 of 7: overlapping a little.');
    await expect(summary).toContainText('You would like more of: Physical, Shared interests and Experiential.');
    await expect(summary).toContainText('And less of: Emotional.');
    await expect(summary).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Share to compare' })).toBeInViewport({ ratio: 1 });

    // Three steps, one for each of the biggest gaps; the rest one tap away.
    const chooser = stepChooser(page);
    const suggested = chooser.getByRole('group', { name: 'Suggested for the biggest gaps' });
    await expect(suggested.getByRole('radio')).toHaveCount(3);
    await expect(suggested.locator('.option-note')).toHaveText(['Where you would like more: physical', 'Where you would like more: shared interests', 'Where you would like more: experiential']);
    await expect(chooser.getByRole('radio').filter({ visible: true })).toHaveCount(3);
    await chooser.getByText('Show more ideas', { exact: true }).click();
    expect(await chooser.getByRole('radio').filter({ visible: true }).count()).toBeGreaterThan(3);
    // No step is offered twice.
    const words = await Promise.all((await chooser.locator('.option label').all()).map(optionWords));
    expect(new Set(words).size).toBe(words.length);

    // The table and the caveats are folded, a tap away.
    await expect(figuresTable(page)).toBeHidden();
    await expect(page.locator('details.caveat')).not.toHaveAttribute('open', '');
    await expect(page.getByRole('heading', { name: 'About this check-in' })).toBeVisible();

    // One filled button: the step.
    const primary = page.locator('main .button.primary').filter({ visible: true });
    await expect(primary).toHaveCount(1);
    await expect(primary).toHaveText('Choose this step');
  });

  test("a returning person's home and check-in pages put their step, their relationships and the way on first; the intros fold away", async ({ page }) => {
    // Failed before the fix: the three paragraphs of welcome came first, and
    // "This week" started about one and a half screens down.
    const name = 'Ola';
    const { rel } = await firstCheckIn(page, name, FIRST);
    const step = await chooseStep(page);
    await goHome(page);
    await page.keyboard.press('Home');
    const week = homeWeek(page);
    await expect(week).toContainText(step);
    await expect(week.getByRole('heading', { name: `For ${name}` })).toBeInViewport({ ratio: 1 });
    const yours = page.getByRole('list', { name: 'Your relationships' });
    await expect(yours.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/checkin/${rel}`);
    await expect(page.getByRole('link', { name: 'Start the guide' })).toBeInViewport({ ratio: 1 });
    // The welcome is one tap away.
    const welcome = page.getByText(/^Many people hear the word intimacy and think only of sex\./);
    await expect(welcome).toBeHidden();
    await page.getByText('About Closer', { exact: true }).click();
    await expect(welcome).toBeVisible();

    // The check-in's own page: the relationships first, its intro folded.
    await page.getByRole('link', { name: 'Check in on a relationship', exact: true }).click();
    await expect(h1(page)).toHaveText('Check in on a relationship');
    const list = page.getByRole('region', { name: 'Your relationships' });
    await expect(list.getByRole('link', { name, exact: true })).toBeInViewport({ ratio: 1 });
    const intro = page.getByText(/^Pick someone in your life/);
    await expect(intro).toBeHidden();
    await page.getByText('About the check-in', { exact: true }).click();
    await expect(intro).toBeVisible();
  });

  test('"Change it" on the home page opens the step chooser (two steps from home); a week on, "Choose a different step" opens it in place; no page links to itself', async ({ page }) => {
    // Failed before the fix: "Change it" led to a page that could only drop
    // the step, and there "Choose a different step" linked to that same page.
    const name = 'Sky';
    await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
    const { rel } = await firstCheckIn(page, name, FIRST);
    const step = await chooseStep(page);
    await goHome(page);

    // Home, then "Change it": the chooser, with focus on its heading and in view.
    await homeWeek(page).getByRole('link', { name: 'Change it' }).click();
    await expect(page).toHaveURL(new RegExp(`/checkin/${rel}#choose-step$`));
    await expect(h1(page)).toHaveText(name);
    const chooser = stepChooser(page);
    const heading = chooser.getByRole('heading', { name: 'One small step this week' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(chooser).toContainText(`Your step now: ${step}`);
    expect(await selfLinks(page)).toEqual([]);

    // Another of the suggestions replaces it.
    const other = await optionWords(chooser.getByRole('group', { name: 'Suggested for the biggest gaps' }).locator('label').nth(1));
    expect(other).not.toBe(step);
    await chooseStep(page, other);
    await expect(page.getByRole('region', { name: 'This week', exact: true })).toContainText(other);

    // A week on, after the follow-up: "Choose a different step" opens the chooser on this page.
    const plans = [...storedSteps(await storedProgress(page)).values()].map((p) => p.value.chosen_at as number);
    await page.clock.setSystemTime(Math.max(...plans) + 7 * DAY);
    await reload(page);
    const here = page.getByRole('region', { name: 'This week', exact: true });
    await followUp(here).getByRole('radio', { name: 'I tried it' }).check();
    await here.getByRole('button', { name: 'Save' }).click();
    await expect(here.getByRole('status')).toContainText(followUpAnswer('tried').reply);
    await page.keyboard.press('Home');
    await here.getByRole('button', { name: 'Choose a different step' }).click();
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    expect(await selfLinks(page)).toEqual([]);

    // On the home page it is a link to that chooser.
    await goHome(page);
    await homeWeek(page).getByRole('link', { name: 'Choose a different step' }).click();
    await expect(page).toHaveURL(new RegExp(`/checkin/${rel}#choose-step$`));
    await expect(heading).toBeFocused();
  });
});

test('the gentle follow-up comes after seven days, not before; its note goes to "My reflections"', async ({ page }) => {
  const name = 'Dad';
  const note = 'We had one long call on Sunday, and it felt easy.';
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const { rel } = await firstCheckIn(page, name, FIRST);
  const step = await chooseStep(page);
  const plans = [...storedSteps(await storedProgress(page)).values()];
  expect(plans).toHaveLength(1);
  const chosenAt: number = plans[0].value.chosen_at;

  // 6 days and 23 hours on: the step stands, no question yet, on either page.
  await page.clock.setSystemTime(chosenAt + 7 * DAY - HOUR);
  await open(page, '/');
  const week = homeWeek(page);
  await expect(week).toContainText(step);
  await expect(week.getByRole('button', { name: 'Drop this step' })).toBeVisible();
  await expect(followUp(page)).toHaveCount(0);
  await open(page, `/checkin/${rel}`);
  await expect(page.getByRole('region', { name: 'This week', exact: true }).getByRole('button', { name: 'Drop this step' })).toBeVisible();
  await expect(followUp(page)).toHaveCount(0);

  // The seventh day: the question, on the home page and the relationship's page.
  await page.clock.fastForward('01:00:00');
  await reload(page);
  await expect(followUp(page.getByRole('region', { name: 'This week', exact: true }))).toBeVisible();
  await goHome(page);
  const question = followUp(week);
  await expect(question).toBeVisible();
  await expect(question.getByRole('radio')).toHaveCount(3);
  for (const label of ['I tried it', 'Partly, or once', 'Not this week']) {
    await expect(question.getByRole('radio', { name: label, exact: true })).toBeVisible();
  }
  await expect(week.getByRole('button', { name: 'Drop this step' })).toHaveCount(0);
  // Gentle: nothing counts days, streaks or misses.
  await expect(week).not.toContainText(COUNTING);

  // Save with no answer asks kindly; then an answer and a note.
  await week.getByRole('button', { name: 'Save' }).click();
  await expect(week.getByRole('status')).toContainText('Pick the answer that fits; any of them is fine.');
  await question.getByRole('radio', { name: 'Partly, or once' }).check();
  await week.getByLabel(/^A note for yourself \(optional\)/).fill(note);
  await week.getByRole('button', { name: 'Save' }).click();
  await expect(week.getByRole('status')).toContainText(followUpAnswer('partly').reply);
  await expect(week).toContainText(note);
  await expect(followUp(page)).toHaveCount(0);
  await expect(week.getByRole('button', { name: 'Keep it for another week' })).toBeVisible();
  await expect(week).not.toContainText(COUNTING);

  // "My reflections" holds the note, with the step and a way back.
  await page.getByRole('link', { name: 'My reflections' }).click();
  await expect(h1(page)).toHaveText('My reflections');
  const fromSteps = page.getByRole('region', { name: 'From your small steps' });
  await expect(fromSteps.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(fromSteps).toContainText(step);
  await expect(fromSteps).toContainText(note);
  await expect(fromSteps).toContainText(/Partly, or once, \d+ March 2026\./);
  await expect(fromSteps).not.toContainText(COUNTING);
  await fromSteps.getByRole('link', { name: `Go to ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/checkin/${rel}$`));
  await expect(h1(page)).toHaveText(name);
  const here = page.getByRole('region', { name: 'This week', exact: true });
  await expect(here.getByRole('status')).toContainText(followUpAnswer('partly').reply);

  // Keeping it starts a new week: the step stands again, with no question.
  await here.getByRole('button', { name: 'Keep it for another week' }).click();
  await expect(here.getByRole('button', { name: 'Drop this step' })).toBeVisible();
  await expect(here).toContainText(step);
  await expect(followUp(page)).toHaveCount(0);

  // A lesson's reflection note sits beside it, linking back to its card.
  await open(page, '/lessons/kinds/physical/note');
  await page.getByRole('textbox').fill('Hugs with my brother');
  await expect
    .poll(async () => JSON.parse((await storageEntries(page))[KEY]).responses?.['kinds/physical#note']?.text)
    .toBe('Hugs with my brother');
  await open(page, '/reflections');
  const fromLessons = page.getByRole('region', { name: 'From the lessons' });
  await expect(fromLessons).toContainText('Hugs with my brother');
  await expect(page.getByRole('region', { name: 'From your small steps' })).toContainText(note);
  await fromLessons.getByRole('link', { name: /^Open “/ }).click();
  await expect(page).toHaveURL(/\/lessons\/kinds\/physical\/note$/);
  await expect(page.getByRole('textbox')).toHaveValue('Hugs with my brother');
});

test('a relationship deleted in one tab stays deleted in the other', async ({ page, context }) => {
  const name = 'Casey Tabs';
  const { rel } = await firstCheckIn(page, name, FIRST);
  await chooseStep(page);
  const other = await context.newPage();
  await open(other, `/checkin/${rel}`);
  await expect(h1(other)).toHaveText(name);
  await open(page, `/checkin/${rel}`);

  await page.getByRole('button', { name: 'Delete…' }).click();
  const yes = page.getByRole('button', { name: 'Yes, delete' });
  // The safe answer has focus (review m10).
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expect(page.getByText(`Delete ${name} and every check-in and step with them?`)).toBeVisible();
  await yes.click();
  await expect(page).toHaveURL(/\/checkin$/);
  await expect(h1(page)).toHaveText('Check in on a relationship');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);

  // The other tab learns of it at once.
  await expect(h1(other)).toHaveText('This relationship is not here');
  await expect(other.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();

  // A change in the other tab (a lesson card) saves what it knows: the deletion holds.
  await other.getByRole('link', { name: 'Go to your check-ins' }).click();
  await expect(h1(other)).toHaveText('Check in on a relationship');
  await expect(other.getByRole('region', { name: 'Your relationships' })).toHaveCount(0);
  await goHome(other);
  await expect(homeWeek(other)).toHaveCount(0);
  await other.getByRole('link', { name: 'Start the guide' }).click();
  await expect(cardPosition(other, 1)).toBeVisible();
  await nextCard(other).click();
  await expect(cardPosition(other, 2)).toBeVisible();
  await expect.poll(async () => JSON.parse((await storageEntries(other))[KEY]).last_lesson).toBeTruthy();

  for (const p of [page, other]) {
    await reload(p);
    await open(p, `/checkin/${rel}`);
    await expect(h1(p)).toHaveText('This relationship is not here');
    await open(p, '/checkin');
    await expect(p.getByRole('region', { name: 'Your relationships' })).toHaveCount(0);
    await open(p, '/');
    await expect(homeWeek(p)).toHaveCount(0);
  }
  const entries = await storageEntries(page);
  for (const [k, v] of Object.entries(entries)) expect(v, `localStorage ${k}`).not.toContain(name);
  const saved = JSON.parse(entries[KEY]);
  expect(saved.checkins.relationships).toEqual({});
  expect(storedCheckIns(saved).size).toBe(0);
  expect(storedSteps(saved).size).toBe(0);
  // Only a marker with the id is left, so that no merge brings it back.
  expect(Object.keys(saved.checkins.deleted)).toEqual([rel]);
});

test('axe: /checkin empty and with a relationship; the form, empty and with its error summary', async ({ page }) => {
  // Each audit is four axe runs (two sizes, two colour schemes).
  test.setTimeout(120_000);
  await open(page, '/checkin');
  await expect(page.getByRole('region', { name: 'Your relationships' })).toHaveCount(0);
  await audit(page, '/checkin (empty)');

  await addRelationship(page, 'Mum');
  await audit(page, 'the check-in form');
  await picture(page, 2).check();
  await point(page, 'Physical', 'Now', 1).check();
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(page.getByRole('alert')).toContainText('A few answers are missing');
  await audit(page, 'the check-in form with its error summary');

  // An empty name, refused beside its field.
  await open(page, '/checkin');
  await expect(page.getByRole('region', { name: 'Your relationships' }).getByRole('link', { name: 'Mum', exact: true })).toBeVisible();
  await nameField(page).fill('   ');
  await page.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page.getByText('Give them a name or an initial first.')).toBeVisible();
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await audit(page, '/checkin (with a relationship, and a name refused)');
});

test('axe: the result, the relationship page with two check-ins and a step, the delete question, home with a step', async ({ page }) => {
  // Each audit is four axe runs (two sizes, two colour schemes).
  test.setTimeout(120_000);
  const name = 'Kim';
  await firstCheckIn(page, name, FIRST);
  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await page.getByRole('link', { name: 'Check in now' }).click();
  await fillCheckIn(page, name, SECOND);
  await expect(page.getByRole('region', { name: 'Since last time' })).toBeVisible();
  await chooseStep(page);
  await audit(page, 'a result (with a change since last time and a chosen step)');

  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(historyTable(page)).toBeVisible();
  await audit(page, 'the relationship page');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await audit(page, 'the relationship page (delete question)');
  await page.getByRole('button', { name: 'Keep it' }).click();

  await goHome(page);
  await expect(homeWeek(page)).toBeVisible();
  await audit(page, 'home (with a step this week)');
});

test('axe: the follow-up form, its reply, and "My reflections"', async ({ page }) => {
  // Each audit is four axe runs (two sizes, two colour schemes).
  test.setTimeout(120_000);
  const name = 'Lee';
  await open(page, '/reflections');
  await expect(page.getByText(/^No notes yet\./)).toBeVisible();
  await audit(page, '/reflections (empty)');

  await page.clock.install({ time: new Date('2026-05-04T18:30:00Z') });
  const { rel } = await firstCheckIn(page, name, FIRST);
  await chooseStep(page);
  await page.clock.setSystemTime(Date.parse('2026-05-04T18:30:00Z') + 8 * DAY);
  await open(page, '/');
  await expect(followUp(homeWeek(page))).toBeVisible();
  await audit(page, 'home (the follow-up form)');
  await open(page, `/checkin/${rel}`);
  const week = page.getByRole('region', { name: 'This week', exact: true });
  await expect(followUp(week)).toBeVisible();
  await week.getByRole('button', { name: 'Save' }).click();
  await expect(week.getByRole('status')).toContainText('Pick the answer that fits');
  await audit(page, 'the relationship page (the follow-up form, no answer picked)');
  await followUp(week).getByRole('radio', { name: 'I tried it' }).check();
  await week.getByRole('textbox').fill('It felt good.');
  await week.getByRole('button', { name: 'Save' }).click();
  await expect(week.getByRole('status')).toContainText(followUpAnswer('tried').reply);
  await audit(page, 'the relationship page (the follow-up reply)');

  await open(page, '/reflections');
  await expect(page.getByRole('region', { name: 'From your small steps' })).toContainText('It felt good.');
  await audit(page, '/reflections (with a note)');
});

test('export then import: the preview lists relationships and check-ins; Erase removes check-ins too', async ({ page, context }, info) => {
  const name = 'Pat';
  const { rel, checkIn } = await firstCheckIn(page, name, FIRST);
  await chooseStep(page);
  const before = (await storageEntries(page))[KEY];

  await open(page, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.schema).toBe(6);
  expect(exported.checkins.relationships[rel].name).toBe(name);
  expect([...storedCheckIns(exported).keys()]).toEqual([checkIn]);

  // Erase, with the relationship open in another tab: gone there too.
  const other = await context.newPage();
  await open(other, `/checkin/${rel}`);
  await expect(h1(other)).toHaveText(name);
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.getByText('Everything Closer kept in this browser has been erased.')).toBeVisible();
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);
  await expect(h1(other)).toHaveText('This relationship is not here');
  await open(page, `/checkin/${rel}/results/${checkIn}`);
  await expect(h1(page)).toHaveText('This check-in is not here');
  await open(page, '/checkin');
  await expect(page.getByRole('region', { name: 'Your relationships' })).toHaveCount(0);
  await open(page, '/');
  await expect(homeWeek(page)).toHaveCount(0);

  // The preview says what the file holds, check-ins included, before anything changes.
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  const preview = page.getByRole('table', { name: 'What the import would change' });
  await expect(preview).toBeVisible();
  // Each row: what, now (erased), if replaced by the file, if the file is added.
  const row = (what: RegExp) => preview.getByRole('row', { name: what }).getByRole('cell');
  await expect(row(/^Relationships/)).toHaveText(['0', '1', '1']);
  await expect(row(/^Check-ins/)).toHaveText(['0', '1', '1']);
  await expect(row(/^Small steps/)).toHaveText(['0', '1', '1']);
  await expect(page.getByRole('region', { name: 'Import', exact: true }).getByRole('listitem')).toHaveText([
    new RegExp(`^${name}: 1 check-in, the latest on \\d+ \\w+ \\d{4}$`),
  ]);
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible();
  expect((await storageEntries(page))[KEY]).toBe(before);

  await open(page, `/checkin/${rel}/results/${checkIn}`);
  await expect(h1(page)).toHaveText(`Your check-in: ${name}`);
  await expectFigures(page, FIRST);
  await goHome(page);
  await expect(homeWeek(page).getByRole('heading', { name: `For ${name}` })).toBeVisible();
});

test('a name with HTML in it is shown as text only, everywhere it appears', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const name = '<img src=x onerror=alert(1)>';
  await page.clock.install({ time: new Date('2026-06-01T12:00:00Z') });
  const { rel } = await firstCheckIn(page, name, FIRST);
  // The tab's title, which history keeps, never names the person (#26).
  await expect(page).toHaveTitle('Your check-in · Closer');
  await chooseStep(page);
  const noMarkup = async (where: string) => {
    expect(await page.locator('main img, main script, title img').count(), `markup run on ${where}`).toBe(0);
    expect(dialogs, `dialogs on ${where}`).toBe(0);
  };
  await noMarkup('the result');
  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByText(`Delete ${name} and every`)).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await noMarkup('the relationship page');
  await open(page, '/checkin');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `Check in: ${name}` })).toBeVisible();
  await noMarkup('/checkin');
  await page.clock.setSystemTime(Date.parse('2026-06-01T12:00:00Z') + 7 * DAY + HOUR);
  await open(page, '/');
  await expect(homeWeek(page).getByRole('heading', { name: `For ${name}` })).toBeVisible();
  await followUp(homeWeek(page)).getByRole('radio', { name: 'I tried it' }).check();
  await homeWeek(page).getByRole('textbox').fill(name);
  await homeWeek(page).getByRole('button', { name: 'Save' }).click();
  await expect(homeWeek(page).getByRole('status')).toContainText(followUpAnswer('tried').reply);
  await noMarkup('home');
  await open(page, '/reflections');
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `Go to ${name}` })).toBeVisible();
  await noMarkup('/reflections');
  // Renamed to more markup: still text.
  await open(page, `/checkin/${rel}`);
  const renamed = '<b>bold</b><script>alert(2)</script>';
  await page.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await page.getByRole('button', { name: 'Save the name' }).click();
  await expect(h1(page)).toHaveText(renamed);
  await reload(page);
  await expect(h1(page)).toHaveText(renamed);
  expect(await page.locator('main b, main script').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(relationshipIdOf(page)).toBe(rel);
});

// ---- Focus and messages stay where a person is ----

test('renaming says "Renamed to …" and keeps focus on the form', async ({ page }) => {
  await addRelationship(page, 'Sam');
  await open(page, `/checkin/${relationshipIdOf(page)}`);
  await page.getByRole('textbox', { name: 'Name' }).fill('Samuel');
  const save = page.getByRole('button', { name: 'Save the name' });
  await save.click();
  await expect(h1(page)).toHaveText('Samuel');
  await expect(page.getByRole('region', { name: 'Rename' }).getByRole('status')).toHaveText('Renamed to Samuel.');
  await expect(save).toBeFocused();
});

test('dropping a step keeps keyboard focus on the page, not lost to <body>', async ({ page }) => {
  await firstCheckIn(page, 'Sam', FIRST);
  await chooseStep(page);
  await goHome(page);
  const drop = homeWeek(page).getByRole('button', { name: 'Drop this step' });
  await drop.focus();
  await page.keyboard.press('Enter');
  await expect(homeWeek(page)).toHaveCount(0);
  // Focus moves once the page has redrawn (the frame after the step left).
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

test('an empty "My reflections" leads to a reflection card (review m22)', async ({ page }) => {
  // Failed before the fix: "No notes yet" named the cards but linked to none.
  await open(page, '/reflections');
  const empty = page.getByText(/^No notes yet\./);
  await expect(empty).toBeVisible();
  await empty.getByRole('link', { name: /^Write one in “.+”$/ }).click();
  await expect(page).toHaveURL(/\/lessons\/[a-z-]+\/[a-z0-9-]+\/[a-z0-9-]+$/);
  await expect(page.getByRole('article').getByRole('textbox')).toBeVisible();
});

test('one check-in draws no charts around one dot; the second draws them (review m21)', async ({ page }) => {
  const { rel } = await firstCheckIn(page, 'Robin', answers(4, [2, 3], [2, 2], [1, 3], [3, 2], [2, 4]));
  await open(page, `/checkin/${rel}`);
  const overTime = page.getByRole('region', { name: 'Over time' });
  await expect(overTime).toContainText('One check-in so far.');
  await expect(overTime.getByRole('figure')).toHaveCount(0);
  await expect(overTime.getByRole('table')).toBeVisible();
  await open(page, `/checkin/${rel}/new`);
  await fillCheckIn(page, 'Robin', answers(5, [3, 3], [2, 2], [2, 3], [3, 3], [3, 4]));
  await open(page, `/checkin/${rel}`);
  await expect(overTime.getByRole('figure')).toHaveCount(2);
  await expect(overTime).not.toContainText('One check-in so far.');
});
