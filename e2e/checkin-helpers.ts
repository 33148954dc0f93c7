// Helpers for e2e/checkin.spec.ts: the check-in on a relationship, walked by
// clicks, its figures read back from what a person (or a screen reader) gets,
// and an axe audit at two sizes in both colour schemes.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, h1, open, pathOf, storageEntries } from './helpers';

export const KEY = 'closer.progress';

/** The five kinds, in the guide's order, by the names the form shows. */
export const KIND_NAMES = ['Physical', 'Spiritual', 'Shared interests', 'Emotional', 'Experiential'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** The words of the scale, 0 to 4. */
export const SCALE = ['None at all', 'A little', 'Some', 'Quite a lot', 'A great deal'] as const;

/** The words of the closeness pictures, 1 to 7. */
export const PICTURES = [
  'apart, not touching',
  'just touching',
  'overlapping a little',
  'overlapping by about half',
  'overlapping a lot',
  'overlapping mostly',
  'almost one circle',
] as const;

/** The accessible name of closeness picture n (1 to 7). */
export function pictureName(n: number): string {
  return `${n} of 7: ${PICTURES[n - 1]}`;
}

export interface Figures {
  now: number;
  wished: number;
}

/** A whole check-in: a picture, and each kind now and wished for. */
export interface Answers {
  closeness: number;
  kinds: Record<KindName, Figures>;
}

/** Answers from a compact list: [closeness, [now, wished] × 5 in the guide's order]. */
export function answers(closeness: number, ...pairs: [number, number][]): Answers {
  expect(pairs).toHaveLength(KIND_NAMES.length);
  const kinds = Object.fromEntries(KIND_NAMES.map((k, i) => [k, { now: pairs[i][0], wished: pairs[i][1] }]));
  return { closeness, kinds: kinds as Record<KindName, Figures> };
}

/** The fieldset of one kind on the form. */
export function kindGroup(page: Page, kind: KindName): Locator {
  return page.getByRole('group', { name: kind, exact: true });
}

/** One of a kind's two scales on the form. */
export function scale(page: Page, kind: KindName, which: 'Now' | 'Wished for'): Locator {
  return kindGroup(page, kind).getByRole('group', { name: which, exact: true });
}

/** The radio of point n (0 to 4) of a kind's scale. */
export function point(page: Page, kind: KindName, which: 'Now' | 'Wished for', n: number): Locator {
  return scale(page, kind, which).getByRole('radio', { name: SCALE[n], exact: true });
}

/** The radio of closeness picture n. */
export function picture(page: Page, n: number): Locator {
  return page.getByRole('radio', { name: pictureName(n), exact: true });
}

/** The relationship id in a /checkin/<id>... URL. */
export function relationshipIdOf(page: Page): string {
  const m = pathOf(page).match(/^\/checkin\/([0-9a-f]+)(\/|$)/);
  if (!m) throw new Error(`not a relationship URL: ${page.url()}`);
  return m[1];
}

/** The check-in id of a result page's URL. */
export function checkInIdOf(page: Page): string {
  const m = pathOf(page).match(/^\/checkin\/[0-9a-f]+\/results\/([0-9a-f]+)$/);
  if (!m) throw new Error(`not a result URL: ${page.url()}`);
  return m[1];
}

/** The field that names a new relationship on /checkin. */
export function nameField(page: Page): Locator {
  return page.getByLabel(/^Who is it\?/);
}

/** Adds a relationship from /checkin by clicks; returns its id, with its form on screen. */
export async function addRelationship(page: Page, name: string): Promise<string> {
  await open(page, '/checkin');
  await nameField(page).fill(name);
  await page.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page).toHaveURL(/\/checkin\/[0-9a-f]+\/new$/);
  await expect(h1(page)).toHaveText(`Check in: ${name}`);
  return relationshipIdOf(page);
}

/** Fills the form on screen by clicks and submits it; returns the check-in id, with its result on screen. */
export async function fillCheckIn(page: Page, name: string, a: Answers): Promise<string> {
  await expect(h1(page)).toHaveText(`Check in: ${name}`);
  await picture(page, a.closeness).check();
  for (const kind of KIND_NAMES) {
    await point(page, kind, 'Now', a.kinds[kind].now).check();
    await point(page, kind, 'Wished for', a.kinds[kind].wished).check();
  }
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(h1(page)).toHaveText(`Your check-in: ${name}`);
  return checkInIdOf(page);
}

