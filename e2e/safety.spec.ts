// Safe on a phone someone else may check (issue #26): "Leave quickly" by
// mouse and by keyboard, before and after the app has started, leaving
// nothing of Closer in Back; the safety card leaves no trace on the home
// page; titles name no one; names with hidden characters are refused; the
// app is never shown inside another site's frame.
import type { Locator, Page } from '@playwright/test';
import { addRelationship, fillCheckIn, answers, nameField } from './checkin-helpers';
import { encode } from './together-helpers';
import { ORIGIN, cardHeading, expect, h1, nextCard, open, test } from './helpers';
import { blockWasm } from './pages-helpers';

/** Where "Leave quickly" goes (src/leave.rs), answered here by a stand-in page. */
const LEAVE_TO = 'https://www.wikipedia.org/';
/** A page the person was on before Closer, on another origin. */
const BEFORE = 'http://before.test/';

/** Stand-ins for the neutral page and the page before Closer; neither is a request the app makes. */
async function standIns(page: Page, problems: string[]): Promise<() => void> {
  await page.context().route(`${LEAVE_TO}**`, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Neutral</title><h1>A neutral page</h1>' }));
  await page.context().route(`${BEFORE}**`, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Before</title><h1>The page before</h1>' }));
  // The fixture fails a test on any request to another origin: these two are the test's own.
  return () => {
    const mine = (p: string) => p.includes(LEAVE_TO) || p.includes(BEFORE);
    problems.splice(0, problems.length, ...problems.filter((p) => !mine(p)));
  };
}

/** After leaving: the neutral page, and Back leads to the page before Closer, not into it. */
async function leftCloser(page: Page): Promise<void> {
  await expect(page).toHaveURL(LEAVE_TO);
  await expect(page.getByRole('heading', { name: 'A neutral page' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(BEFORE);
  await expect(page.getByRole('heading', { name: 'The page before' })).toBeVisible();
}

const leave = (page: Page) => page.getByRole('link', { name: 'Leave quickly' });

test('"Leave quickly" by mouse, after moving around in the app: Back does not return to Closer', async ({ page, problems }) => {
  const done = await standIns(page, problems);
  await page.goto(BEFORE);
  await open(page, '/');
  await page.getByRole('link', { name: 'Quiz', exact: true }).click();
  await expect(h1(page)).toHaveText('Quiz');
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  await page.getByRole('link', { name: /^Start the guide/ }).click();
  await expect(cardHeading(page)).toBeVisible();
  await nextCard(page).click();
  await expect(page.getByText('Card 2 of', { exact: false })).toBeVisible();
  await leave(page).click();
  await leftCloser(page);
  done();
});

test('"Leave quickly" by Escape twice, when Closer spans two page loads', async ({ page, problems }) => {
  const done = await standIns(page, problems);
  await page.goto(BEFORE);
  await open(page, '/quiz');
  // A second page load of Closer in the same tab (a link followed before the app ran, a reload of another page).
  await open(page, '/data');
  await expect(h1(page)).toHaveText('Your data');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await leftCloser(page);
  done();
});

test('"Leave quickly" works before the app has started, and is the first stop after "Skip to content"', async ({ page, problems }) => {
  const done = await standIns(page, problems);
  await blockWasm(page);
  await page.goto(BEFORE);
  await page.goto('/lessons/basics/what-is-intimacy/definition');
  await expect(cardHeading(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(leave(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await leftCloser(page);
  done();
});

test('the safety card is one tap from every page, and reading it leaves home as it was', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('link', { name: /^Start the guide/ }).click();
  await nextCard(page).click();
  await expect(page.getByText('Card 2 of', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  const continueLink = page.getByRole('link', { name: /^Continue/ });
  await expect(continueLink).toBeVisible();
  const before = (await continueLink.textContent()) ?? '';
  for (const path of ['/', '/quiz', '/checkin', '/data', '/compare']) {
    await open(page, path);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'If you feel unsafe' })).toBeVisible();
  }
  await page.getByRole('contentinfo').getByRole('link', { name: 'If you feel unsafe' }).click();
  await expect(cardHeading(page)).toBeVisible();
  await nextCard(page).click();
  await expect(cardHeading(page)).toBeVisible();
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(continueLink).toHaveText(before);
  const support = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Getting support', exact: true }) });
  await expect(support.getByText('In progress')).toHaveCount(0);
});

test('no title names a relationship or a person, and a name with hidden characters is refused', async ({ page }) => {
  const secret = 'Tom secretly';
  await addRelationship(page, secret);
  await expect(page).not.toHaveTitle(/Tom/);
  await fillCheckIn(page, secret, answers(3, [1, 3], [2, 2], [2, 4], [0, 1], [4, 4]));
  await expect(page).not.toHaveTitle(/Tom/);
  await open(page, '/checkin');
  await page.getByRole('link', { name: secret, exact: true }).click();
  await expect(h1(page)).toHaveText(secret);
  await expect(page).not.toHaveTitle(/Tom/);

  await open(page, '/checkin');
  await nameField(page).fill('ana\u202Ekcehc');
  await page.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page.getByText('Write the name with letters only: no line breaks, tabs or hidden characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/checkin$/);
});

test('another site cannot show Closer in a frame', async ({ page, request, problems }) => {
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // A host that sends no such header: the page shows nothing inside the frame.
  const FRAMER = 'http://framer.test/';
  await page.route(`${FRAMER}**`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<title>Framer</title><iframe src="${ORIGIN}/reflections" title="framed" width="800" height="600"></iframe>` }),
  );
  await page.route(`${ORIGIN}/**`, async (r) => {
    const response = await r.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await r.fulfill({ response, headers });
  });
  await page.goto(FRAMER);
  const frame = page.frameLocator('iframe[title="framed"]');
  // The page loaded in the frame (its heading is in the document) and shows nothing.
  await expect(frame.getByRole('heading', { name: 'My reflections', includeHidden: true })).toBeAttached();
  await expect(frame.getByRole('heading', { name: 'My reflections' })).toBeHidden();
  await expect(frame.getByRole('link', { name: 'Leave quickly' })).toBeHidden();
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes(FRAMER)));
});

test('a right-to-left name is set apart in every heading, so the heading keeps its own order', async ({ page }) => {
  // Arabic beside brackets and a colon: without isolation, the bidi
  // algorithm moves the heading's own punctuation into the name.
  const name = 'سارة (أختي)';
  await addRelationship(page, name);
  await expect(h1(page).locator('bdi')).toHaveText(name);
  await fillCheckIn(page, name, answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]));
  await expect(h1(page).locator('bdi')).toHaveText(name);
  await page.getByRole('link', { name: `All check-ins: ${name}` }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(h1(page).locator('bdi')).toHaveText(name);
});

test('a right-to-left name is set apart in running text too: links, lists, messages, the comparison and the share panel', async ({ page }) => {
  // Arabic beside brackets, as in the headings test, now in sentences,
  // links and list items: each name in its own <bdi>, whole.
  const name = 'سارة (أختي)';
  const sender = 'ليلى (ع)';
  const isolated = async (scope: Locator, n: string, what: string) =>
    expect(scope.locator('bdi').filter({ hasText: n }).first(), what).toHaveText(n);
  const rel = await addRelationship(page, name);
  await fillCheckIn(page, name, answers(3, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]));
  await isolated(page.getByRole('link', { name: `All check-ins: ${name}` }), name, 'result page link');
  await open(page, '/checkin');
  await isolated(page.getByRole('link', { name, exact: true }), name, 'the list of relationships');
  await open(page, '/');
  await isolated(page.getByRole('list', { name: 'Your relationships' }), name, 'home list');

  // Compare with what someone shared: their name and the relationship's in the sentences around them.
  await page.goto(`/compare#${encode(answers(4, [1, 3], [2, 2], [0, 2], [3, 2], [2, 4]), 20_789, sender)}`);
  await isolated(page.getByRole('heading', { name: `${sender} shared a check-in` }), sender, 'received heading');
  const about = page.getByRole('radio', { name, exact: true });
  await isolated(page.locator(`label[for="${await about.getAttribute('id')}"]`), name, 'who it is about');
  await about.check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const when = page.locator('p.when').filter({ hasText: "'s check-in from" });
  await expect(when).toBeVisible();
  await isolated(when, sender, 'compare sentence, sender');
  await isolated(when, name, 'compare sentence, relationship');
  await isolated(page.getByRole('columnheader', { name: sender }), sender, 'table column');
  await isolated(page.locator('figcaption').filter({ hasText: ': picture' }).last(), sender, 'picture caption');
  await isolated(page.locator('.together-group li').first(), sender, 'what the answers say');
  await isolated(page.getByRole('heading', { name: `Send yours back to ${sender}` }), sender, 'share panel title');
  await isolated(page.locator('.share-panel p').filter({ hasText: 'can see this comparison' }), sender, 'share panel text');
  await page.getByRole('button', { name: 'Keep their answers' }).click();
  await expect(h1(page)).toHaveText(`You and ${sender}`);
  await isolated(page.locator('p.when'), name, 'kept comparison sentence');
  await isolated(page.locator('p').filter({ hasText: 'You chose to keep' }), sender, 'kept answers text');
  await isolated(page.getByRole('link', { name: `All check-ins: ${name}` }), name, 'back link');

  // The relationship's page: the kept comparison, a rename and the question before deleting.
  await open(page, `/checkin/${rel}`);
  await isolated(page.getByRole('link', { name: new RegExp(`check-in from`) }), sender, 'compared together');
  const renamed = `${name} ٢`;
  await page.getByLabel('Name', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Save the name' }).click();
  await isolated(page.getByRole('status').filter({ hasText: 'Renamed to' }), renamed, 'rename message');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await isolated(page.locator('#delete-question'), renamed, 'delete question');
  await page.getByRole('button', { name: 'Keep it' }).click();
});
