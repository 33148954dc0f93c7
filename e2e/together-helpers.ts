// Helpers for e2e/together.spec.ts: share codes written and read here in
// TypeScript (Crockford base32, CRC-32, the version-1 layout of
// crates/core/src/share/code.rs), so that tests can craft codes the app never made; a
// second person's browser (its own context, watched like the first); and
// the share panel, the /compare page and the comparison as a person sees them.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, h1, open, test as base, watchedContext } from './helpers';
import { KIND_NAMES, SCALE, picture, point, type Answers } from './checkin-helpers';

// ---- the code, in TypeScript ----

/** Crockford's base32 symbols (no I, L, O, U). */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as crc32fast computes it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Bytes to base32, no padding, the last symbol's spare bits zero. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

/** Base32 (in our alphabet, capitals, no hyphens) to bytes. */
export function unbase32(code: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of code) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`${JSON.stringify(c)} is not a base32 symbol`);
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The body with its CRC-32 appended, in base32: a code whose checksum is good. */
export function withChecksum(body: Uint8Array): string {
  const crc = crc32(body);
  const all = new Uint8Array(body.length + 4);
  all.set(body);
  new DataView(all.buffer).setUint32(body.length, crc);
  return base32(all);
}

/** Five points per rating, ten ratings. */
export const ANSWERS = 5 ** 10;

/** The answers as the code's one number: (closeness − 1) × 5¹⁰ plus ten ratings in base 5. */
export function answersNumber(a: Answers): number {
  let n = a.closeness - 1;
  for (const kind of KIND_NAMES) n = n * 25 + a.kinds[kind].now * 5 + a.kinds[kind].wished;
  return n;
}

export interface Body {
  version: number;
  answers: number;
  day: number;
  name: string;
}

/** A version-1 layout body: version, answers (u32), day (u16), name length, name. */
export function body(b: Body): Uint8Array {
  const name = new TextEncoder().encode(b.name);
  const out = new Uint8Array(8 + name.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, b.version);
  view.setUint32(1, b.answers);
  view.setUint16(5, b.day);
  view.setUint8(7, name.length);
  out.set(name, 8);
  return out;
}

/** 2026-01-01, the first day a code can carry. */
export const FIRST_DAY = 20_454;

/** A code as Closer writes it (version 1), for these answers, day and first name. */
export function encode(a: Answers, day: number, name = ''): string {
  return withChecksum(body({ version: 1, answers: answersNumber(a), day, name }));
}

/** Reads a code (hyphens allowed) back into its fields; fails on a bad checksum. */
export function decodeCode(code: string): Body & { bytes: number } {
  const bytes = unbase32(code.replace(/-/g, ''));
  const view = new DataView(bytes.buffer);
  const bodyBytes = bytes.subarray(0, bytes.length - 4);
  expect(view.getUint32(bytes.length - 4), 'the CRC-32 of the code').toBe(crc32(bodyBytes));
  const length = view.getUint8(7);
  return {
    version: view.getUint8(0),
    answers: view.getUint32(1),
    day: view.getUint16(5),
    name: new TextDecoder().decode(bytes.subarray(8, 8 + length)),
    bytes: bodyBytes.length,
  };
}

