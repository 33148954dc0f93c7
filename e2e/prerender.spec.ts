// Every page the build writes (tools/src/prerender.rs renders each route known
// at build time from the app's own components) must be the app's own page,
// element for element, title for title, or the hand-over from the static first
// screen to the app would change or shift what a person sees. And where a
// page's first screen would show a first visit's state to someone returning,
// they see only its frame (header, footer) until the app draws their own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { contentLesson } from './content-helpers';
import { cardHeading, expect, h1, ready, seedStorage, test } from './helpers';
import { holdWasm, neverSeen, noteFirstFrame, prerenderedCanon, type Canon } from './pages-helpers';

const DIST = process.env.CLOSER_E2E_DIST ?? join(__dirname, '..', 'dist');

/** A lesson with cards of several kinds; its first, a middle and its last card are compared. */
const LESSON = contentLesson('/lessons/basics/what-is-intimacy');
const MIDDLE = Math.floor(LESSON.cards.length / 2);

interface Kind {
  what: string;
  /** The address a person opens. */
  address: string;
  /** The file the build wrote for it, where the host answers the address with another (404.html). */
  file?: string;
  /** What shows once the app has drawn the page's words. */
  drawn: (page: Page) => Locator;
}

const KINDS: Kind[] = [
  { what: 'the home page', address: '/', drawn: (p) => h1(p) },
  ...[0, MIDDLE, LESSON.cards.length - 1].map((i) => ({
    what: `card ${i + 1} of ${LESSON.cards.length} of a lesson (${LESSON.cards[i].kind})`,
    address: LESSON.cards[i].path,
    drawn: (p: Page) => cardHeading(p).filter({ hasText: LESSON.cards[i].title }),
  })),
  // A lesson's own link, without a card, opens at its first card on a first visit.
  { what: "a lesson's link without a card", address: LESSON.path, drawn: (p) => cardHeading(p).filter({ hasText: LESSON.cards[0].title }) },
  { what: 'the quiz', address: '/quiz', drawn: (p) => p.getByRole('heading', { level: 2, name: 'Start a quiz' }) },
  { what: 'the quiz under way, with none', address: '/quiz/play', drawn: (p) => h1(p) },
  { what: 'the quiz results, with none', address: '/quiz/results', drawn: (p) => h1(p) },
  { what: 'the check-in', address: '/checkin', drawn: (p) => h1(p) },
  { what: 'compare', address: '/compare', drawn: (p) => p.getByRole('textbox', { name: 'Code or link' }) },
  { what: 'reflections', address: '/reflections', drawn: (p) => p.getByText(/^No notes yet\./) },
  { what: 'your data', address: '/data', drawn: (p) => h1(p) },
  // A host answers an unknown address with its 404.html (GitHub Pages does).
  { what: 'not found', address: '/no-such-page', file: '/404.html', drawn: (p) => h1(p).filter({ hasText: 'Page not found' }) },
];

for (const kind of KINDS) {
  test(`${kind.what}: the prerendered page is the page the app draws, on a first visit`, async ({ page, request }) => {
    // What the build wrote, as a first visit receives it.
    const html = await (await request.get(kind.file ?? kind.address)).text();
    expect(html, 'the page holds a prerendered first screen').toContain('<div id="prerender"');
    await noteFirstFrame(page);
    await page.goto(kind.address);
    await ready(page);
    await expect(kind.drawn(page)).toBeVisible();
    const prerendered = await prerenderedCanon(page, html);
    expect(prerendered.split('\n').length, 'a prerendered page of some substance').toBeGreaterThan(20);
    // The first frame the app paints after taking over, then the page once its words are in.
    const first = await page.evaluate(() => (window as unknown as { closerFirstFrame: Canon }).closerFirstFrame);
    expect.soft(first.body, 'the first frame the app paints').toBe(prerendered);
    expect.soft(await page.evaluate(() => (window as unknown as { closerCanon: () => string }).closerCanon()), 'the page once drawn').toBe(prerendered);
  });
}

test.describe('titles', () => {
  // Every page as a first visit gets it: no worker answering with index.html.
  test.use({ serviceWorkers: 'block' });

  test("every page's <title> is the title the app sets once it runs", async ({ page, request }) => {
    test.setTimeout(300_000);
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
    expect(files.length).toBeGreaterThan(20);
    // Each page as a first visit sees it: no storage left by the page before,
    // by someone who reads the page's language (a Spanish page is not sent
    // on to the English one).
    await page.addInitScript(() => {
      try {
        localStorage.clear();
        const lang = location.pathname.split('/')[1];
        if (lang === 'es') localStorage.setItem('closer-lang', lang);
      } catch {
        /* blocked: a first visit anyway */
      }
    });
    const differ: string[] = [];
    for (const file of files) {
      const url = `/${file}`;
      // A language's home is its folder (es/index.html at /es/); its 404.html answers an unknown address.
      const address = file.endsWith('index.html')
        ? url.replace(/index\.html$/, '')
        : file.endsWith('404.html')
          ? url.replace(/404\.html$/, 'no-such-page')
          : url.replace(/\.html$/, '');
      const html = await (await request.get(url)).text();
      const written = html.match(/<title>([^<]*)<\/title>/)?.[1];
      expect(written, `${file} has a title`).toBeTruthy();
      await page.goto(address);
      await ready(page);
      const set = await page.title();
      // The title as the HTML writes it (&amp;, &#x27; ...), as text, against the text the app sets.
      const text = await page.evaluate((t) => new DOMParser().parseFromString(`<title>${t}</title>`, 'text/html').title, written!);
      if (text !== set) differ.push(`${file}: the page says ${JSON.stringify(text)}, the app ${JSON.stringify(set)} (at ${new URL(page.url()).pathname})`);
    }
    expect(differ).toEqual([]);
  });
});

