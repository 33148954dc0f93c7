// Storage that fails: blocked, full, unreadable, or written by a newer build.
// In every case the app starts and works, a notice says what happens to the
// person's progress, and nothing panics (the `test` of ./helpers fails on any
// console error, page error or "panicked" message).
import type { Page } from '@playwright/test';
import { cardHeading, expect, h1, nextCard, open, reload, seedStorage, storageEntries, test, walkLesson } from './helpers';

const KEY = 'closer.progress';
const BACKUP = /^closer\.progress\.unreadable\.\d+$/;

const BLOCKED = "This browser isn't letting Closer save anything (private browsing can do that). Everything works, but your progress will be forgotten when you close this page.";
const FULL = "This browser's storage is full, so your progress can't be saved right now. Everything works, but it will be forgotten when you close this page. We'll keep trying.";
const RECOVERED = "Your saved progress couldn't be read, so Closer started fresh. The original data was kept, untouched, in this browser.";
const NEWER = "A newer version of Closer saved your progress. This older copy won't change it: reload the page to get the newer version.";

/** Parses saved progress: this build's envelope, `{"schema": <this build's>, "lessons": {...}, ...}`. */
function progressIn(text: string | undefined): { schema: number; lessons: Record<string, { completed: boolean }> } {
  expect(text, 'progress saved').toBeDefined();
  const value = JSON.parse(text!);
  expect(Number.isInteger(value.schema) && value.schema >= 1 && value.schema < 99, `schema ${value.schema}`).toBe(true);
  expect(typeof value.lessons).toBe('object');
  return value;
}

/** The storage notice (in the banner's live region). */
function notice(page: Page, text: string) {
  return page.getByRole('status').getByText(text, { exact: true });
}

/** Opens the first lesson from the home page and finishes it by clicks; then back home. */
async function finishFirstLesson(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^(Start the guide|Continue: )/ }).click();
  await expect(cardHeading(page)).toBeVisible();
  await walkLesson(page);
  await page.getByRole('link', { name: 'Back to all lessons' }).click();
  await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
}

/** Starts the quiz and checks one answer: the quiz works too. */
async function answerOneQuestion(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('button', { name: /^Everything/ }).click();
  await page.getByRole('article').getByRole('group').locator('input').first().check();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('article').getByRole('status')).toContainText(/Correct\.|Not quite\./);
  await page.getByRole('button', { name: /^(Next question|See results)$/ }).click();
  await expect(page.getByText(/^Question 2 of \d+$/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
}

test('blocked storage: the app works in memory and says progress will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    // What some private modes do: merely reading window.localStorage throws.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await open(page, '/');
  await expect(notice(page, BLOCKED)).toBeVisible();
  await finishFirstLesson(page);
  await answerOneQuestion(page);
  await expect(page.getByRole('link', { name: 'Resume the quiz' })).toBeVisible();
  await expect(notice(page, BLOCKED)).toBeVisible();

  // Dismissed, the notice stays away for the rest of the visit, however much is saved.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page, BLOCKED)).toHaveCount(0);
  await page.getByRole('link', { name: /^Continue: / }).click();
  await nextCard(page).click();
  await expect(cardHeading(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);

  // Nothing was kept: a new visit starts from nothing, with the notice again.
  await open(page, '/');
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();
  await expect(notice(page, BLOCKED)).toBeVisible();
});

test('full storage: the app works in memory, says storage is full, and recovers once a save works', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { realSetItem: typeof Storage.prototype.setItem };
    w.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, '/');
  // Nothing is saved before the first change, so nothing to say yet.
  await expect(notice(page, FULL)).toHaveCount(0);
  await finishFirstLesson(page);
  await expect(notice(page, FULL)).toBeVisible();
  await answerOneQuestion(page);
  await expect(notice(page, FULL)).toBeVisible();
  expect(await storageEntries(page)).toEqual({});

  // Space frees up: the next change is saved, whole, and the notice goes.
  await page.evaluate(() => {
    Storage.prototype.setItem = (window as unknown as { realSetItem: typeof Storage.prototype.setItem }).realSetItem;
  });
  await page.getByRole('link', { name: /^Continue: / }).click();
  await expect(notice(page, FULL)).toHaveCount(0);
  const saved = progressIn((await storageEntries(page))[KEY]);
  expect(Object.values(saved.lessons as Record<string, { completed: boolean }>).filter((l) => l.completed)).toHaveLength(1);
});

