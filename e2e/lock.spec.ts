// The optional lock (issue #26, item 3): with a lock set, nothing typed is
// readable in localStorage or in an export; the app opens locked and shows
// nothing personal; a wrong passphrase changes nothing; it locks again when
// idle (Playwright's clock, not waiting) and after "Leave quickly"; two tabs
// follow each other, and a tab locks itself when the passphrase changes in
// another; a locked export imports with its passphrase; the lock screens
// are axe clean in light and dark. Each test also fails on any console error
// (./helpers).
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { answers, chooseStep, firstCheckIn, KEY } from './checkin-helpers';
import { cardHeading, expect, h1, open, ready, storageEntries, test } from './helpers';
import { blockWasm } from './pages-helpers';

const PASSPHRASE = 'quiet river lantern morning';
const NOTE = 'SECRET NOTE: I only feel safe with my brother Tom.';
const NAME = 'Tom (my ex, secretly)';
const NOTE_CARD = '/lessons/kinds/physical/note';

/** Every Closer value in localStorage, joined, to search for plain text. */
async function stored(page: Page): Promise<string> {
  const all = await storageEntries(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith('closer.'))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

/** Writes a note on a reflection card and waits until it is saved. */
async function writeNote(page: Page, text: string): Promise<void> {
  await open(page, NOTE_CARD);
  await page.getByRole('textbox').fill(text);
  // A note is saved once typing pauses.
  await expect.poll(async () => (await storageEntries(page))[KEY] ?? '').toContain(text.slice(0, 12));
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(h1(page)).toHaveText('Your data');
}

/** Sets a lock from the data page (the page must be open). */
async function setLock(page: Page, passphrase = PASSPHRASE, idle?: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Lock' });
  if (idle) await panel.getByLabel('Lock again after this long').selectOption(idle);
  await panel.getByLabel('New passphrase').fill(passphrase);
  await panel.getByLabel('The same passphrase again').fill(passphrase);
  await panel.getByRole('button', { name: 'Set the lock' }).click();
  await expect(panel.getByRole('status')).toContainText('The lock is set.', { timeout: 20_000 });
}

/** Unlocks from the lock screen. */
async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(h1(page)).toHaveText('Closer is locked');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(h1(page)).not.toHaveText('Closer is locked', { timeout: 20_000 });
}

/** A note, a named relationship with a check-in and a step: everything private there is to type. */
async function privateThings(page: Page): Promise<string> {
  await firstCheckIn(page, NAME, answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]));
  const step = await chooseStep(page);
  await writeNote(page, NOTE);
  return step;
}

test('with a lock set, no note, name or step is readable in localStorage or in an export', async ({ page }, info) => {
  test.setTimeout(120_000);
  const step = await privateThings(page);
  expect(await stored(page)).toContain('SECRET NOTE');
  await setLock(page);
  const locked = await stored(page);
  for (const secret of ['SECRET', 'brother', 'Tom', 'secretly', step]) expect(locked).not.toContain(secret);
  expect(locked).toContain('closer.lock=');

  // A note typed with the lock open is stored sealed too.
  await open(page, NOTE_CARD);
  await unlock(page);
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  await page.getByRole('textbox').fill(`${NOTE} And another line.`);
  await expect.poll(async () => JSON.parse((await storageEntries(page))[KEY])['closer-locked']).toBe(1);
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect.poll(() => stored(page)).not.toContain('another line');

  // The export is locked as well, unless the person chooses otherwise.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  const file = info.outputPath('locked-export.json');
  await download.saveAs(file);
  const exported = readFileSync(file, 'utf8');
  expect(JSON.parse(exported)['closer-locked']).toBe(1);
  for (const secret of ['SECRET', 'Tom', 'another line']) expect(exported).not.toContain(secret);
  await page.getByLabel('Save it unlocked instead').check();
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  const plainFile = info.outputPath('plain-export.json');
  await plain.saveAs(plainFile);
  expect(readFileSync(plainFile, 'utf8')).toContain('another line');
});

test('locked, the app shows nothing personal; a wrong passphrase changes nothing; the right one brings everything back', async ({ page }) => {
  test.setTimeout(120_000);
  await privateThings(page);
  await setLock(page);
  for (const path of ['/', '/reflections', '/checkin', '/data', NOTE_CARD]) {
    await open(page, path);
    await expect(h1(page)).toHaveText('Closer is locked');
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain('Tom');
    expect(text, path).not.toContain('SECRET');
    await expect(page).toHaveTitle('Locked · Closer');
  }
  const before = await storageEntries(page);
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('status').filter({ hasText: "doesn't open this lock" })).toBeVisible({ timeout: 20_000 });
  expect(await storageEntries(page)).toEqual(before);
  await unlock(page);
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  await open(page, '/reflections');
  await unlock(page);
  await expect(page.getByText(NOTE)).toBeVisible();
  // Opening the card was recorded (sealed, as everything else).
  expect(JSON.parse((await storageEntries(page))[KEY])['closer-locked']).toBe(1);
});