/** The date of a day number, as the app writes it: `2 December 2026`. */
export function dayWords(day: number): string {
  return new Date(day * 86_400_000 + 43_200_000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

// ---- what CodeError's Display says (crates/core/src/share/code.rs) ----

/**
 * The refusal of each kind of bad code, read from CodeError's Display in
 * crates/core/src/share/code.rs, so that a rewording there needs no change here.
 */
function codeMessages() {
  const rust = readFileSync(join(__dirname, '..', 'crates', 'core', 'src', 'share', 'code.rs'), 'utf8');
  const said = (variant: string): string => {
    // The message is a string literal, or one in the interface strings' t!(…).
    const m = rust.match(new RegExp(`CodeError::${variant} => (?:(?:crate::)?t!\\(\\s*)?"((?:[^"\\\\]|\\\\.)*)"`));
    if (!m) throw new Error(`no message for CodeError::${variant} in crates/core/src/share/code.rs`);
    const text = JSON.parse(`"${m[1]}"`) as string;
    // Plain words: a whole sentence, never a Rust debug string.
    expect(text, `CodeError::${variant}`).toMatch(/^[A-Z].*\.$/);
    return text;
  };
  return {
    empty: said('Empty'),
    tooLong: said('TooLong'),
    notACode: said('NotACode'),
    incomplete: said('Incomplete'),
    damaged: said('Damaged'),
    newer: said('Newer'),
    unknownVersion: said('UnknownVersion'),
    invalid: said('Invalid'),
  };
}
export const MESSAGES = codeMessages();

// ---- a second person ----

/**
 * `test` of ./helpers (the first person's page watched for console errors and
 * the rest) with a second person, `other`: a page in a context of its own,
 * watched the same way, that fails the test on any problem of its own.
 */
export const test = base.extend<{ other: Page }>({
  other: async ({ browser }, use) => {
    const problems: string[] = [];
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await use(page);
    await context.close();
    expect(problems, "the second browser's console errors, page errors, panics or requests to other origins").toEqual([]);
  },
});

/** Counts every dialog (alert, confirm, prompt) a context opens, dismissing each. */
export function countDialogs(context: BrowserContext): { count: number } {
  const seen = { count: 0 };
  context.on('page', (p) => p.on('dialog', (d) => { seen.count++; void d.dismiss(); }));
  for (const p of context.pages()) p.on('dialog', (d) => { seen.count++; void d.dismiss(); });
  return seen;
}

/** A new watched context at a given origin (for a server of the test's own). */
export async function contextAt(browser: Browser, origin: string, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 800 } });
  context.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('panicked')) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  context.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  });
  await context.addInitScript(() => {
    addEventListener('closer-mounted', () => {
      (window as unknown as { closerStarted: boolean }).closerStarted = true;
    });
  });
  return context;
}

// ---- the share panel ----

/** The "Share to compare" section of a result page. */
export function sharePanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Share to compare' });
}

/** The button that opens and closes the panel (its words change with it; aria-expanded says which). */
export function shareToggle(page: Page): Locator {
  return sharePanel(page).locator('button[aria-expanded]');
}

export function firstNameField(page: Page): Locator {
  return page.getByLabel('Your first name (optional)');
}

export function linkField(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Link to your answers' });
}

export function shownCode(page: Page): Locator {
  return page.locator('#share-code');
}

export interface Made {
  link: string;
  /** The code as shown, in groups of four. */
  shown: string;
  /** The code without hyphens. */
  code: string;
}

/** Opens the panel on the result on screen, types a first name, makes the link; returns it and the code. */
export async function makeLink(page: Page, firstName = ''): Promise<Made> {
  const toggle = shareToggle(page);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  if (firstName) await firstNameField(page).fill(firstName);
  await page.getByRole('button', { name: 'Make the link and code' }).click();
  return readMade(page);
}

/** The status beside a button of the share panel: what that button did ("Code copied."). */
export function statusBeside(page: Page, button: string): Locator {
  return sharePanel(page)
    .getByRole('button', { name: button, exact: true })
    .locator('xpath=following-sibling::*[@role="status"][1]');
}

/** The link and the code on screen, once made. */
export async function readMade(page: Page): Promise<Made> {
  await expect(linkField(page)).toBeVisible();
  const link = await linkField(page).inputValue();
  const shown = (await shownCode(page).innerText()).trim();
  expect(shown, 'the code in groups of four').toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
  const code = shown.replace(/-/g, '');
  expect(link, 'the link carries the code after the #').toMatch(new RegExp(`/compare#${code}$`));
  return { link, shown, code };
}

// ---- /compare ----

export function codeField(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Code or link' });
}

/** The refusal beside the code field. */
export function codeError(page: Page): Locator {
  return page.locator('#code-error');
}

