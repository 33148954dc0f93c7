// Progress that is never lost: twenty-odd kinds of bad stored data, two pages
// making progress at once, export then erase then import, and imports that
// must be refused. Every test also fails on any console error, page error,
// panic or request to another origin (the `test` of ./helpers).
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { cardHeading, expect, h1, open, reload, seedStorage, storageEntries, test, walkLesson } from './helpers';

const KEY = 'closer.progress';
const BACKUP = /^closer\.progress\.unreadable\.\d+$/;
const RECOVERED = "Your saved progress couldn't be read, so Closer started fresh.";
const NEWER = 'A newer version of Closer saved your progress.';

/** Stored text that is not progress this build can read, by kind of damage. */
const UNREADABLE: Record<string, string> = {
  'broken JSON': '{not json',
  'empty text': '',
  'JSON null': 'null',
  'a JSON array': '[]',
  'a bare number': '42',
  'a bare string': '"closer"',
  'a bare boolean': 'true',
  'an object without a schema': '{}',
  'the schema as a string': '{"schema":"3"}',
  'a negative schema': '{"schema":-1}',
  'schema zero': '{"schema":0}',
  'a fractional schema': '{"schema":1.5}',
  'lessons as a list': '{"schema":3,"lessons":[]}',
  'a card id of the wrong type': '{"schema":3,"lessons":{"kinds/physical":{"card":7,"updated":1}}}',
  'completed as a string': '{"schema":3,"lessons":{"kinds/physical":{"card":"a","completed":"yes","updated":1}}}',
  'an unknown response kind': '{"schema":3,"responses":{"kinds/physical#note":{"kind":"hacked","at":1}}}',
  'a negative Leitner box': '{"schema":3,"quiz":{"records":{"q":{"box":-1,"due":0,"answered":1,"correct":1,"last_correct":true,"last_at":0}}}}',
  'a schema 2 value with lessons as text': '{"schema":2,"lessons":"none"}',
  'a schema 1 value with a numeric last lesson': '{"schema":1,"last_lesson":5}',
  'cut off halfway': '{"schema":3,"lessons":{"kinds/physical":{"card":"what-it',
  'markup instead of data': '<script>alert("x")</script><img src=x onerror=alert(1)>',
  'a byte-order mark before valid JSON': '\uFEFF{"schema":3}',
  'control characters': '\u0000\u0001\u0002{"schema":3}',
  'trailing garbage': '{"schema":3} and more',
};

/** Saved by a newer build: read for display, never written over. */
const NEWER_DATA: Record<string, string> = {
  'schema 7': '{"schema":7}',
  'schema 99 with a finished lesson': '{"schema":99,"lessons":{"kinds/physical":{"card":"what-it-is","completed":true,"updated":1}},"future":{"x":1}}',
  'a schema beyond 32 bits': '{"schema":4294967296}',
};

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

async function lessonsDone(page: Page, n: number) {
  await expect(page.getByText(new RegExp(`^${n} of \\d+ lessons done$`))).toBeVisible();
}

/** Opens a lesson by its path and finishes it by clicks. */
async function finish(page: Page, path: string) {
  await open(page, path);
  await expect(cardHeading(page)).toBeVisible();
  await walkLesson(page);
}

for (const [name, raw] of Object.entries(UNREADABLE)) {
  test(`unreadable stored data (${name}): the app starts, says so, and keeps the bytes`, async ({ page }) => {
    await seedStorage(page, { [KEY]: raw });
    await open(page, '/');
    await expect(notice(page, RECOVERED)).toBeVisible();
    await lessonsDone(page, 0);
    // The original bytes sit, exactly, under one backup key.
    let entries = await storageEntries(page);
    const kept = Object.keys(entries).filter((k) => BACKUP.test(k));
    expect(kept).toHaveLength(1);
    expect(entries[kept[0]]).toBe(raw);
    // The app works and saves; the copy stays as it was.
    await finish(page, '/lessons/kinds/spiritual');
    entries = await storageEntries(page);
    expect(Object.keys(entries).filter((k) => BACKUP.test(k))).toEqual(kept);
    expect(entries[kept[0]]).toBe(raw);
    expect(JSON.parse(entries[KEY]).lessons['kinds/spiritual'].completed).toBe(true);
  });
}

for (const [name, raw] of Object.entries(NEWER_DATA)) {
  test(`data from a newer version (${name}): shown, never written over`, async ({ page }) => {
    await seedStorage(page, { [KEY]: raw });
    await open(page, '/');
    await expect(notice(page, NEWER)).toBeVisible();
    if (raw.includes('completed":true')) await lessonsDone(page, 1);
    await finish(page, '/lessons/kinds/emotional');
    expect(await storageEntries(page)).toEqual({ [KEY]: raw });
  });
}

