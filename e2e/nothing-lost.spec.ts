// Nothing lost, whatever the tabs, the files and the other apps do (issue 25):
// undo of an import, an import with other tabs open, two tabs on one note, an
// erase while another tab shows a note, and a clear by another app on the same
// site. Pages of one browser context are tabs of one browser; storage is
// compared before and after, byte for byte.
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { addRelationship, picture } from './checkin-helpers';
import { expect, h1, open, seedStorage, storageEntries, test } from './helpers';

const KEY = 'closer.progress';
const KEPT = 'closer.progress.before-import';
const NOTE_CARD = '/lessons/kinds/physical/note';
const NOTE = 'kinds/physical#note';
const BACK = 'Your progress from before the import is back.';

const emptyCheckins = { relationships: {}, deleted: {}, check_ins: {}, steps: {}, received: {}, received_deleted: {} };

/** Progress as this build stores it, with one finished lesson and one note. */
function progress(lesson: string, card: string, note: string, at: number): string {
  return JSON.stringify({
    schema: 5,
    lessons: { [lesson]: { card, completed: true, updated: at } },
    last_lesson: lesson,
    last_opened_at: at,
    responses: { [NOTE]: { kind: 'reflected', text: note, at } },
    quiz: { records: {}, attempts: [], best: {} },
    checkins: emptyCheckins,
  });
}

// P0: what is here. F: the file, whose note on the same card is older than P0's.
const P0 = progress('kinds/physical', 'what-it-is', 'OLD NOTE', 2000);
const F = progress('practices/trust', 'trust-and-fear', 'FILE NOTE', 1000);

function stored(text: string | undefined) {
  expect(text, 'progress stored').toBeDefined();
  return JSON.parse(text!);
}

/** The note stored on the reflection card, if any (for polling: never throws). */
async function storedNote(page: Page): Promise<string | undefined> {
  const text = (await storageEntries(page))[KEY];
  return text === undefined ? undefined : JSON.parse(text).responses?.[NOTE]?.text;
}

async function importFile(page: Page, file: string) {
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await expect(page.getByRole('table', { name: 'What the import would change' })).toBeVisible();
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible();
}

function noteBox(page: Page) {
  return page.getByRole('textbox');
}

test('undo after importing over a newer build’s progress puts that text back byte for byte', async ({ page }, info) => {
  const newer = '{"schema":7,"lessons":{},"future_field":"NOTE WRITTEN BY THE NEWER BUILD"}';
  await seedStorage(page, { [KEY]: newer });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  expect((await storageEntries(page))[KEPT]).toBe(newer);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(BACK)).toBeVisible();
  const after = await storageEntries(page);
  expect(after[KEY]).toBe(newer);
  expect(after[KEPT]).toBeUndefined();
  // And this build still leaves it alone.
  await expect(page.getByRole('status').getByText(/A newer version of Closer saved your progress/)).toBeVisible();
});

test('undo after importing over unreadable data puts that text back and keeps its copy', async ({ page }, info) => {
  const garbage = '{"schema":3,"lessons":[ not what we wrote';
  await seedStorage(page, { [KEY]: garbage });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(BACK)).toBeVisible();
  const after = await storageEntries(page);
  expect(after[KEY]).toBe(garbage);
  const copies = Object.keys(after).filter((k) => k.startsWith('closer.progress.unreadable.'));
  expect(copies).toHaveLength(1);
  expect(after[copies[0]]).toBe(garbage);
});

test('a tab opened after an import saves: the first tab no longer offers undo, and nothing is lost', async ({ page, context }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toBeVisible();
  // Tab B opens after the import and finishes a lesson, then closes.
  const b = await context.newPage();
  await open(b, '/lessons/kinds/spiritual');
  await expect.poll(async () => stored((await storageEntries(b))[KEY]).lessons['kinds/spiritual']).toBeDefined();
  await b.close();
  const before = await storageEntries(page);
  // A sees that undoing would lose B's save: the button goes; the copy stays, to download.
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Download.*before the last import \(changes were saved since/ })).toBeVisible();
  expect(await storageEntries(page)).toEqual(before);
  expect(before[KEPT]).toBe(P0);
  expect(stored(before[KEY]).lessons['practices/trust'].completed).toBe(true);
});