/** Pastes text into the code field on /compare and presses Open. */
export async function pasteAndOpen(page: Page, text: string): Promise<void> {
  await codeField(page).fill(text);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

/** The heading of the preview: `Sam shared a check-in`. */
export function received(page: Page, from: string): Locator {
  return page.getByRole('heading', { level: 2, name: `${from} shared a check-in`, exact: true });
}

/** The preview's table of their answers, per kind: the words and the figure of each cell. */
export async function receivedFigures(page: Page): Promise<Map<string, { now: string; wished: string }>> {
  const table = page.getByRole('table', { name: 'Their answers' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Kind', 'Now', 'Wished for']);
  const out = new Map<string, { now: string; wished: string }>();
  for (const row of await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
    const kind = (await row.getByRole('rowheader').innerText()).trim();
    const [now, wished] = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    out.set(kind, { now, wished });
  }
  return out;
}

/** A figure in words, as a table cell shows it: `Some (2)`. */
export function cell(n: number): string {
  return `${SCALE[n]} (${n})`;
}

/**
 * A comparison cell, `Some (2), wished for a great deal (4)`, read as its two
 * figures, checking the words of each fit its figure.
 */
export function pairCell(text: string): { now: number; wished: number } {
  const m = text.match(/^(.+?) \((\d)\)\D+?(\S.*?) \((\d)\)$/);
  if (!m) throw new Error(`cell ${JSON.stringify(text)} is not "words (n) … words (n)"`);
  const [now, wished] = [Number(m[2]), Number(m[4])];
  expect(m[1], `the words for ${now}`).toBe(SCALE[now]);
  expect(m[3].toLowerCase(), `the words for ${wished}`).toMatch(new RegExp(`${SCALE[wished].toLowerCase()}$`));
  return { now, wished };
}

/** The preview's table says exactly these answers, in words and figures, in the guide's order. */
export async function expectReceived(page: Page, a: Answers): Promise<void> {
  const got = await receivedFigures(page);
  expect([...got.keys()]).toEqual([...KIND_NAMES]);
  for (const kind of KIND_NAMES) {
    expect(got.get(kind), `${kind} in "Their answers"`).toEqual({ now: cell(a.kinds[kind].now), wished: cell(a.kinds[kind].wished) });
  }
}

/** The "Who is this about?" form. */
export function aboutGroup(page: Page): Locator {
  return page.getByRole('group', { name: 'Who is this about?' });
}

export function someoneNew(page: Page): Locator {
  return aboutGroup(page).getByRole('radio', { name: 'Someone not on my list yet' });
}

export function newNameField(page: Page): Locator {
  return page.getByLabel('Their name, as you would like to see it');
}

/** The heading of the check-in embedded in /compare. */
export function inlineHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 2, name: `First, your own check-in on ${name}`, exact: true });
}

/** Fills the embedded check-in form by clicks and saves it. */
export async function fillInline(page: Page, name: string, a: Answers): Promise<void> {
  await expect(inlineHeading(page, name)).toBeVisible();
  await picture(page, a.closeness).check();
  for (const kind of KIND_NAMES) {
    await point(page, kind, 'Now', a.kinds[kind].now).check();
    await point(page, kind, 'Wished for', a.kinds[kind].wished).check();
  }
  await page.getByRole('button', { name: 'Save and compare' }).click();
  await expect(keepPanel(page)).toBeVisible();
}

/** "Keep their answers?" beside the comparison. */
export function keepPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Keep their answers?' });
}

// ---- the comparison ----

/** The side-by-side chart. */
export function togetherChart(page: Page): Locator {
  return page.getByRole('img', { name: /^Chart of the five kinds for you and / });
}

export interface Pair {
  mine: { now: number; wished: number };
  theirs: { now: number; wished: number };
}

/** The figures in the side-by-side chart's name, per kind. */
export async function togetherChartFigures(page: Page, them: string): Promise<Map<string, Pair>> {
  const label = (await togetherChart(page).getAttribute('aria-label')) ?? '';
  expect(label).toContain(`for you and ${them}, now and wished for, on a scale of 0 to 4.`);
  const out = new Map<string, Pair>();
  const esc = them.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`([A-Z][a-z ]+): you now (\\d), wished for (\\d); ${esc} now (\\d), wished for (\\d)`, 'g');
  for (const m of label.matchAll(re)) {
    out.set(m[1], { mine: { now: +m[2], wished: +m[3] }, theirs: { now: +m[4], wished: +m[5] } });
  }
  return out;
}

/** The comparison's table, per kind: the You and Them cells as written. */
export async function togetherTable(page: Page, them: string): Promise<Map<string, [string, string]>> {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'You', exact: true }) });
  await expect(table.getByRole('columnheader')).toHaveText(['Kind', 'You', them]);
  const out = new Map<string, [string, string]>();
  for (const row of await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
    const kind = (await row.getByRole('rowheader').innerText()).trim();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    out.set(kind, [cells[0], cells[1]]);
  }
  return out;
}

export const GROUPS = {
  bothMore: 'Where you both want more',
  differ: 'Where your wishes differ',
  bothLess: 'Where you both would like less',
  bothContent: 'Where you are both content',
} as const;
export type Group = keyof typeof GROUPS;

/** One group of "What the answers say together". */
export function group(page: Page, g: Group): Locator {
  return page.getByRole('region', { name: GROUPS[g], exact: true });
}

/** The kinds listed in a group, in order (none if the group is not shown). */
export async function groupKinds(page: Page, g: Group): Promise<string[]> {
  const region = group(page, g);
  if ((await region.count()) === 0) return [];
  return (await region.getByRole('listitem').locator('strong').allInnerTexts()).map((t) => t.trim());
}