test('with a lock set, the prerendered first screen shows only the frame until the lock screen', async ({ page }) => {
  await open(page, NOTE_CARD);
  await expect(cardHeading(page)).toBeVisible();
  await open(page, '/data');
  await setLock(page);
  await blockWasm(page);
  await page.goto(NOTE_CARD);
  await expect(page.locator('html')).toHaveClass(/frame-only/);
  await expect(cardHeading(page)).toBeHidden();
  await expect(page.getByRole('link', { name: 'Leave quickly' })).toBeVisible();
});

test('it locks again after the chosen idle time, and "Lock now" locks at once', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await writeNote(page, NOTE);
  await setLock(page, PASSPHRASE, '5');
  await page.getByRole('button', { name: 'Lock now' }).click();
  await ready(page);
  await unlock(page);
  await open(page, NOTE_CARD);
  await unlock(page);
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  // Four minutes idle: still open.
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  // A key press counts as use: the idle time starts again.
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  await page.clock.fastForward('01:30');
  await expect(h1(page)).toHaveText('Closer is locked');
  await expect(page.getByText(NOTE)).toHaveCount(0);
});

test('"Leave quickly" locks: coming back asks for the passphrase', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.context().route('https://www.wikipedia.org/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>Neutral</title><h1>A neutral page</h1>' }));
  await writeNote(page, NOTE);
  await setLock(page);
  await open(page, NOTE_CARD);
  await unlock(page);
  await expect(page.getByRole('textbox')).toHaveValue(NOTE);
  await page.getByRole('link', { name: 'Leave quickly' }).click();
  await expect(page.getByRole('heading', { name: 'A neutral page' })).toBeVisible();
  await open(page, NOTE_CARD);
  await expect(h1(page)).toHaveText('Closer is locked');
  await expect(page.getByText(NOTE)).toHaveCount(0);
  // The stand-in page is the test's own request, not the app's.
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('wikipedia.org')));
});

test('two tabs with a lock: one follows the other, and locks itself when the passphrase changes', async ({ page, context }) => {
  test.setTimeout(150_000);
  await writeNote(page, NOTE);
  const other = await context.newPage();
  await open(other, '/reflections');
  await expect(other.getByText(NOTE)).toBeVisible();
  // Setting the lock in one tab locks the other.
  await setLock(page);
  await expect(h1(other)).toHaveText('Closer is locked');
  await unlock(other);
  await expect(other.getByText(NOTE)).toBeVisible();
  // A note written in one tab is opened by the other with the key it holds.
  await open(page, '/lessons/kinds/spiritual/your-awe');
  await unlock(page);
  await page.getByRole('textbox').fill('A second note, sealed.');
  await expect(other.getByText('A second note, sealed.')).toBeVisible();
  // A new passphrase in one tab: the other cannot read what is stored now, so it locks.
  await open(page, '/data');
  await unlock(page);
  const panel = page.getByRole('region', { name: 'Lock' });
  await panel.getByLabel('New passphrase').fill('another passphrase entirely');
  await panel.getByLabel('The same passphrase again').fill('another passphrase entirely');
  await panel.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(panel.getByRole('status')).toContainText('The passphrase was changed.', { timeout: 20_000 });
  await expect(h1(other)).toHaveText('Closer is locked');
  await other.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await other.getByRole('button', { name: 'Unlock' }).click();
  await expect(other.getByRole('status').filter({ hasText: "doesn't open this lock" })).toBeVisible({ timeout: 20_000 });
  await unlock(other, 'another passphrase entirely');
  await expect(other.getByText(NOTE)).toBeVisible();
});

test('a locked export imports with its passphrase, after the lock was forgotten and everything erased', async ({ page }, info) => {
  test.setTimeout(150_000);
  await writeNote(page, NOTE);
  await setLock(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  const file = info.outputPath('locked.json');
  await download.saveAs(file);
  // Forgotten: the lock screen's only answer is erasing, lock and all.
  await page.reload();
  await ready(page);
  await expect(h1(page)).toHaveText('Closer is locked');
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(h1(page)).toHaveText('Your data');
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);

  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByLabel("The file's passphrase").fill('wrong passphrase here');
  await page.getByRole('button', { name: 'Open the file' }).click();
  await expect(page.getByText("That passphrase doesn't open the file.")).toBeVisible({ timeout: 20_000 });
  expect(Object.keys(await storageEntries(page)).filter((k) => k.startsWith('closer.'))).toEqual([]);
  await page.getByLabel('Choose a Closer progress file').setInputFiles([]);
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByLabel("The file's passphrase").fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open the file' }).click();
  const preview = page.getByRole('table', { name: 'What the import would change' });
  await expect(preview.getByRole('row', { name: /Private notes/ })).toContainText('1', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await open(page, '/reflections');
  await expect(page.getByText(NOTE)).toBeVisible();
});

/** Makes every write of a Closer key throw, as a full storage does, while `window.__full` is set. */
async function fullStorageSwitch(page: Page): Promise<(full: boolean) => Promise<void>> {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full && k.startsWith('closer.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  return (full: boolean) => page.evaluate((f) => { (window as any).__full = f; }, full);
}

/** Downloads a locked export from the data page (open, lock open) into the test's folder. */
async function lockedExport(page: Page, path: string): Promise<void> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my progress' }).click(),
  ]);
  await download.saveAs(path);
}