test('a tab open since before the import changes a note: undo is no longer offered, the copy stays to download', async ({ page, context }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  // Another tab saves between the button being shown and pressed: storage changed under it.
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  await expect(noteBox(b)).toHaveValue('FILE NOTE');
  await noteBox(b).fill('FILE NOTE and what B added');
  await expect.poll(() => storedNote(b)).toBe('FILE NOTE and what B added');
  const before = await storageEntries(page);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);
  expect(await storageEntries(page)).toEqual(before);
  await expect(page.getByRole('button', { name: /^Download.*before the last import/ })).toBeVisible();
});

test('an import with another tab open is a replace there too', async ({ page, context }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  await expect(noteBox(b)).toHaveValue('OLD NOTE');
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  const written = (await storageEntries(page))[KEY];
  // B shows the file's note, as a person would see it, and merged nothing of the old progress back.
  await expect(noteBox(b)).toHaveValue('FILE NOTE');
  await b.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(b.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
  const after = stored((await storageEntries(page))[KEY]);
  expect(after.lessons['kinds/physical']).toBeUndefined();
  expect(after.responses[NOTE].text).toBe('FILE NOTE');
  expect((await storageEntries(page))[KEY]).toBe(written);
});

test('undo with another tab open puts back what was there, in both tabs', async ({ page, context }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await importFile(page, file);
  // What was there, B's visit to the card included, is kept as it was.
  const kept = (await storageEntries(page))[KEPT];
  expect(stored(kept).responses[NOTE].text).toBe('OLD NOTE');
  await expect(noteBox(b)).toHaveValue('FILE NOTE');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(BACK)).toBeVisible();
  await expect(noteBox(b)).toHaveValue('OLD NOTE');
  await b.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(b.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
  expect((await storageEntries(page))[KEY]).toBe(kept);
});

test('two tabs on one note: a note saved in one shows in the other, and typing there keeps it', async ({ page, context }) => {
  await open(page, NOTE_CARD);
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  const paragraph = 'A LONG PARAGRAPH typed in the first tab, about feeling close.';
  await noteBox(page).fill(paragraph);
  await expect.poll(() => storedNote(page)).toBe(paragraph);
  await expect(noteBox(b)).toHaveValue(paragraph);
  await noteBox(b).press('Control+End');
  await noteBox(b).pressSequentially(' B');
  await expect.poll(() => storedNote(b)).toBe(`${paragraph} B`);
  await expect(noteBox(page)).toHaveValue(`${paragraph} B`);
});

test('two tabs writing the same note at once keep both texts', async ({ page, context }) => {
  await open(page, NOTE_CARD);
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  await noteBox(page).fill('alpha, from the first tab');
  await noteBox(b).fill('beta, from the second tab');
  const both = /alpha, from the first tab[\s\S]*beta, from the second tab|beta, from the second tab[\s\S]*alpha, from the first tab/;
  await expect(noteBox(page)).toHaveValue(both);
  await expect(noteBox(b)).toHaveValue(both);
  await expect.poll(() => storedNote(page)).toMatch(both);
});

test('an erase in one tab empties the note box of another, and typing there does not bring it back', async ({ page, context }) => {
  await seedStorage(page, { [KEY]: P0 });
  const b = await context.newPage();
  await open(b, NOTE_CARD);
  await expect(noteBox(b)).toHaveValue('OLD NOTE');
  await open(page, '/data');
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.getByText('Everything Closer kept in this browser has been erased.')).toBeVisible();
  await expect(noteBox(b)).toHaveValue('');
  await noteBox(b).pressSequentially(' more');
  await expect.poll(() => storedNote(b)).toBe(' more');
  expect(JSON.stringify(await storageEntries(b))).not.toContain('OLD NOTE');
});