test('unreadable saved data: the app starts fresh and keeps the original bytes aside', async ({ page }) => {
  const raw = '{not json';
  await seedStorage(page, { [KEY]: raw });
  await open(page, '/');
  await expect(notice(page, RECOVERED)).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();

  // At start-up, before anything is saved: the original is still under the
  // key, and copied byte for byte to one backup key.
  let entries = await storageEntries(page);
  const first = Object.keys(entries).filter((k) => BACKUP.test(k));
  expect(first).toHaveLength(1);
  expect(entries[first[0]]).toBe(raw);
  expect(entries[KEY]).toBe(raw);

  // Progress made now is saved over the key; the one copy stays, and the
  // first save does not copy the same text aside a second time.
  await finishFirstLesson(page);
  await expect(notice(page, RECOVERED)).toBeVisible();
  entries = await storageEntries(page);
  const after = Object.keys(entries).filter((k) => BACKUP.test(k));
  expect(after).toEqual(first);
  expect(entries[first[0]]).toBe(raw);
  expect(progressIn(entries[KEY]).lessons).not.toEqual({});

  // The next visit reads the new progress: no notice, no further copy.
  await reload(page);
  await expect(page.getByText(/^1 of \d+ lessons done$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  entries = await storageEntries(page);
  expect(Object.keys(entries).filter((k) => BACKUP.test(k))).toEqual(first);
  expect(entries[first[0]]).toBe(raw);
});

test('data from a newer version: the app works, says so, and never writes over it', async ({ page }) => {
  const raw = '{"schema":99}';
  await seedStorage(page, { [KEY]: raw });
  await open(page, '/');
  await expect(notice(page, NEWER)).toBeVisible();
  await finishFirstLesson(page);
  await answerOneQuestion(page);
  await expect(notice(page, NEWER)).toBeVisible();
  expect(await storageEntries(page)).toEqual({ [KEY]: raw });

  await reload(page);
  await expect(h1(page)).toBeVisible();
  await expect(notice(page, NEWER)).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();
  expect(await storageEntries(page)).toEqual({ [KEY]: raw });
});

const READ_FAILED = "Closer couldn't read what it saved before, so it saved nothing this time rather than risk writing over it. Everything works; it will try again with your next step.";

test('a read that fails during a save leaves the stored data byte for byte as it was', async ({ page }) => {
  await open(page, '/');
  await finishFirstLesson(page);
  const before = await storageEntries(page);
  expect(Object.keys(before)).toEqual([KEY]);

  // Reading starts to fail (a damaged profile, another program holding the file).
  await page.evaluate(() => {
    const original = Storage.prototype.getItem;
    (window as unknown as { restoreGetItem: () => void }).restoreGetItem = () => {
      Storage.prototype.getItem = original;
    };
    Storage.prototype.getItem = function () {
      throw new DOMException('The storage could not be read.', 'UnknownError');
    };
  });
  await page.getByRole('link', { name: /^Continue: / }).click();
  await expect(cardHeading(page)).toBeVisible();
  await nextCard(page).click();
  await expect(notice(page, READ_FAILED)).toBeVisible();
  // Said once: a second change does not bring it back after a dismissal, and nothing is written.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page, READ_FAILED)).toHaveCount(0);
  await nextCard(page).click();
  await expect(page.getByText(/^Card 3 of \d+$/)).toBeVisible();
  await expect(notice(page, READ_FAILED)).toHaveCount(0);

  await page.evaluate(() => (window as unknown as { restoreGetItem: () => void }).restoreGetItem());
  expect(await storageEntries(page)).toEqual(before);

  // Reading works again: the next change saves everything from this visit.
  await nextCard(page).click();
  await expect(page.getByText(/^Card 4 of \d+$/)).toBeVisible();
  await expect.poll(async () => (await storageEntries(page))[KEY]).not.toEqual(before[KEY]);
  const saved = progressIn((await storageEntries(page))[KEY]);
  expect(Object.values(saved.lessons).filter((l) => l.completed)).toHaveLength(1);
  expect(Object.keys(saved.lessons)).toHaveLength(2);
});

test('a note typed just before the page closes is there when it opens again', async ({ page, context }) => {
  const note = 'Hugs from my brother, after a long week, and the quiet walk home.';
  await open(page, '/lessons/kinds/physical/note');
  const box = page.getByRole('textbox');
  await box.fill(note);
  // Closed at once: well inside the pause that a note waits before it is saved.
  await page.close();

  const again = await context.newPage();
  await open(again, '/lessons/kinds/physical/note');
  await expect(again.getByRole('textbox')).toHaveValue(note);
  const saved = JSON.parse((await storageEntries(again))[KEY]);
  expect(saved.responses['kinds/physical#note']).toMatchObject({ kind: 'reflected', text: note });
});

test('typing a note does not write storage on every keystroke', async ({ page, context }) => {
  await open(page, '/lessons/kinds/physical/note');
  // A second tab counts the storage events that the first tab's writes send it.
  const other = await context.newPage();
  await open(other, '/');
  await other.evaluate(() => {
    (window as unknown as { writes: number }).writes = 0;
    addEventListener('storage', (e) => {
      if (e.key === 'closer.progress') (window as unknown as { writes: number }).writes++;
    });
  });
  await page.getByRole('textbox').pressSequentially('a few words at a time', { delay: 20 });
  await expect
    .poll(async () => JSON.parse((await storageEntries(page))[KEY] ?? '{}').responses?.['kinds/physical#note']?.text)
    .toBe('a few words at a time');
  const writes = await other.evaluate(() => (window as unknown as { writes: number }).writes);
  // 21 keystrokes; the visit itself is one more write.
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(3);
});