/** Which group a pair of answers belongs in, by the rule a person reads: both more, both less, both the same, or else. */
export function groupOf(p: Pair): Group {
  const sign = (f: { now: number; wished: number }) => Math.sign(f.wished - f.now);
  const [m, t] = [sign(p.mine), sign(p.theirs)];
  if (m > 0 && t > 0) return 'bothMore';
  if (m < 0 && t < 0) return 'bothLess';
  if (m === 0 && t === 0) return 'bothContent';
  return 'differ';
}

/** Checks the whole comparison on screen: chart, table, groups, for `mine` (this person) and `theirs`. */
export async function expectComparison(page: Page, them: string, mine: Answers, theirs: Answers): Promise<void> {
  await expect(togetherChart(page)).toBeVisible();
  const chart = await togetherChartFigures(page, them);
  expect([...chart.keys()], 'kinds in the chart, in order').toEqual([...KIND_NAMES]);
  const table = await togetherTable(page, them);
  expect([...table.keys()], 'kinds in the table, in order').toEqual([...KIND_NAMES]);
  const want = new Map<Group, string[]>();
  for (const kind of KIND_NAMES) {
    const pair = { mine: mine.kinds[kind], theirs: theirs.kinds[kind] };
    expect(chart.get(kind), `${kind} in the chart's name`).toEqual(pair);
    const [you, they] = table.get(kind)!;
    expect(pairCell(you), `${kind} in the table, you (${you})`).toEqual(pair.mine);
    expect(pairCell(they), `${kind} in the table, ${them} (${they})`).toEqual(pair.theirs);
    const g = groupOf(pair);
    want.set(g, [...(want.get(g) ?? []), kind]);
  }
  for (const g of Object.keys(GROUPS) as Group[]) {
    expect(await groupKinds(page, g), `the kinds under "${GROUPS[g]}"`).toEqual(want.get(g) ?? []);
    if (!want.has(g)) await expect(group(page, g)).toHaveCount(0);
  }
  await expect(page.getByText(`You: picture ${mine.closeness} of 7`)).toBeVisible();
  await expect(page.getByText(`${them}: picture ${theirs.closeness} of 7`)).toBeVisible();
}

/** A round of "Talk together". */
export function round(page: Page, title: 'Light' | 'Deeper' | 'Deepest'): Locator {
  return page.getByRole('region', { name: 'Talk together' }).getByRole('region', { name: title, exact: true });
}

/** Opens /compare on a fresh start of the app. */
export async function openCompare(page: Page): Promise<void> {
  await open(page, '/compare');
  await expect(h1(page)).toHaveText('Compare with someone');
  await expect(codeField(page)).toBeVisible();
}

// ---- the conversation questions, as content/together.toml has them ----

export interface TalkQuestion {
  text: string;
  kinds: string[];
}

function togetherToml(): string {
  return readFileSync(join(__dirname, '..', 'content', 'together.toml'), 'utf8');
}

/** A top-level string of content/together.toml (`wants_less = "…"`). */
export function togetherText(key: string): string {
  const m = togetherToml().match(new RegExp(`^${key} = "((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  if (!m) throw new Error(`no ${key} in content/together.toml`);
  return JSON.parse(`"${m[1]}"`) as string;
}

/** A list of strings of content/together.toml (`care = [ … ]`, `rules = [ … ]`). */
export function togetherList(key: string): string[] {
  const m = togetherToml().match(new RegExp(`^${key} = \\[([\\s\\S]*?)\\n\\]`, 'm'));
  if (!m) throw new Error(`no list ${key} in content/together.toml`);
  return [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => JSON.parse(`"${x[1]}"`) as string);
}

/** Each round's questions (by round title), read from the guide's own content. */
export function talkRounds(): Map<string, TalkQuestion[]> {
  const toml = togetherToml();
  const rounds = new Map<string, TalkQuestion[]>();
  for (const block of toml.split('[[talk.rounds]]').slice(1)) {
    const title = block.match(/^title = "([^"]+)"/m)![1];
    const questions = block
      .split('[[talk.rounds.questions]]')
      .slice(1)
      .map((q) => ({
        text: JSON.parse(`"${q.match(/^text = "((?:[^"\\]|\\.)*)"/m)![1]}"`) as string,
        kinds: JSON.parse(q.match(/^kinds = (\[[^\]]*\])/m)![1]) as string[],
      }));
    rounds.set(title, questions);
  }
  return rounds;
}

/** A kind's id from its name: `Shared interests` is `shared-interests`. */
export function kindId(name: string): string {
  return name.toLowerCase().replace(/ /g, '-');
}
