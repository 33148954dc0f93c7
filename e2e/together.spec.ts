// Together: one person shares a check-in as a link or a code, another opens
// it in a browser of their own, sees a preview, compares it with their own
// check-in, and keeps it or not. The fragment leaves the address bar and
// history at once; damaged, crafted and hostile codes are refused in plain
// words with nothing stored; the whole flow works by keyboard, offline after
// a first visit, and passes axe. Like every spec using ./helpers, each test
// also fails on any console error, page error, panic or request to another
// origin, in either person's browser.
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ORIGIN, expect, h1, open, ready, reload, storageEntries, tabTo } from './helpers';
import {
  KEY,
  KIND_NAMES,
  addRelationship,
  answers,
  audit,
  firstCheckIn,
  picture,
  point,
  relationshipIdOf,
  type Answers,
  type KindName,
} from './checkin-helpers';
import {
  ALPHABET,
  ANSWERS,
  FIRST_DAY,
  MESSAGES,
  aboutGroup,
  answersNumber,
  body,
  codeError,
  codeField,
  contextAt,
  countDialogs,
  dayWords,
  decodeCode,
  encode,
  expectComparison,
  expectReceived,
  groupKinds,
  fillInline,
  firstNameField,
  inlineHeading,
  keepPanel,
  kindId,
  linkField,
  makeLink,
  newNameField,
  openCompare,
  pasteAndOpen,
  readMade,
  received,
  round,
  shareToggle,
  sharePanel,
  statusBeside,
  shownCode,
  someoneNew,
  talkRounds,
  togetherList,
  togetherText,
  test,
  withChecksum,
} from './together-helpers';

/** What A (the sender) answers: more wished for in three kinds, the same in one, less in one. */
const THEIRS: Answers = answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]);
/**
 * What B answers, chosen so that every group has members: Physical both more;
 * Spiritual both content; Shared interests and Experiential differ (B content,
 * B wanting less); Emotional both less.
 */
const MINE: Answers = answers(2, [1, 4], [3, 3], [3, 3], [4, 2], [2, 1]);
/** A day the tests put in crafted codes: 2026-12-02. */
const DAY = 20_789;

/** The kept comparison's URL: /checkin/<rel>/shared/<id>. */
const KEPT_URL = /\/checkin\/([0-9a-f]+)\/shared\/([0-9a-f]+)$/;

/** Today's day number in the page's time zone, as the app counts it. */
async function today(page: Page): Promise<number> {
  return page.evaluate(() => Math.floor((Date.now() - new Date().getTimezoneOffset() * 60_000) / 86_400_000));
}

/** The raw saved progress (the one key the app writes). */
async function raw(page: Page): Promise<string> {
  return (await storageEntries(page))[KEY] ?? '';
}

/** Every URL in the tab's history (Chromium's own list, through CDP). */
async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map((e) => e.url);
}

/** Chooses "Someone not on my list yet", names them, and asks to compare. */
async function compareWithSomeoneNew(page: Page, name: string): Promise<void> {
  await someoneNew(page).check();
  await expect(newNameField(page)).toBeVisible();
  await newNameField(page).fill(name);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(inlineHeading(page, name)).toBeVisible();
}

/** The questions of a round in order, each with whether it is marked "Suggested". */
async function roundQuestions(page: Page, title: 'Light' | 'Deeper' | 'Deepest'): Promise<{ text: string; suggested: boolean }[]> {
  // A round has one list: its questions, in order.
  const items = await round(page, title).getByRole('list').getByRole('listitem').all();
  const out: { text: string; suggested: boolean }[] = [];
  for (const item of items) {
    const text = (await item.innerText()).trim();
    const suggested = text.endsWith('Suggested');
    out.push({ text: text.replace(/\s*Suggested$/, ''), suggested });
  }
  return out;
}

/**
 * "Talk together": three rounds, every question of the guide's content in
 * each, the ones on `kinds` (where both want more) first, at most three a
 * round marked "Suggested".
 */
async function expectTalk(page: Page, kinds: KindName[]): Promise<void> {
  const talk = page.getByRole('region', { name: 'Talk together' });
  await expect(talk).toBeVisible();
  // The rules, as the guide's content says them.
  await expect(talk.getByRole('heading', { name: 'How it works' })).toBeVisible();
  await expect(talk.getByRole('list').filter({ hasText: togetherList('rules')[0] }).getByRole('listitem')).toHaveText(togetherList('rules'));
  await expect(talk).toContainText('Aron et al., 1997');
  const ids = kinds.map(kindId);
  const rounds = talkRounds();
  expect([...rounds.keys()], 'the rounds, light to deepest').toEqual(['Light', 'Deeper', 'Deepest']);
  await expect(talk.getByRole('region')).toHaveCount(3);
  for (const [title, questions] of rounds) {
    const shown = await roundQuestions(page, title as 'Light');
    expect(shown.length, `questions in ${title}`).toBeGreaterThanOrEqual(12);
    expect(shown.map((q) => q.text).sort(), `every question of ${title}`).toEqual(questions.map((q) => q.text).sort());
    const onKinds = questions.filter((q) => q.kinds.some((k) => ids.includes(k))).map((q) => q.text);
    const suggested = shown.filter((q) => q.suggested).map((q) => q.text);
    expect(suggested, `"Suggested" in ${title}`).toEqual(onKinds.slice(0, 3));
    expect(suggested.length, `some suggested in ${title}`).toBeGreaterThan(0);
    // The suggested ones come first.
    expect(shown.slice(0, suggested.length).every((q) => q.suggested), `${title} starts with the suggested`).toBe(true);
  }
}