/** Chooses a locked file on the data page and opens it, up to the preview. */
async function chooseLockedFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Choose a Closer progress file').setInputFiles([]);
  await page.getByLabel('Choose a Closer progress file').setInputFiles(file);
  await page.getByLabel("The file's passphrase").fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open the file' }).click();
  await expect(page.getByRole('table', { name: 'What the import would change' })).toBeVisible({ timeout: 20_000 });
}

test('with a lock set, an import or an undo that a full storage refuses changes nothing, and says so', async ({ page }, info) => {
  test.setTimeout(150_000);
  const full = await fullStorageSwitch(page);
  await writeNote(page, NOTE);
  await setLock(page);
  const file = info.outputPath('locked.json');
  await lockedExport(page, file);

  // The import's sealed writes fail: refused, once, and nothing stored changes.
  await chooseLockedFile(page, file);
  const before = await storageEntries(page);
  await full(true);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  const refusal = page.getByRole('status').filter({ hasText: /Not imported\./ });
  await expect(refusal).toBeVisible({ timeout: 20_000 });
  expect((await refusal.textContent())!.split('Nothing was changed.').length - 1).toBe(1);
  expect(await storageEntries(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toHaveCount(0);
  await full(false);

  // With room, the import is stored; then the undo's sealed writes fail: refused, nothing changes.
  await chooseLockedFile(page, file);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Undo the import' })).toBeVisible();
  await expect.poll(async () => Object.keys(await storageEntries(page))).toContain('closer.progress.before-import');
  const imported = await storageEntries(page);
  await full(true);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(/The import could not be undone: .*Nothing was changed\./)).toBeVisible({ timeout: 20_000 });
  expect(await storageEntries(page)).toEqual(imported);
  await expect(page.getByRole('button', { name: 'Undo the import' })).toBeVisible();
  await full(false);
  // And once there is room, the undo works.
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('Your progress from before the import is back.')).toBeVisible({ timeout: 20_000 });
});

test('with a lock set, a kept copy downloads locked unless the person chooses otherwise', async ({ page }, info) => {
  test.setTimeout(150_000);
  await writeNote(page, NOTE);
  await setLock(page);
  const file = info.outputPath('locked.json');
  await lockedExport(page, file);
  // An import keeps the copy it replaces.
  await chooseLockedFile(page, file);
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByText('Your progress now comes from the file.')).toBeVisible({ timeout: 20_000 });
  const kept = page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Undo the import' }) });
  const download = kept.getByRole('button', { name: /^Download/ });
  const [locked] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const lockedFile = info.outputPath('kept-locked.json');
  await locked.saveAs(lockedFile);
  const text = readFileSync(lockedFile, 'utf8');
  expect(JSON.parse(text)['closer-locked']).toBe(1);
  for (const secret of ['SECRET', 'brother', 'Tom']) expect(text).not.toContain(secret);
  await expect(page.getByRole('status').filter({ hasText: /The kept copy was saved to the file .* It is locked with your passphrase\./ })).toBeVisible();
  // Chosen explicitly: the copy as it is, readable.
  await page.getByLabel('Save kept copies unlocked instead').check();
  const [plain] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const plainFile = info.outputPath('kept-plain.json');
  await plain.saveAs(plainFile);
  expect(readFileSync(plainFile, 'utf8')).toContain('SECRET NOTE');
  // The locked copy imports with the passphrase, as an export does.
  await chooseLockedFile(page, lockedFile);
  await expect(page.getByRole('table', { name: 'What the import would change' }).getByRole('row', { name: /Private notes/ })).toContainText('1');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lock screen and the lock form are axe clean (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await open(page, '/data');
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), 'data page').toEqual([]);
    }
    await setLock(page);
    await page.reload();
    await ready(page);
    await expect(h1(page)).toHaveText('Closer is locked');
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), 'lock screen').toEqual([]);
    }
    await unlock(page);
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), 'data page, lock set').toEqual([]);
  });
}
