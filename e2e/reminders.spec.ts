// Reminders with no server: "Add to my calendar" under a small step saves a
// calendar file made in the browser. It names no one unless the person asks,
// and rings a week after the step was chosen, in the daytime.
import type { Download, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, open, test } from './helpers';
import { answers, audit, chooseStep, firstCheckIn, homeWeek } from './checkin-helpers';

// Madrid is an hour ahead of UTC in March (summer time starts on the 29th).
test.use({ timezoneId: 'Europe/Madrid' });

const SOME = answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]);

async function savedFile(page: Page, fold: Locator): Promise<{ name: string; text: string }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await fold.getByRole('button', { name: 'Save the calendar file' }).click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  await expect(fold.getByRole('status')).toHaveText(`Saved ${file.suggestedFilename()}. Open it to add the reminder to your calendar.`);
  return { name: file.suggestedFilename(), text };
}

/** The calendar file's lines, unfolded (RFC 5545: a line break and one space join a long line). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

test("a step's reminder is a calendar file that rings a week on and names no one unless asked", async ({ page }) => {
  const name = 'Sam, my sister';
  // Chosen on Monday 2 March at 10:00 in Madrid: the reminder is the next
  // Monday at 18:00, the first daytime hour after the week is up.
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await firstCheckIn(page, name, SOME);
  const step = await chooseStep(page);
  await open(page, '/');
  const week = homeWeek(page);
  const fold = week.getByRole('group').filter({ has: page.getByText('Add to my calendar', { exact: true }) });
  await week.getByText('Add to my calendar', { exact: true }).click();
  await expect(fold).toContainText('The reminder is for 9 March 2026 at 18:00.');
  await expect(fold).toContainText('It names no one and holds none of your notes');

  const plain = await savedFile(page, fold);
  expect(plain.name).toBe('closer-step.ics');
  const l = lines(plain.text);
  expect(l[0]).toBe('BEGIN:VCALENDAR');
  expect(l).toContain('SUMMARY:Closer: a small step');
  expect(l).toContain('DTSTART:20260309T180000');
  expect(l).toContain('BEGIN:VALARM');
  expect(l.some((x) => x.startsWith('RRULE:'))).toBe(false);
  expect(l.find((x) => x.startsWith('URL:'))).toMatch(/^URL:http:\/\/127\.0\.0\.1:\d+\/checkin\/[0-9a-f]+$/);
  for (const privateText of ['Sam', 'sister', step.slice(0, 20)]) {
    expect(plain.text, `"${privateText}" in a reminder that should name no one`).not.toContain(privateText);
  }

  // Asked for, the name and the step go in (escaped as calendar text), and it repeats weekly.
  await fold.getByLabel(/^Also write who it is for and the step itself/).check();
  await fold.getByLabel('Remind me every week for four weeks').check();
  const named = lines((await savedFile(page, fold)).text);
  expect(named).toContain('SUMMARY:Closer: a small step (Sam\\, my sister)');
  expect(named).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
  const description = named.find((x) => x.startsWith('DESCRIPTION:')) ?? '';
  expect(description.replace(/\\([,;\\])/g, '$1')).toContain(step);

  await audit(page, 'the home page with the reminder fold open');
});