/** Adds a relationship and makes its first check-in, by clicks. */
export async function firstCheckIn(page: Page, name: string, a: Answers): Promise<{ rel: string; checkIn: string }> {
  const rel = await addRelationship(page, name);
  const checkIn = await fillCheckIn(page, name, a);
  return { rel, checkIn };
}

/** The bar chart of a result page. */
export function barChart(page: Page): Locator {
  return page.getByRole('img', { name: /^Bar chart of the five kinds/ });
}

/** The figures in the bar chart's accessible name, per kind. */
export async function chartFigures(page: Page): Promise<Map<string, Figures>> {
  const label = (await barChart(page).getAttribute('aria-label')) ?? '';
  const out = new Map<string, Figures>();
  for (const m of label.matchAll(/(?:^|[.;] )([A-Z][a-z ]+): now (\d+), wished for (\d+)/g)) {
    out.set(m[1], { now: Number(m[2]), wished: Number(m[3]) });
  }
  return out;
}

/** Opens a <details> disclosure by its summary, if it is closed. */
export async function openDisclosure(details: Locator): Promise<void> {
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await expect(details).toHaveAttribute('open', '');
}

/** The result page's table of figures. */
export function figuresTable(page: Page): Locator {
  return page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Wished for' }) });
}

/** One "Some (2)" cell, read as its number, checking its words fit the number. */
function cellFigure(text: string): number {
  const m = text.trim().match(/^(.+) \((\d+)\)$/);
  if (!m) throw new Error(`cell ${JSON.stringify(text)} is not "words (n)"`);
  const n = Number(m[2]);
  expect(m[1], `the words for ${n}`).toBe(SCALE[n]);
  return n;
}

/** The figures of the result table, per kind, with the gap column as written. */
export async function tableFigures(page: Page): Promise<Map<string, Figures & { gap: string }>> {
  const table = figuresTable(page);
  // The table is folded under the chart: open it as a person would.
  await openDisclosure(page.locator('details.figures-table'));
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Kind', 'Now', 'Wished for', 'Gap']);
  const out = new Map<string, Figures & { gap: string }>();
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  for (const row of await rows.all()) {
    const kind = (await row.getByRole('rowheader').innerText()).trim();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells, `cells of ${kind}`).toHaveLength(3);
    out.set(kind, { now: cellFigure(cells[0]), wished: cellFigure(cells[1]), gap: cells[2] });
  }
  return out;
}

/** A gap cell read as a number: "None" is 0, "2 more…" is 2, "1 less…" is -1. */
export function gapOf(text: string): number {
  if (/^none$/i.test(text)) return 0;
  const m = text.match(/^(\d+) (more|less)\b/i);
  if (!m) throw new Error(`gap cell ${JSON.stringify(text)} is not "None", "n more" or "n less"`);
  return m[2].toLowerCase() === 'more' ? Number(m[1]) : -Number(m[1]);
}

/** The saved progress, parsed. */
export async function storedProgress(page: Page): Promise<any> {
  const raw = (await storageEntries(page))[KEY];
  expect(raw, 'progress saved').toBeDefined();
  return JSON.parse(raw);
}

export interface Found {
  /** The key it sits under. */
  key: string;
  /** The keys from the top down to it, its own last. */
  path: string[];
  value: any;
}

/**
 * Every object under `value` (at any depth) that `pick` accepts: the stored
 * layout may nest check-ins and steps per relationship or not, and these
 * tests only care what is there and whose it is.
 */
export function findAll(value: unknown, pick: (v: any) => boolean, path: string[] = []): Found[] {
  if (value === null || typeof value !== 'object') return [];
  const here = pick(value) ? [{ key: path[path.length - 1] ?? '', path, value }] : [];
  return here.concat(Object.entries(value).flatMap(([k, v]) => findAll(v, pick, [...path, k])));
}

/** Whether a stored record belongs to a relationship: it names it, or sits under its id. */
export function belongsTo(found: Found, rel: string): boolean {
  return found.value.relationship === rel || found.path.slice(0, -1).includes(rel);
}

