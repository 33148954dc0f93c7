// Send yours back: after B compares with A's link, one action makes B's own
// share for A (the same care note and preview); A opens it and sees the same
// comparison from the other side. Two browsers, nothing on any server.
import { expect, watchedContext, test } from './helpers';
import { answers, firstCheckIn } from './checkin-helpers';
import {
  aboutGroup,
  answersNumber,
  decodeCode,
  expectComparison,
  firstNameField,
  makeLink,
  readMade,
  received,
} from './together-helpers';

/** A: Physical both more, Spiritual both content, the rest apart. */
const A_ANSWERS = answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]);
/** B: closer by a picture, and other wishes. */
const B_ANSWERS = answers(5, [1, 4], [3, 3], [3, 3], [4, 2], [2, 1]);

test('B compares, sends theirs back in one action, and A sees the same comparison from the other side', async ({ page, browser, problems }) => {
  test.setTimeout(90_000);
  // A: a check-in on "Robin", shared as "Sam".
  await firstCheckIn(page, 'Robin', A_ANSWERS);
  const fromA = await makeLink(page, 'Sam');

  // B, in a browser of their own: a check-in on A, then A's link.
  const contextB = await watchedContext(browser, problems);
  const b = await contextB.newPage();
  await firstCheckIn(b, 'My brother', B_ANSWERS);
  await b.goto(fromA.link);
  await expect(received(b, 'Sam')).toBeVisible();
  await aboutGroup(b).getByRole('radio', { name: 'My brother' }).check();
  await b.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectComparison(b, 'Sam', B_ANSWERS, A_ANSWERS);

  // One action opens B's own share, addressed to Sam, with the usual care note and preview.
  const back = b.getByRole('region', { name: 'Send yours back to Sam' });
  await expect(back).toBeVisible();
  await expect(back).toContainText('Send your latest check-in back to Sam the same way theirs came.');
  const toggle = back.getByRole('button', { name: 'Send yours back to Sam' });
  await toggle.click();
  await expect(back.locator('button[aria-expanded]')).toHaveAttribute('aria-expanded', 'true');
  await expect(back.getByRole('heading', { name: 'What will be shared' })).toBeVisible();
  await expect(back.getByRole('link', { name: 'What to do if you feel unsafe' })).toBeVisible();
  await expect(back).not.toContainText('My brother');
  await firstNameField(b).fill('Kai');
  await back.getByRole('button', { name: 'Make the link and code' }).click();
  const fromB = await readMade(b);
  expect(decodeCode(fromB.code).answers, "B's latest check-in travels back").toBe(answersNumber(B_ANSWERS));
  expect(decodeCode(fromB.code).name).toBe('Kai');

  // A opens B's link and compares with their own check-in on Robin.
  await page.goto(fromB.link);
  await expect(received(page, 'Kai')).toBeVisible();
  await aboutGroup(page).getByRole('radio', { name: 'Robin' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectComparison(page, 'Kai', A_ANSWERS, B_ANSWERS);
  // And A could send theirs back again the same way.
  await expect(page.getByRole('region', { name: 'Send yours back to Kai' })).toBeVisible();
  await contextB.close();
});