test('text from storage is shown as text, never run as markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const progress = {
    schema: 3,
    lessons: { 'kinds/physical': { card: 'note', completed: false, updated: 1 } },
    last_lesson: 'kinds/physical',
    last_opened_at: 1,
    responses: { 'kinds/physical#note': { kind: 'reflected', text: hostile, at: 1 } },
    quiz: {},
  };
  await seedStorage(page, { [KEY]: JSON.stringify(progress) });
  await open(page, '/lessons/kinds/physical/note');
  await expect(page.getByRole('textbox')).toHaveValue(hostile);
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('two pages making progress at once keep both completions', async ({ page, context }) => {
  await open(page, '/');
  const other = await context.newPage();
  await open(other, '/');
  // Both pages are open before either saves; each finishes a different lesson.
  await finish(page, '/lessons/kinds/physical');
  await finish(other, '/lessons/kinds/spiritual');
  await finish(page, '/lessons/kinds/emotional');
  // Each page learns of the other's progress live, through the storage event.
  await page.getByRole('link', { name: 'Back to all lessons' }).click();
  await lessonsDone(page, 3);
  await other.getByRole('link', { name: 'Back to all lessons' }).click();
  await lessonsDone(other, 3);
  const stored = JSON.parse((await storageEntries(page))[KEY]);
  for (const id of ['kinds/physical', 'kinds/spiritual', 'kinds/emotional']) {
    expect(stored.lessons[id].completed, id).toBe(true);
  }
  await reload(other);
  await lessonsDone(other, 3);
});

test('export, erase, then import restores exactly, with a preview first', async ({ page }, info) => {
  await finish(page, '/lessons/basics/what-is-intimacy');
  await open(page, '/lessons/kinds/physical/note');
  await page.getByRole('textbox').fill('Hugs with my brother');
  // A note is saved once typing pauses: wait until it is stored.
  await expect
    .poll(async () => JSON.parse((await storageEntries(page))[KEY]).responses['kinds/physical#note']?.text)
    .toBe('Hugs with my brother');
  const before = (await storageEntries(page))[KEY];

  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(h1(page)).toHaveText('Your data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^closer-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8')).toBe(before);

  await page.getByRole('button', { name: 'Erase everything…' }).click();
  // The safe answer has focus: Enter twice must not erase (review m10).
  await expect(page.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.getByText('Everything Closer kept in this browser has been erased.')).toBeVisible();
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);

  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  const preview = page.getByRole('table', { name: 'What the import would change' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('row', { name: /Lessons finished/ })).toContainText('1 of');
  await expect(preview.getByRole('row', { name: /Private notes/ })).toContainText('1');
  // Nothing changes before the person confirms.
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible();
  expect((await storageEntries(page))[KEY]).toBe(before);

  await reload(page);
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  await lessonsDone(page, 1);
  await open(page, '/lessons/kinds/physical/note');
  await expect(page.getByRole('textbox')).toHaveValue('Hugs with my brother');
});

test('an import replaces only after confirming, and can be undone', async ({ page }, info) => {
  await finish(page, '/lessons/kinds/physical');
  const mine = (await storageEntries(page))[KEY];
  const theirs = JSON.stringify({ schema: 3, lessons: { 'practices/trust': { card: 'trust-and-fear', completed: true, updated: 5 } } });
  const file = info.outputPath('other.json');
  writeFileSync(file, theirs);
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Import cancelled. Nothing was changed.')).toBeVisible();
  expect((await storageEntries(page))[KEY]).toBe(mine);

  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible();
  expect((await storageEntries(page))['closer.progress.before-import']).toBe(mine);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('Your progress from before the import is back.')).toBeVisible();
  const entries = await storageEntries(page);
  expect(JSON.parse(entries[KEY]).lessons['kinds/physical'].completed).toBe(true);
  expect(entries['closer.progress.before-import']).toBeUndefined();
});

const REFUSED: Record<string, { body: string | Buffer; says: RegExp }> = {
  'a file over 1 MiB': { body: Buffer.alloc(1024 * 1024 + 10, 'x'), says: /limit is 1 MiB/ },
  'a picture renamed .json': { body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), says: /can't be read as Closer progress/ },
  'JSON that is not progress': { body: '{"name":"something else"}', says: /no schema version/ },
  'wrong types inside': { body: '{"schema":3,"lessons":{"kinds/physical":{"card":["<b>x</b>"],"updated":"soon"}}}', says: /can't be read as Closer progress/ },
  'a newer version': { body: '{"schema":12}', says: /newer version of Closer/ },
  'only unknown lessons': { body: '{"schema":3,"lessons":{"evil/<script>":{"card":"x","updated":1}}}', says: /no progress on any lesson or question of this guide/ },
};

for (const [name, { body, says }] of Object.entries(REFUSED)) {
  test(`an import of ${name} is refused with a clear message and nothing changes`, async ({ page }) => {
    await finish(page, '/lessons/kinds/physical');
    const before = await storageEntries(page);
    await open(page, '/data');
    await page.getByLabel('Choose a Closer progress file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByText(says)).toBeVisible();
    await expect(page.getByText(/Not imported\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Replace my progress with this file' })).toHaveCount(0);
    expect(await storageEntries(page)).toEqual(before);
  });
}

test('after an import, its message says how to undo it right there; undone, the message goes and focus is on what happened (review m9, m11)', async ({ page }, info) => {
  await finish(page, '/lessons/kinds/physical');
  const file = info.outputPath('other.json');
  writeFileSync(file, JSON.stringify({ schema: 3, lessons: { 'practices/trust': { card: 'trust-and-fear', completed: true, updated: 5 } } }));
  await open(page, '/data');
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  const imported = page.getByText('Your progress now comes from the file.');
  await expect(imported).toBeFocused();
  await page.getByRole('button', { name: 'Undo this import' }).click();
  const back = page.getByText('Your progress from before the import is back.');
  await expect(back).toBeVisible();
  await expect(back).toBeFocused();
  await expect(imported).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  const erased = page.getByText('Everything Closer kept in this browser has been erased.');
  await expect(erased).toBeFocused();
});