test('another app clearing the site’s storage is not an erase: the open tab keeps a copy and offers it back', async ({ page, context }) => {
  await seedStorage(page, { [KEY]: P0, 'other-app.setting': 'theirs' });
  await open(page, '/');
  await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
  // Another app on the same origin (a GitHub Pages user site) clears everything.
  const other = await context.newPage();
  await seedStorage(other, {});
  await other.evaluate(() => localStorage.clear());
  await expect(page.getByText(/Something else on this website cleared this browser's storage/)).toBeVisible();
  expect(await storageEntries(page)).toEqual({});
  await page.getByRole('button', { name: 'Put my progress back' }).click();
  await expect(page.getByText(/Something else on this website cleared/)).toHaveCount(0);
  const back = stored((await storageEntries(page))[KEY]);
  expect(back.lessons['kinds/physical'].completed).toBe(true);
  expect(back.responses[NOTE].text).toBe('OLD NOTE');
});

test('an import that cannot be saved says "Nothing was changed." once and keeps no copy', async ({ page }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === 'closer.progress' && v.includes('FILE NOTE')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  const refusal = page.getByRole('status').filter({ hasText: /Not imported\./ });
  await expect(refusal).toBeVisible();
  expect((await refusal.textContent())!.split('Nothing was changed.').length - 1).toBe(1);
  expect(await storageEntries(page)).toEqual({ [KEY]: P0 });
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);
});

test('a check-in form half filled in one tab says so when another tab deletes its relationship', async ({ page, context }) => {
  const name = 'Ana from work';
  const rel = await addRelationship(page, name);
  await picture(page, 3).check();
  const other = await context.newPage();
  await open(other, `/checkin/${rel}`);
  await other.getByRole('button', { name: 'Delete…' }).click();
  await other.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(other).toHaveURL(/\/checkin$/);
  await expect(h1(page)).toHaveText('This relationship was deleted');
  await expect(page.getByRole('status').getByText(/deleted in another tab while this check-in was being filled in/)).toBeVisible();
});

test('a file can be added to what is here instead of replacing it, and the preview says what that gives', async ({ page }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const file = info.outputPath('f.json');
  writeFileSync(file, F);
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  const preview = page.getByRole('table', { name: 'What the import would change' });
  const row = (what: RegExp) => preview.getByRole('row', { name: what }).getByRole('cell');
  // Now, if replaced by the file, if the file is added.
  await expect(row(/^Lessons finished/)).toHaveText([/^1 of/, /^1 of/, /^2 of/]);
  await expect(row(/^Private notes/)).toHaveText(['1', '1', '1']);
  expect(await storageEntries(page)).toEqual({ [KEY]: P0 });
  await page.getByRole('button', { name: 'Add the file to my progress' }).click();
  await expect(page.getByText('Your progress now holds what the file holds as well.')).toBeVisible();
  const after = stored((await storageEntries(page))[KEY]);
  expect(after.lessons['kinds/physical'].completed).toBe(true);
  expect(after.lessons['practices/trust'].completed).toBe(true);
  // The newer note of the two stays.
  expect(after.responses[NOTE].text).toBe('OLD NOTE');
  expect((await storageEntries(page))[KEPT]).toBeUndefined();
});

test('a relationship deleted in another tab after an import stays deleted: undo is not offered', async ({ page, context }, info) => {
  await seedStorage(page, { [KEY]: P0 });
  const withRelationship = JSON.stringify({
    ...JSON.parse(F),
    checkins: { ...emptyCheckins, relationships: { aaaa000000000001: { name: 'FROM-FILE', named_at: 1, added: 1 } } },
  });
  const file = info.outputPath('f.json');
  writeFileSync(file, withRelationship);
  await importFile(page, file);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toBeVisible();
  // Tab B deletes the file's relationship.
  const b = await context.newPage();
  await open(b, '/checkin/aaaa000000000001');
  await expect(h1(b)).toHaveText('FROM-FILE');
  await b.getByRole('button', { name: 'Delete…' }).click();
  await b.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(b).toHaveURL(/\/checkin$/);
  await b.close();
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);
  const after = await storageEntries(page);
  const progress = stored(after[KEY]);
  expect(progress.checkins.relationships.aaaa000000000001).toBeUndefined();
  expect(progress.checkins.deleted.aaaa000000000001).toBeDefined();
  expect(after[KEPT]).toBe(P0);
});
