// "Only what we both want": A shares only the kinds where they would like
// more; B compares and sees only the kinds where both would like more, with
// a line saying the rest was not shared; B's send-back offers the same mode,
// and A sees the same from the other side. Two browsers, no server.
import type { Page } from '@playwright/test';
import { expect, watchedContext, test } from './helpers';
import { answers, audit, firstCheckIn, KIND_NAMES } from './checkin-helpers';
import { aboutGroup, crc32, firstNameField, readMade, received, sharePanel, shareToggle, unbase32 } from './together-helpers';

/** A would like more of Physical, Emotional and Experiential. */
const A_ANSWERS = answers(4, [1, 3], [2, 2], [3, 2], [1, 3], [2, 4]);
/** B would like more of Physical, Spiritual and Shared interests. */
const B_ANSWERS = answers(5, [1, 4], [2, 3], [0, 3], [3, 3], [3, 1]);

/** A mutual-only code's fields (version 2): version, the kinds as names, day, name. */
function decodeMutual(code: string): { version: number; kinds: string[]; day: number; name: string; bytes: number } {
  const bytes = unbase32(code.replace(/-/g, ''));
  const view = new DataView(bytes.buffer);
  const body = bytes.subarray(0, bytes.length - 4);
  expect(view.getUint32(bytes.length - 4), 'the CRC-32 of the code').toBe(crc32(body));
  const bits = view.getUint8(1);
  return {
    version: view.getUint8(0),
    kinds: KIND_NAMES.filter((_, i) => bits & (1 << i)),
    day: view.getUint16(2),
    name: new TextDecoder().decode(bytes.subarray(5, 5 + view.getUint8(4))),
    bytes: body.length,
  };
}

/** Chooses "Only what we both want" in an open panel and checks the preview lists exactly `kinds`. */
async function expectMutualPreview(panel: ReturnType<Page['locator']>, kinds: string[]): Promise<void> {
  const mode = panel.getByRole('radio', { name: 'Only what we both want' });
  await expect(mode).toBeChecked();
  const preview = panel.locator('ul.share-preview');
  await expect(preview.getByRole('listitem')).toHaveText([
    `The kinds where you would like more: ${kinds.join(', ')}`,
    /^The day of this check-in \(.+\)$/,
    'Your first name, only if you type it below',
  ]);
  await expect(panel).toContainText('Not your closeness picture');
}

/** The mutual view: only `kinds` under "Where you both want more", and the sentence that the rest was not shared. */
async function expectMutualView(page: Page, them: string, kinds: string[]): Promise<void> {
  const view = page.getByRole('region', { name: 'Where you both want more' });
  await expect(view).toBeVisible();
  await expect(view).toContainText(`${them} shared only the kinds where they would like more`);
  await expect(view).toContainText('The rest was not shared');
  await expect(view.locator('ul').first().locator('li strong')).toHaveText(kinds);
  for (const other of KIND_NAMES.filter((k) => !kinds.includes(k))) {
    await expect(view.locator('li strong', { hasText: other })).toHaveCount(0);
  }
  // None of their figures, no chart, no closeness picture, and nothing to keep.
  await expect(page.getByRole('img', { name: /^Chart of the five kinds/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Their answers' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keep their answers' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Nothing of theirs is kept' })).toBeVisible();
}

test('A shares only what both want; B sees only the kinds both want more of, and sends theirs back the same way', async ({ page, browser, problems }) => {
  test.setTimeout(120_000);
  await firstCheckIn(page, 'Robin', A_ANSWERS);
  const panel = sharePanel(page);
  await shareToggle(page).click();
  // "All my answers" is the usual choice; its preview is the whole list.
  await expect(panel.getByRole('radio', { name: 'All my answers' })).toBeChecked();
  await expect(panel.locator('ul.share-preview li')).toHaveCount(4);
  await panel.getByRole('radio', { name: 'Only what we both want' }).check();
  await expectMutualPreview(panel, ['Physical', 'Emotional', 'Experiential']);
  await firstNameField(page).fill('Sam');
  await panel.getByRole('button', { name: 'Make the link and code' }).click();
  const fromA = await readMade(page);
  // The code carries exactly what the preview said, and nothing else.
  const a = decodeMutual(fromA.code);
  expect(a).toMatchObject({ version: 2, kinds: ['Physical', 'Emotional', 'Experiential'], name: 'Sam', bytes: 5 + 3 });

  // B, in a browser of their own.
  const contextB = await watchedContext(browser, problems);
  const b = await contextB.newPage();
  await firstCheckIn(b, 'My brother', B_ANSWERS);
  await b.goto(fromA.link);
  await expect(received(b, 'Sam')).toBeVisible();
  // Nothing of A's kinds shows before B's own answers are there to match.
  await expect(b.getByText('They chose to share only what you both want')).toBeVisible();
  await expect(b.getByRole('table', { name: 'Their answers' })).toHaveCount(0);
  for (const k of ['Emotional', 'Experiential']) await expect(b.locator('main')).not.toContainText(k);
  await aboutGroup(b).getByRole('radio', { name: 'My brother' }).check();
  await b.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectMutualView(b, 'Sam', ['Physical']);
  await audit(b, 'the mutual-only comparison');

  // B's send-back offers the same mode, already chosen.
  const back = b.getByRole('region', { name: 'Send yours back to Sam' });
  await back.getByRole('button', { name: 'Send yours back to Sam' }).click();
  await expectMutualPreview(back, ['Physical', 'Spiritual', 'Shared interests']);
  await firstNameField(b).fill('Kai');
  await back.getByRole('button', { name: 'Make the link and code' }).click();
  const fromB = await readMade(b);
  expect(decodeMutual(fromB.code)).toMatchObject({ version: 2, kinds: ['Physical', 'Spiritual', 'Shared interests'], name: 'Kai' });

  // A opens it and sees the same single kind from the other side.
  await page.goto(fromB.link);
  await expect(received(page, 'Kai')).toBeVisible();
  await aboutGroup(page).getByRole('radio', { name: 'Robin' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectMutualView(page, 'Kai', ['Physical']);
  await contextB.close();
});

test('With no kind wished for more, the mutual-only share says so instead of making a code', async ({ page }) => {
  await firstCheckIn(page, 'Robin', answers(3, [2, 2], [2, 1], [3, 3], [1, 1], [4, 2]));
  const panel = sharePanel(page);
  await shareToggle(page).click();
  await panel.getByRole('radio', { name: 'Only what we both want' }).check();
  await expect(panel.locator('ul.share-preview li').first()).toHaveText(
    'The kinds where you would like more: none (in this check-in you did not wish for more of any kind)',
  );
  await panel.getByRole('button', { name: 'Make the link and code' }).click();
  await expect(panel.locator('#first-name-error')).toContainText('there is nothing to share this way');
  await expect(panel.getByRole('textbox', { name: 'Link to your answers' })).toHaveCount(0);
  // Going back to all the answers makes a code again.
  await panel.getByRole('radio', { name: 'All my answers' }).check();
  await expect(panel.getByRole('textbox', { name: 'Link to your answers' })).toBeVisible();
});