/** The stored check-ins (objects with a closeness and kinds), by id. */
export function storedCheckIns(progress: any): Map<string, Found> {
  const found = findAll(progress.checkins, (v) => typeof v.closeness === 'number' && typeof v.kinds === 'object');
  return new Map(found.map((f) => [f.key, f]));
}

/** The stored step plans (objects with a step and the time it was chosen), by id. */
export function storedSteps(progress: any): Map<string, Found> {
  const found = findAll(progress.checkins, (v) => typeof v.step === 'string' && typeof v.chosen_at === 'number');
  return new Map(found.map((f) => [f.key, f]));
}

/** The step chooser of a result page. */
export function stepChooser(page: Page): Locator {
  return page.getByRole('region', { name: 'One small step this week' });
}

/** Picks the step with this text (or the first one) on a result page, by clicks; returns its text. */
export async function chooseStep(page: Page, text?: string): Promise<string> {
  const chooser = stepChooser(page);
  const radio = text ? chooser.getByRole('radio', { name: text, exact: true }) : chooser.getByRole('radio').first();
  // A step beyond the three suggested sits under "Show more ideas".
  if (!(await radio.isVisible())) await openDisclosure(chooser.locator('details.more-ideas'));
  await radio.check();
  const id = await radio.getAttribute('id');
  // The label's own words, without the note under a suggestion ("Where you would like more: physical").
  const chosen = await chooser
    .locator(`label[for="${id}"]`)
    .evaluate((l) => [...l.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('option-note'))).map((n) => n.textContent).join('').trim());
  await chooser.getByRole('button', { name: 'Choose this step' }).click();
  await expect(chooser.getByRole('status')).toContainText('is your step for this week');
  await expect(chooser.getByRole('status')).toContainText(chosen);
  return chosen;
}

/** The home page's panel on one's own relationships: the way into the check-in. */
export function homePanel(page: Page): Locator {
  return page.getByRole('region').filter({ has: page.getByRole('link', { name: 'Check in on a relationship', exact: true }) });
}

/** The "This week" group of the home page. */
export function homeWeek(page: Page): Locator {
  return homePanel(page).getByRole('group', { name: 'This week' });
}

/** The gentle question a week after a step was chosen (its legend may say when it was chosen first). */
export const FOLLOW_UP = /How did it go\?$/;

export function followUp(scope: Page | Locator): Locator {
  return scope.getByRole('group', { name: FOLLOW_UP });
}

export interface FollowUpAnswer {
  id: string;
  label: string;
  reply: string;
}

/**
 * The follow-up's answers and the reply to each, as the guide's content
 * says them (content/checkin.toml), so a rewording there needs no change here.
 */
export function followUpAnswers(): FollowUpAnswer[] {
  const toml = readFileSync(join(__dirname, '..', 'content', 'checkin.toml'), 'utf8');
  return toml
    .split('[[follow_up.answers]]')
    .slice(1)
    .map((block) => {
      const field = (k: string) => {
        const m = block.match(new RegExp(`^${k} = "((?:[^"\\\\]|\\\\.)*)"`, 'm'));
        if (!m) throw new Error(`follow-up answer without ${k}: ${block}`);
        return JSON.parse(`"${m[1]}"`) as string;
      };
      return { id: field('id'), label: field('label'), reply: field('reply') };
    });
}

/** The follow-up answer with this id. */
export function followUpAnswer(id: string): FollowUpAnswer {
  const found = followUpAnswers().find((a) => a.id === id);
  if (!found) throw new Error(`no follow-up answer ${id}`);
  return found;
}

/** Words that would count, score or shame: none may appear around a step. */
export const COUNTING = /streak|in a row|missed|\bfailed\b|\d+\s*days?\b|days? (ago|left|late)|overdue|behind/i;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/**
 * Runs axe at both sizes in the light and the dark colour scheme, and fails
 * with a readable list of every violation. Leaves the page light, at 1280x800.
 */
export async function audit(page: Page, what: string): Promise<void> {
  await expect(h1(page)).toBeVisible();
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of violations) {
        found.push(
          `${colorScheme} ${size.width}x${size.height}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
            .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
            .join('\n    ')}`,
        );
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);
  expect(found, `axe violations on ${what}`).toEqual([]);
}