// ---- 1. Two people, by link ----

test('A shares a link; B opens it (fragment gone at once), checks in inline, compares, keeps, reloads, deletes', async ({ page, context, other }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  // A: a check-in on a relationship whose label must never travel.
  await firstCheckIn(page, 'Robin from work', THEIRS);
  const made = await makeLink(page, 'Sam');
  const day = await today(page);
  await expect(page.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(statusBeside(page, 'Copy link')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(made.link);
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(statusBeside(page, 'Copy code')).toHaveText('Code copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(made.shown);
  // The code holds the answers, the day and the first name, nothing more.
  expect(made.link).toBe(`${ORIGIN}/compare#${made.code}`);
  const inCode = decodeCode(made.code);
  expect(inCode).toEqual({ version: 1, answers: answersNumber(THEIRS), day, name: 'Sam', bytes: 8 + 3 });
  expect(made.code.length).toBeLessThanOrEqual(40);

  // B: on Closer's home page first, so that history has an entry before the link.
  await open(other, '/');
  const before = await storageEntries(other);
  const length = await other.evaluate(() => history.length);
  await other.goto(made.link);
  await expect(received(other, 'Sam')).toBeVisible();
  expect(other.url(), 'the fragment is gone from the address').toBe(`${ORIGIN}/compare`);
  expect(await other.evaluate(() => location.hash)).toBe('');
  expect(await other.evaluate(() => history.length), 'opening the link added one entry, not two').toBe(length + 1);
  const urls = await historyUrls(other);
  expect(urls.filter((u) => u.includes('#')), 'no history entry keeps the fragment').toEqual([]);
  expect(urls.some((u) => u.includes(made.code))).toBe(false);
  expect(await storageEntries(other), 'opening a link stores nothing').toEqual(before);

  // Back and forward: the entry of the link is plain /compare. The answers,
  // neither kept nor closed, are still open in this tab (sessionStorage,
  // review m8), not in the entry.
  await other.goBack();
  await expect(h1(other)).toHaveText('Closer');
  expect(other.url()).toBe(`${ORIGIN}/`);
  await other.goForward();
  await expect(received(other, 'Sam')).toBeVisible();
  expect(other.url()).toBe(`${ORIGIN}/compare`);
  expect(await other.evaluate(() => location.hash)).toBe('');

  // The link again: the preview, A's answers in words and figures.
  await other.goto(made.link);
  await ready(other);
  await expect(received(other, 'Sam')).toBeVisible();
  await expect(other.getByText(`From their check-in on ${dayWords(day)}. Nothing has been kept in this browser yet.`)).toBeVisible();
  await expect(other.getByText('They chose picture 4 of 7: overlapping by about half.')).toBeVisible();
  await expectReceived(other, THEIRS);
  await expect(other.getByText('Robin from work')).toHaveCount(0);

  // Someone new, then B's own check-in on the spot.
  await compareWithSomeoneNew(other, 'My brother');
  await fillInline(other, 'My brother', MINE);
  await expect(other.getByText(`Sam's check-in from ${dayWords(day)}, beside your latest on “My brother”.`)).toBeVisible();
  await expectComparison(other, 'Sam', MINE, THEIRS);
  // The same, spelt out for these answers.
  expect(await groupKinds(other, 'bothMore')).toEqual(['Physical']);
  expect(await groupKinds(other, 'differ')).toEqual(['Shared interests', 'Experiential']);
  expect(await groupKinds(other, 'bothLess')).toEqual(['Emotional']);
  expect(await groupKinds(other, 'bothContent')).toEqual(['Spiritual']);
  // Where one of them wants less, the page says to respect it.
  const wantsLess = togetherText('wants_less');
  const differ = other.getByRole('region', { name: 'Where your wishes differ' });
  await expect(differ.getByRole('listitem').filter({ hasText: 'Experiential' })).toContainText(wantsLess);
  await expect(differ.getByRole('listitem').filter({ hasText: 'Shared interests' })).not.toContainText(wantsLess);
  await expect(other.getByRole('region', { name: 'Where you both want more' })).toContainText(
    'Physical: you now a little, wished for a great deal; Sam now a little, wished for quite a lot.',
  );
  await expectTalk(other, ['Physical']);
  // B's check-in and relationship are stored; nothing of Sam's yet.
  const progress = await raw(other);
  expect(progress).toContain('My brother');
  expect(progress).not.toContain('Sam');

  await keepPanel(other).getByRole('button', { name: 'Keep their answers' }).click();
  await expect(other).toHaveURL(KEPT_URL);
  const [, rel, keptId] = other.url().match(KEPT_URL)!;
  await expect(h1(other)).toHaveText('You and Sam');
  await expect(other).toHaveTitle('A shared check-in · Closer');
  expect(JSON.parse(await raw(other)).checkins.received[rel][keptId].shared.name).toBe('Sam');
  await reload(other);
  await expect(h1(other)).toHaveText('You and Sam');
  await expect(other.getByText(`Sam shared a check-in from ${dayWords(day)}, about your relationship “My brother”.`)).toBeVisible();
  await expectComparison(other, 'Sam', MINE, THEIRS);

  // The relationship page lists it under "Compared together".
  await other.getByRole('link', { name: 'All check-ins: My brother' }).click();
  await expect(h1(other)).toHaveText('My brother');
  const together = other.getByRole('region', { name: 'Compared together' });
  const keptLink = together.getByRole('link', { name: `Sam's check-in from ${dayWords(day)}` });
  await expect(keptLink).toBeVisible();
  await keptLink.click();
  await expect(other).toHaveURL(KEPT_URL);
  await expect(h1(other)).toHaveText('You and Sam');

  // Delete: gone from the page, the list and storage.
  await other.getByRole('button', { name: 'Delete their answers' }).click();
  await other.getByRole('button', { name: 'Delete for good' }).click();
  await expect(h1(other)).toHaveText('Deleted');
  await expect(other.getByRole('status').filter({ hasText: 'Their answers are gone from this browser.' })).toBeVisible();
  const entries = await storageEntries(other);
  for (const [k, v] of Object.entries(entries)) expect(v, `localStorage ${k}`).not.toContain('Sam');
  const saved = JSON.parse(entries[KEY]);
  expect(Object.values(saved.checkins.received ?? {}).flatMap((r) => Object.keys(r as object))).toEqual([]);
  expect(Object.keys(saved.checkins.received_deleted)).toEqual([keptId]);
  await reload(other);
  await expect(h1(other)).toHaveText('These answers are not here');
  await open(other, `/checkin/${rel}`);
  await expect(other.getByRole('region', { name: 'Compared together' }).getByRole('link', { name: /check-in from/ })).toHaveCount(0);
  await expect(other.getByRole('region', { name: 'Compared together' }).getByRole('list')).toHaveCount(0);
});

// ---- 2. By code ----

test('B pastes the code, in lower case with spaces, from the home page: the same preview; a whole link pasted works too', async ({ page, other }) => {
  await firstCheckIn(page, 'Robin', THEIRS);
  const made = await makeLink(page, 'Sam');
  expect(made.shown).toBe((await shownCode(page).innerText()).trim());

  await open(other, '/');
  const before = await storageEntries(other);
  await other.getByRole('link', { name: 'Compare with someone' }).first().click();
  await expect(other).toHaveURL(`${ORIGIN}/compare`);
  await expect(h1(other)).toHaveText('Compare with someone');
  const typed = `  ${made.shown.toLowerCase().replace(/-/g, ' ')} `;
  expect(typed).not.toContain(made.code);
  await pasteAndOpen(other, typed);
  await expect(received(other, 'Sam')).toBeVisible();
  await expectReceived(other, THEIRS);
  await expect(other.getByText('They chose picture 4 of 7: overlapping by about half.')).toBeVisible();
  await expect(h1(other)).toBeFocused();
  expect(await storageEntries(other)).toEqual(before);

  // Crockford's look-alikes (o for 0, l for 1) and the whole link, pasted.
  await other.getByRole('button', { name: 'Close without keeping' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Their answers were closed. Nothing of theirs was kept.' })).toBeVisible();
  await pasteAndOpen(other, made.code.replace(/0/g, 'o').replace(/1/g, 'l'));
  await expect(received(other, 'Sam')).toBeVisible();
  await expectReceived(other, THEIRS);
  await other.getByRole('button', { name: 'Close without keeping' }).click();
  await pasteAndOpen(other, made.link);
  await expect(received(other, 'Sam')).toBeVisible();
  await expectReceived(other, THEIRS);
  expect(await storageEntries(other)).toEqual(before);
});

// ---- 3. Nothing stored until kept ----

test('opening a link, choosing wrongly, comparing with a check-in of one’s own and closing leave storage byte for byte as it was', async ({ page }) => {
  const { rel } = await firstCheckIn(page, 'Mum', MINE);
  const named = encode(THEIRS, DAY, 'Sam');
  const nameless = encode(THEIRS, DAY);
  await open(page, '/');
  const before = await raw(page);
  expect(before).toContain('Mum');
  const unchanged = async (when: string) => expect(await raw(page), `storage ${when}`).toBe(before);

  await page.goto(`/compare#${named}`);
  await expect(received(page, 'Sam')).toBeVisible();
  await unchanged('after opening the link');
  // Compare with nothing chosen, then with an empty new name: asked kindly, nothing stored.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose who this is about first.' })).toBeVisible();
  await expect(aboutGroup(page).getByRole('radio').first()).toBeFocused();
  await someoneNew(page).check();
  // Choosing clears the question; the sender's first name is there to start from (review m7).
  await expect(page.getByRole('alert').filter({ hasText: 'Choose who this is about first.' })).toHaveCount(0);
  await expect(newNameField(page)).toHaveValue('Sam');
  await newNameField(page).fill('');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give them a name or an initial first.' })).toBeVisible();
  await expect(newNameField(page)).toBeFocused();
  await unchanged('after two refusals');
  await page.getByRole('button', { name: 'Close without keeping' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Their answers were closed. Nothing of theirs was kept.' })).toBeVisible();
  await expect(codeField(page)).toBeVisible();
  await expect(h1(page)).toBeFocused();
  await unchanged('after closing the preview');

  // No first name: "Someone", and the comparison uses B's own label for them.
  await page.goto(`/compare#${nameless}`);
  await expect(received(page, 'Someone')).toBeVisible();
  await unchanged('after opening a second link');
  await aboutGroup(page).getByRole('radio', { name: 'Mum', exact: true }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  // B has a check-in on Mum already: straight to the comparison.
  await expect(keepPanel(page)).toBeVisible();
  await expect(inlineHeading(page, 'Mum')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Keep their answers?' })).toBeFocused();
  await expectComparison(page, 'Mum', MINE, THEIRS);
  await unchanged('while comparing');
  await keepPanel(page).getByRole('button', { name: 'Close without keeping' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Their answers were closed. Nothing of theirs was kept.' })).toBeVisible();
  await expect(codeField(page)).toBeVisible();
  await expect(h1(page)).toBeFocused();
  await unchanged('after closing the comparison');
  await reload(page);
  await unchanged('after a reload');
  await open(page, `/checkin/${rel}`);
  await expect(page.getByRole('region', { name: 'Compared together' }).getByRole('link', { name: /check-in from/ })).toHaveCount(0);
});

// ---- 4. Damaged, crafted and hostile input ----

/** The cases reordered so that no two in a row expect the same message (the third field). */
function apart<T extends [string, string, string]>(cases: T[]): T[] {
  const left = [...cases];
  const out: T[] = [];
  while (left.length > 0) {
    const last = out[out.length - 1]?.[2];
    const count = (m: string) => left.filter((c) => c[2] === m).length;
    // The most common message still left that differs from the last one.
    const pick = left.filter((c) => c[2] !== last).sort((a, b) => count(b[2]) - count(a[2]))[0];
    if (!pick) throw new Error('too many cases with one message to keep them apart');
    out.push(pick);
    left.splice(left.indexOf(pick), 1);
  }
  return out;
}

test('the TypeScript encoder writes the reference code of tests/share_code.rs', () => {
  // shared(Some("Sam"), 4, [(1, 3), (0, 0), (2, 2), (4, 1), (3, 4)], 20_789)
  const sample = answers(4, [1, 3], [0, 0], [2, 2], [4, 1], [3, 4]);
  expect(encode(sample, 20_789, 'Sam')).toBe('040YXNTZA4TG6MV1DQSW6BCG');
  expect(decodeCode('040Y-XNTZ-A4TG-6MV1-DQSW-6BCG')).toEqual({ version: 1, answers: answersNumber(sample), day: 20_789, name: 'Sam', bytes: 11 });
});

test('damaged, crafted, over-long and hostile codes and links are each refused in plain words, storing nothing', async ({ page, context }) => {
  test.setTimeout(90_000);
  const dialogs = countDialogs(context);
  await addRelationship(page, 'Mum');
  const good = encode(THEIRS, DAY, 'Sam');
  const at = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
  // A symbol other than the one at i.
  const other = (c: string) => ALPHABET[(ALPHABET.indexOf(c) + 1) % ALPHABET.length];
  const swapAt = [...good].findIndex((c, i) => i + 1 < good.length && c !== good[i + 1]);
  const swapped = good.slice(0, swapAt) + good[swapAt + 1] + good[swapAt] + good.slice(swapAt + 2);
  const base = { version: 1, answers: answersNumber(THEIRS), day: DAY, name: 'Sam' };
  const hostile = '<img src=x onerror=alert(1)>';

  // The good code opens: every damaged one below differs from it in one way only.
  await openCompare(page);
  await pasteAndOpen(page, good);
  await expect(received(page, 'Sam')).toBeVisible();
  await expectReceived(page, THEIRS);
  // Closed, so that the tab no longer keeps it open (review m8).
  await page.getByRole('button', { name: 'Close without keeping' }).click();
  await open(page, '/compare');
  await expect(codeField(page)).toBeVisible();
  const before = await raw(page);
  expect(before).toContain('Mum');

  const pasted: [string, string, string][] = [
    ['nothing at all', '', MESSAGES.empty],
    ['only spaces and hyphens', '  - -  ', MESSAGES.empty],
    ['the last character cut off', good.slice(0, -1), MESSAGES.damaged],
    ['cut to half', good.slice(0, good.length / 2), MESSAGES.incomplete],
    ['one character changed', at(good, 9, other(good[9])), MESSAGES.damaged],
    ['two neighbours swapped', swapped, MESSAGES.damaged],
    ['an extra character', good.slice(0, 5) + 'Q' + good.slice(5), MESSAGES.damaged],
    ['a U, which no code has', at(good, 3, 'U'), MESSAGES.notACode],
    ['an exclamation mark at the end', `${good}!`, MESSAGES.notACode],
    ['letters from outside the alphabet', at(at(good, 0, 'Ä'), 1, 'Ö'), MESSAGES.notACode],
    ['three codes glued together', good.repeat(3), MESSAGES.tooLong],
    ['5000 characters', 'A'.repeat(5000), MESSAGES.tooLong],
    ['a newer version (3) with a good checksum', withChecksum(body({ ...base, version: 3 })), MESSAGES.newer],
    ['version 255 with a good checksum', withChecksum(body({ ...base, version: 255 })), MESSAGES.newer],
    ['version 0 with a good checksum', withChecksum(body({ ...base, version: 0 })), MESSAGES.unknownVersion],
    ['answers past the last picture, good checksum', withChecksum(body({ ...base, answers: 7 * ANSWERS })), MESSAGES.invalid],
    ['a day before Closer existed, good checksum', withChecksum(body({ ...base, day: FIRST_DAY - 1 })), MESSAGES.invalid],
    ['a name of 3 bytes claimed as 9, good checksum', withChecksum(Uint8Array.from([...body(base)].map((b, i) => (i === 7 ? 9 : b)))), MESSAGES.invalid],
    ['the version changed without a new checksum', at(good, 0, '1'), MESSAGES.damaged],
    ['markup', hostile, MESSAGES.notACode],
    ['a script', '<script>alert(1)</script>', MESSAGES.notACode],
    ['a link with a damaged code', `${ORIGIN}/compare#${swapped}`, MESSAGES.damaged],
    ['a link with markup after the #', `${ORIGIN}/compare#${hostile}`, MESSAGES.notACode],
  ];
  // One page for all of them, in an order where no two neighbours share a
  // message: each message seen is then the answer to the input just pasted.
  for (const [what, input, message] of apart(pasted)) {
    await pasteAndOpen(page, input);
    await expect(codeError(page), `pasted: ${what}`).toHaveText(message);
    await expect(page.getByRole('alert').filter({ hasText: message }), `pasted: ${what}`).toBeVisible();
    await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField(page)).toBeFocused();
    await expect(page.getByRole('heading', { name: /shared a check-in$/ })).toHaveCount(0);
    expect(await page.locator('img[src="x"], main script, main img').count(), `no markup from: ${what}`).toBe(0);
    expect(await raw(page), `storage after: ${what}`).toBe(before);
  }

  // The same through a link's fragment: refused, and the fragment still taken out.
  const opened: [string, string, string][] = [
    ['markup', encodeURI(hostile), MESSAGES.notACode],
    ['markup, written raw', hostile, MESSAGES.notACode],
    ['a damaged code', swapped, MESSAGES.damaged],
    ['5000 characters', 'A'.repeat(5000), MESSAGES.tooLong],
    ['a newer version', withChecksum(body({ ...base, version: 3 })), MESSAGES.newer],
    ['impossible answers', withChecksum(body({ ...base, answers: 7 * ANSWERS })), MESSAGES.invalid],
    ['cut to half', good.slice(0, 12), MESSAGES.incomplete],
  ];
  for (const [what, fragment, message] of opened) {
    await page.goto(`/compare#${fragment}`);
    await ready(page);
    await expect(codeError(page), `link: ${what}`).toHaveText(message);
    expect(page.url(), `link: ${what}`).toBe(`${ORIGIN}/compare`);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.locator('img[src="x"], main script, main img').count(), `no markup from the link: ${what}`).toBe(0);
    expect(await raw(page), `storage after the link: ${what}`).toBe(before);
  }
  expect(dialogs.count, 'dialogs opened').toBe(0);
});

test('a first name with markup, shared by A, is only ever text at B', async ({ page, other }) => {
  const dialogs = countDialogs(other.context());
  const name = '<b>Jo</b>';
  await firstCheckIn(page, 'Robin', THEIRS);
  const made = await makeLink(page, name);
  expect(decodeCode(made.code).name).toBe(name);
  await other.goto(made.link);
  await ready(other);
  await expect(received(other, name)).toBeVisible();
  await compareWithSomeoneNew(other, '<i>Kim</i>');
  await fillInline(other, '<i>Kim</i>', MINE);
  await expectComparison(other, name, MINE, THEIRS);
  await keepPanel(other).getByRole('button', { name: 'Keep their answers' }).click();
  await expect(h1(other)).toHaveText(`You and ${name}`);
  await expect(other).toHaveTitle('A shared check-in · Closer');
  await other.getByRole('link', { name: 'All check-ins: <i>Kim</i>' }).click();
  await expect(other.getByRole('link', { name: new RegExp(`^<b>Jo</b>'s check-in from `) })).toBeVisible();
  expect(await other.locator('main b, main i, title b').count(), 'markup run').toBe(0);
  expect(dialogs.count).toBe(0);
});

// ---- The share panel itself ----

test('the share panel: care first, what is shared, a first name that must fit, copy and share outcomes said in words', async ({ page, context }) => {
  // The clipboard refuses and the share sheet is there: each outcome in words.
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    let next = 0;
    const outcomes = [
      () => Promise.resolve(),
      () => Promise.reject(new DOMException('cancelled', 'AbortError')),
      () => Promise.reject(new DOMException('no', 'NotAllowedError')),
    ];
    Object.defineProperty(navigator, 'share', { value: () => outcomes[next++ % 3]() });
  });
  await firstCheckIn(page, 'Robin', THEIRS);
  const panel = sharePanel(page);
  await expect(panel.getByRole('heading', { level: 2, name: 'Share to compare' })).toBeVisible();
  // Closed at first: nothing of the link or code exists yet.
  await expect(firstNameField(page)).toBeHidden();
  await expect(linkField(page)).toHaveCount(0);
  await shareToggle(page).click();
  await expect(shareToggle(page)).toHaveAttribute('aria-expanded', 'true');
  // The care note first, as the guide's content says it.
  const care = togetherList('care');
  expect(care.length).toBeGreaterThanOrEqual(3);
  for (const paragraph of care) await expect(panel.getByText(paragraph, { exact: true })).toBeVisible();
  await expect(panel).toContainText('You can say no');
  await expect(panel.getByRole('link', { name: 'What to do if you feel unsafe' })).toHaveAttribute('href', '/lessons/support/getting-support/if-unsafe');
  const list = panel.getByRole('list').filter({ has: page.getByText('The five kinds, now and wished for') });
  await expect(list.getByRole('listitem')).toHaveText([
    'The closeness picture you chose (4 of 7: overlapping by about half)',
    'The five kinds, now and wished for',
    /^The day of this check-in \(\d+ \w+ \d{4}\)$/,
    'Your first name, only if you type it below',
  ]);
  await expect(panel).toContainText('Never your notes, your steps, the name you gave this relationship');
  await expect(linkField(page)).toHaveCount(0);

  // A name too long for a code: refused beside the field, no link.
  await firstNameField(page).fill('Maximilianaaaaaaa');
  await page.getByRole('button', { name: 'Make the link and code' }).click();
  await expect(page.locator('#first-name-error')).toHaveText('Keep it to a first name of 16 letters or fewer, or leave it empty.');
  await expect(firstNameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(statusBeside(page, 'Make the link and code')).toHaveText('The link could not be made: see the message below.');
  await expect(linkField(page)).toHaveCount(0);
  // No name: a code with no name in it.
  await firstNameField(page).fill('');
  await page.getByRole('button', { name: 'Make the link and code' }).click();
  await expect(statusBeside(page, 'Make the link and code')).toHaveText('The link and the code are ready below.');
  const made = await readMade(page);
  await expect(firstNameField(page)).toHaveAttribute('aria-invalid', 'false');
  expect(decodeCode(made.code)).toMatchObject({ version: 1, name: '', bytes: 8 });
  expect(made.code).toHaveLength(20);
  await expect(page.getByRole('img', { name: 'QR code of the link' })).toBeVisible();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(statusBeside(page, 'Copy link')).toHaveText('Copying did not work in this browser: select the link and copy it yourself.');
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(statusBeside(page, 'Copy code')).toHaveText('Copying did not work in this browser: select the code and copy it yourself.');
  // Each button's words replace the last ones: one message at a time.
  await expect(statusBeside(page, 'Copy link')).toHaveText('');
  const share = page.getByRole('button', { name: 'Share…' });
  const status = statusBeside(page, 'Share…');
  await share.click();
  await expect(status).toHaveText('Shared.');
  await share.click();
  await expect(status).toHaveText('Nothing was shared.');
  await share.click();
  await expect(status).toHaveText('Sharing did not work in this browser: copy the link instead.');
  // Focus on the link field selects it, ready to copy by hand.
  await linkField(page).focus();
  expect(await linkField(page).evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, made.link.length]);
  // Closing hides it all again.
  await shareToggle(page).click();
  await expect(shareToggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(linkField(page)).toBeHidden();
});

test('a name refused, then mended: the status line stops saying the link could not be made', async ({ page }) => {
  // The status speaks of the name as it is, not as it was when the button was pressed.
  await firstCheckIn(page, 'Robin', THEIRS);
  await shareToggle(page).click();
  await firstNameField(page).fill('Maximilianaaaaaaa');
  await page.getByRole('button', { name: 'Make the link and code' }).click();
  const status = statusBeside(page, 'Make the link and code');
  await expect(status).toHaveText('The link could not be made: see the message below.');
  await firstNameField(page).fill('Max');
  await expect(linkField(page)).toBeVisible();
  await expect(status).not.toHaveText('The link could not be made: see the message below.');
});

test('without the Web Share API there is no "Share…" button', async ({ page }) => {
  await firstCheckIn(page, 'Robin', THEIRS);
  await makeLink(page, 'Sam');
  const has = await page.evaluate(() => typeof (navigator as Navigator & { share?: unknown }).share === 'function');
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(has ? 1 : 0);
});

// ---- 5. By keyboard ----

/** Presses one key. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
}

/**
 * Answers one scale by keyboard, focus on its first point (nothing checked
 * yet): Space picks 0; ArrowRight moves to a point and picks it.
 */
async function rateByKeys(page: Page, kind: KindName, which: 'Now' | 'Wished for', n: number): Promise<void> {
  await expect(point(page, kind, which, 0)).toBeFocused();
  if (n === 0) await press(page, 'Space');
  for (let i = 1; i <= n; i++) {
    await press(page, 'ArrowRight');
    await expect(point(page, kind, which, i)).toBeFocused();
  }
  await expect(point(page, kind, which, n)).toBeChecked();
}

test('the whole flow by keyboard: A makes the link; B pastes the code, picks by arrow keys, checks in, compares, keeps', async ({ page, other }) => {
  test.setTimeout(90_000);
  // A, by keyboard from the result page.
  await firstCheckIn(page, 'Robin', THEIRS);
  await tabTo(page, shareToggle(page), 80);
  await press(page, 'Enter');
  await expect(shareToggle(page)).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, firstNameField(page));
  await page.keyboard.type('Sam');
  await tabTo(page, page.getByRole('button', { name: 'Make the link and code' }), 3);
  await press(page, 'Space');
  const made = await readMade(page);
  await tab(page);
  await expect(linkField(page)).toBeFocused();

  // B has two relationships, one checked in on (set up by clicks; the flow below is keys only).
  await firstCheckIn(other, 'Mum', MINE);
  await addRelationship(other, 'Alex');
  await open(other, '/');
  await tabTo(other, other.getByRole('link', { name: 'Compare with someone' }).first(), 60);
  await press(other, 'Enter');
  await expect(h1(other)).toHaveText('Compare with someone');
  await tabTo(other, codeField(other));
  await other.keyboard.insertText(made.shown.toLowerCase());
  await tab(other);
  await expect(other.getByRole('button', { name: 'Open', exact: true })).toBeFocused();
  await press(other, 'Enter');
  await expect(received(other, 'Sam')).toBeVisible();
  await expect(h1(other)).toBeFocused();

  // The radio group: Tab onto it, arrows between the choices.
  const radios = aboutGroup(other).getByRole('radio');
  await expect(radios).toHaveCount(3);
  const [mum, alex, someone] = [radios.nth(0), radios.nth(1), radios.nth(2)];
  await expect(mum).toHaveAccessibleName('Mum');
  await expect(alex).toHaveAccessibleName('Alex');
  await tabTo(other, mum);
  await press(other, 'ArrowDown');
  await expect(alex).toBeFocused();
  await expect(alex).toBeChecked();
  await press(other, 'ArrowDown');
  await expect(someone).toBeFocused();
  await expect(someone).toBeChecked();
  await press(other, 'ArrowUp');
  await expect(alex).toBeFocused();
  await expect(alex).toBeChecked();
  await press(other, 'ArrowDown');
  await expect(someone).toBeChecked();
  await expect(newNameField(other)).toBeVisible();
  await tab(other);
  await expect(newNameField(other)).toBeFocused();
  await other.keyboard.type('My brother');
  await tab(other);
  const compare = other.getByRole('button', { name: 'Compare', exact: true });
  await expect(compare).toBeFocused();
  // Shift+Tab goes back to the name, as typed; Tab returns.
  await tab(other, true);
  await expect(newNameField(other)).toBeFocused();
  await expect(newNameField(other)).toHaveValue('My brother');
  await tab(other);
  await expect(compare).toBeFocused();
  await press(other, 'Enter');

  // The check-in on the spot, by keys.
  await expect(inlineHeading(other, 'My brother')).toBeFocused();
  await tabTo(other, picture(other, 1));
  await press(other, 'ArrowRight');
  await expect(picture(other, 2)).toBeChecked();
  for (const kind of KIND_NAMES) {
    await tab(other);
    await rateByKeys(other, kind, 'Now', MINE.kinds[kind].now);
    await tab(other);
    await rateByKeys(other, kind, 'Wished for', MINE.kinds[kind].wished);
  }
  await tab(other);
  await expect(other.getByRole('button', { name: 'Save and compare' })).toBeFocused();
  await press(other, 'Enter');
  // Saved: focus goes to the choice to keep, as when a check-in was there already.
  await expect(keepPanel(other)).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Keep their answers?' })).toBeFocused();
  await expectComparison(other, 'Sam', MINE, THEIRS);
  await tab(other);
  await expect(keepPanel(other).getByRole('button', { name: 'Keep their answers' })).toBeFocused();
  await press(other, 'Enter');
  await expect(h1(other)).toHaveText('You and Sam');
  await expect(other).toHaveURL(KEPT_URL);
  await expectComparison(other, 'Sam', MINE, THEIRS);
});

test('with no relationship yet, "Someone not on my list yet" is already chosen, with their first name to start from (review m7)', async ({ page }) => {
  await page.goto(`/compare#${encode(THEIRS, DAY, 'Sam')}`);
  await expect(received(page, 'Sam')).toBeVisible();
  await expect(someoneNew(page)).toBeChecked();
  await expect(newNameField(page)).toBeVisible();
  await expect(newNameField(page)).toHaveValue('Sam');
});

test('the name field for someone new shows only once "Someone not on my list yet" is chosen', async ({ page }) => {
  // The field is hidden (no Tab stop) until "Someone not on my list yet" is chosen.
  await addRelationship(page, 'Mum');
  await page.goto(`/compare#${encode(THEIRS, DAY, 'Sam')}`);
  await expect(received(page, 'Sam')).toBeVisible();
  await expect(newNameField(page)).toBeHidden();
  await someoneNew(page).check();
  await expect(newNameField(page)).toBeVisible();
  const mum = aboutGroup(page).getByRole('radio', { name: 'Mum', exact: true });
  await mum.check();
  await expect(newNameField(page)).toBeHidden();
  // From a chosen relationship, Tab goes on to "Compare".
  await mum.focus();
  await tab(page);
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeFocused();
});

test('deleting kept answers by keyboard: "Delete their answers" moves focus to "Keep them", and "Delete for good" is one Shift+Tab away', async ({ page }) => {
  // As on the relationship page, asking moves focus to the safe answer (review m10).
  await firstCheckIn(page, 'Mum', MINE);
  await page.goto(`/compare#${encode(THEIRS, DAY, 'Sam')}`);
  await ready(page);
  await aboutGroup(page).getByRole('radio', { name: 'Mum', exact: true }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await keepPanel(page).getByRole('button', { name: 'Keep their answers' }).click();
  await expect(h1(page)).toHaveText('You and Sam');
  const ask = page.getByRole('button', { name: 'Delete their answers' });
  await tabTo(page, ask, 200);
  await press(page, 'Enter');
  await expect(page.getByRole('button', { name: 'Keep them' })).toBeFocused();
  await press(page, 'Shift+Tab');
  await expect(page.getByRole('button', { name: 'Delete for good' })).toBeFocused();
  await press(page, 'Enter');
  await expect(h1(page)).toHaveText('Deleted');
});

/** Presses Tab (or Shift+Tab) once. */
async function tab(page: Page, shift = false): Promise<void> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
}

// ---- 6. Offline ----

const ROOT = join(__dirname, '..');
/** The build to serve: dist/ (as playwright.config.ts does), or CLOSER_E2E_DIST for a run of one's own. */
const DIST = process.env.CLOSER_E2E_DIST ?? join(ROOT, 'dist');
/** A port of this spec's own, clear of offline.spec.ts's (+8 to +13). */
const OFFLINE_PORT = Number(process.env.CLOSER_E2E_PORT ?? 4173) + 20;

async function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn('node', [join(ROOT, 'e2e/serve.mjs'), dir, String(port)], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', () => resolve());
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

test('offline after a first visit: a share link opens, the check-in on the spot, the comparison and keeping all work', async ({ browser }) => {
  test.setTimeout(90_000);
  const origin = `http://127.0.0.1:${OFFLINE_PORT}`;
  const problems: string[] = [];
  const server = await serve(DIST, OFFLINE_PORT);
  const sender = await contextAt(browser, origin, problems);
  const receiver = await contextAt(browser, origin, problems);
  let stopped = false;
  try {
    const a = await sender.newPage();
    await firstCheckIn(a, 'Robin', THEIRS);
    const made = await makeLink(a, 'Sam');
    expect(made.link).toBe(`${origin}/compare#${made.code}`);

    // B's first visit: the home page, until the service worker controls it.
    const b = await receiver.newPage();
    await open(b, '/');
    await b.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => b.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // No server, and no network either.
    await stop(server);
    stopped = true;
    await receiver.setOffline(true);

    await b.goto(made.link);
    await ready(b);
    await expect(received(b, 'Sam')).toBeVisible();
    expect(b.url()).toBe(`${origin}/compare`);
    await expectReceived(b, THEIRS);
    await compareWithSomeoneNew(b, 'My brother');
    await fillInline(b, 'My brother', MINE);
    await expectComparison(b, 'Sam', MINE, THEIRS);
    await expectTalk(b, ['Physical']);
    await keepPanel(b).getByRole('button', { name: 'Keep their answers' }).click();
    await expect(h1(b)).toHaveText('You and Sam');
    await reload(b);
    await expect(h1(b)).toHaveText('You and Sam');
    await expectComparison(b, 'Sam', MINE, THEIRS);
    await receiver.setOffline(false);
  } finally {
    if (!stopped) await stop(server);
    await sender.close();
    await receiver.close();
  }
  expect(problems, 'console errors, page errors, panics or requests to other origins').toEqual([]);
});

// ---- 7. axe ----

test('axe: the share panel with a link made; /compare empty and with an error; the preview; the comparison; the kept page', async ({ page }) => {
  // Each audit is four axe runs (two sizes, two colour schemes).
  test.setTimeout(120_000);
  const { rel } = await firstCheckIn(page, 'Kim', THEIRS);
  const made = await makeLink(page, 'Sam');
  await audit(page, 'the share panel with a link made');

  await openCompare(page);
  await audit(page, '/compare (empty)');
  await pasteAndOpen(page, made.code.slice(0, -1));
  await expect(codeError(page)).toHaveText(MESSAGES.damaged);
  await audit(page, '/compare (a damaged code refused)');

  await pasteAndOpen(page, made.code);
  await expect(received(page, 'Sam')).toBeVisible();
  await audit(page, 'the preview');
  await aboutGroup(page).getByRole('radio', { name: 'Kim', exact: true }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(keepPanel(page)).toBeVisible();
  await audit(page, 'the comparison');
  await keepPanel(page).getByRole('button', { name: 'Keep their answers' }).click();
  await expect(h1(page)).toHaveText('You and Sam');
  expect(relationshipIdOf(page)).toBe(rel);
  await audit(page, 'the kept page');
});