const NOTE = 'What I keep to myself: the first draft of this note.';

/** The first words of the home page's welcome (content/course.toml, intro). */
const WELCOME = /^Many people hear the word intimacy and think only of sex\./;

/** Saved progress of someone who has been here: a lesson done, one under way, and a note. */
const RETURNING = JSON.stringify({
  schema: 3,
  lessons: {
    'basics/what-is-intimacy': { card: 'who-knows-you', completed: true, updated: 1 },
    'basics/more-than-sex': { card: 'the-word', completed: false, updated: 2 },
  },
  last_lesson: 'basics/more-than-sex',
  last_opened_at: 1,
  responses: { 'basics/what-is-intimacy#who-knows-you': { kind: 'reflected', text: NOTE, at: 1 } },
  quiz: {},
});

test("a returning person never sees a first visit's state on the home page's first screen", async ({ page }) => {
  await seedStorage(page, { 'closer.progress': RETURNING });
  const seen = await neverSeen(page, [
    { selector: 'a', text: /^Start the guide$/ },
    { selector: 'label', text: /^0 of \d+ lessons done$/ },
    // The first lesson of the path, which this person has finished.
    { selector: '.path > :first-child li:first-child .step-state', text: /^Not started$/ },
  ]);
  const release = await holdWasm(page);
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1, name: 'Closer' });
  const tagline = page.locator('.hero .tagline');
  await expect(heading).toBeVisible();
  await expect(tagline).toBeVisible();
  expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
  // What a first visitor sees is there, but neither shown nor reachable.
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeHidden();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeHidden();
  await expect(page.getByText('Not started').first()).toBeHidden();
  // The welcome is for a first visit: it is not laid out for someone returning.
  await expect(page.getByText(WELCOME)).toBeHidden();
  // The person's own things come first; the path below them waits for the app
  // too (changed: it used to show, and then moved down under the welcome).
  await expect(page.locator('#section-basics')).toBeHidden();
  const before = { heading: await heading.boundingBox(), tagline: await tagline.boundingBox() };

  release();
  await ready(page);
  await expect(page.getByRole('link', { name: /^Continue: / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start the guide' })).toHaveCount(0);
  expect(await seen(), 'first-visit state shown to a returning person').toEqual([]);
  // Nothing seen before the app moved when it took over.
  expect({ heading: await heading.boundingBox(), tagline: await tagline.boundingBox() }).toEqual(before);
  // The welcome is folded away, one tap from the top.
  await expect(page.getByText(WELCOME)).toBeHidden();
  await page.getByText('About Closer', { exact: true }).click();
  await expect(page.getByText(WELCOME)).toBeVisible();
  await expect(page.locator('#section-basics')).toBeVisible();
});

test("a returning person on a personal page sees its frame, never a first visit's state, until the app draws theirs", async ({ page }) => {
  await seedStorage(page, { 'closer.progress': RETURNING });
  const seen = await neverSeen(page, [{ selector: 'p', text: /^No notes yet\./ }]);
  const release = await holdWasm(page);
  await page.goto('/reflections');
  // The frame shows: the header with its way home and its menu, and the footer.
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Closer' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Getting support' })).toBeVisible();
  // The page's own content (a first visit's: "No notes yet") holds its place unseen.
  expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
  await expect(page.getByText(/^No notes yet\./)).toBeHidden();
  await expect(h1(page)).toBeHidden();

  release();
  await ready(page);
  await expect(h1(page)).toHaveText('My reflections');
  await expect(page.getByText(NOTE)).toBeVisible();
  await expect(page.getByText(/^No notes yet\./)).toHaveCount(0);
  expect(await seen(), 'first-visit state shown to a returning person').toEqual([]);
});

test('a first visit sees the start of the guide on the first screen', async ({ page }) => {
  // The same watch as for a returning person: here it must see what a first visit shows.
  const seen = await neverSeen(page, [{ selector: 'a', text: /^Start the guide$/ }]);
  const release = await holdWasm(page);
  await page.goto('/');
  expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();
  await expect.poll(seen).toEqual(['a "Start the guide" at /']);
  release();
  await ready(page);
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
});

for (const i of [0, MIDDLE, LESSON.cards.length - 1]) {
  const card = LESSON.cards[i];
  test(`no layout shift when the app takes over a card page (card ${i + 1}, ${card.kind}), on a first visit`, async ({ page }) => {
    await noteFirstFrame(page);
    await page.goto(card.path);
    await ready(page);
    await expect(cardHeading(page)).toHaveText(card.title);
    const shifts = await page.evaluate(
      () =>
        new Promise<{ before: number; after: number; sources: string[]; beforeSources: string[] }>((resolve) => {
          const w = window as unknown as { closerShifts: { value: number; at: number; sources: string[] }[]; closerMountedAt: number };
          // Two frames after this one, every shift of the take-over has been reported.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const after = w.closerShifts.filter((s) => s.at >= w.closerMountedAt);
              const before = w.closerShifts.filter((s) => s.at < w.closerMountedAt);
              const sum = (l: { value: number }[]) => l.reduce((a, s) => a + s.value, 0);
              resolve({ before: sum(before), after: sum(after), sources: after.flatMap((s) => s.sources), beforeSources: before.flatMap((s) => s.sources) });
            }),
          );
        }),
    );
    expect.soft(shifts.after, `layout shift after the app took over (moved: ${shifts.sources.join(', ')})`).toBe(0);
    expect.soft(shifts.before, `layout shift of the prerendered page before the app ran (moved: ${shifts.beforeSources.join(', ')})`).toBe(0);
  });
}
