// The journeys a person depends on, written once against a small driver
// interface, run in each engine by firefox.test.mjs and webkit.test.mjs.
//
// A session (one fresh browser profile: no storage, no worker) offers:
//   goto(url), reload(), url()
//   evaluate(fn, arg)   runs a self-contained function in the page, returns JSON
//   element(fn, arg)    the same, returning an element handle (or null)
//   click(handle)       a real click on the element
//   press(key)          one key: 'Tab', 'Enter', 'Space', 'ArrowRight', 'ArrowLeft', 'ArrowDown'
//   type(text)          types text into the focused element, key by key
//   setViewport(w, h), screenshot(file)
//   problems()          console errors, uncaught errors and panics seen so far
//   newTab()            a second window of the same profile, with the same methods
//   answer(prefix, html) answers every request whose URL starts with prefix
//                       with this page, until the function it returns is called
//                       (journeys that need it say needs: 'answer')
//   close()
// Every wait polls for what a person would see, with a timeout; none sleeps.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appStarted, findElement, storedProgress, workerControls } from './page.mjs';

const WAIT_MS = Number(process.env.CLOSER_ENGINES_WAIT_MS ?? 20_000);

export const LESSON = '/lessons/basics/what-is-intimacy';
const LESSON_TITLE = 'What intimacy is';
const CHOICE_CARD = `${LESSON}/which-is-intimate`;
const CHOICE_TITLE = 'Spot the closeness';
const REFLECT_CARD = `${LESSON}/who-knows-you`;
const NOTE = 'Keyboard note: my sister listens & "never" judges.';
// A share code that tests/share_code.rs pins (Sam: picture 4, Physical now
// a little), and the same code with its last character changed.
const SAM_CODE = '040YXNTZA4TG6MV1DQSW6BCG';
const DAMAGED_CODE = '040Y-XNTZ-A4TG-6MV1-DQSW-6BCX';
export const BLOCKED =
  "This browser isn't letting Closer save anything (private browsing can do that). Everything works, but your progress will be forgotten when you close this page.";

/** A RegExp as the page finder takes it. */
const re = (r) => ({ re: r.source, flags: r.flags });

/** The banner that offers a newer build (src/components/update_banner.rs), in either wording. */
export const UPDATE_BANNER = { role: 'text', name: re(/^A new version of Closer/) };

function describe(q) {
  const name = q.name === undefined ? '' : typeof q.name === 'string' ? ` "${q.name}"` : ` /${q.name.re}/`;
  return `${q.role}${q.level ? ` h${q.level}` : ''}${name}${q.within ? ` in ${q.within}` : ''}${q.focused ? ' (focused)' : ''}`;
}

/** Polls `check` until it returns something truthy; fails after WAIT_MS with `what`. */
export async function until(check, what, ms = WAIT_MS) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      // A navigation can tear down the page under a check: try again.
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the element a person would call by this role and name; returns its handle. */
export function see(s, q, ms) {
  return until(() => s.element(findElement, q), describe(q), ms);
}

/** Waits until the app itself (not the prerendered screen) runs and shows a page. */
export function ready(s) {
  return until(() => s.evaluate(appStarted), 'the app to start');
}

async function open(s, url) {
  await s.goto(url);
  await ready(s);
}

/** Presses Tab (only Tab) until the element named by `q` has focus. */
async function tabTo(s, q, max = 40) {
  await see(s, q);
  for (let i = 0; i < max; i++) {
    if (await s.element(findElement, { ...q, focused: true })) return;
    await s.press('Tab');
  }
  throw new Error(`Tab never reached ${describe(q)}`);
}

/** What the focused element shows: it must match :focus-visible and draw the 3 px ring of base.css. */
async function focusRing(s, what) {
  const ring = await s.evaluate(() => {
    const el = document.activeElement;
    const st = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), outline: `${st.outlineStyle} ${st.outlineWidth}`, tag: el.tagName };
  });
  assert.deepEqual(ring, { visible: true, outline: 'solid 3px', tag: ring.tag }, `focus ring on ${what}`);
}

async function click(s, q) {
  await s.click(await see(s, q));
}

const cardAt = (k) => ({ role: 'text', name: re(new RegExp(`^Card ${k} of \\d+$`)) });
const cardHeading = (name) => ({ role: 'heading', level: 2, within: 'article', name });
const LESSON_DONE = { role: 'heading', level: 2, name: 'Lesson complete' };
// A lesson's "Previous", "Next" and "Finish lesson" are links to the cards'
// pages (and to the completion screen), so they work before the app runs.
const LESSON_NAV = 'nav[aria-label="Lesson navigation"]';
const NEXT = { role: 'link', within: LESSON_NAV, name: re(/^Next\b/) };
const FINISH = { role: 'link', within: LESSON_NAV, name: 'Finish lesson' };
const lessonsDone = (k) => ({ role: 'text', name: re(new RegExp(`^${k} of \\d+ lessons done$`)) });

/** Walks the open lesson to "Lesson complete" by clicks. */
async function finishByClicks(s) {
  for (let k = 1; k < 40; k++) {
    await see(s, cardAt(k));
    // A turn from low on the page goes back to the top a frame after the
    // card changes; a click aimed before that scroll lands where the link was.
    await until(() => s.evaluate(() => window.scrollY === 0), `card ${k} scrolled to its top`);
    const finish = await s.element(findElement, FINISH);
    if (finish) {
      await s.click(finish);
      await see(s, LESSON_DONE);
      return;
    }
    await click(s, NEXT);
  }
  throw new Error('the lesson never ended');
}

/** Waits until a service worker controls the page (loads once more if it activated too late to claim it). */
async function controlled(s) {
  await until(() => s.evaluate(() => navigator.serviceWorker.ready.then(() => true)), 'the service worker to be ready');
  try {
    await until(() => s.evaluate(workerControls), 'the worker to claim the page', 5_000);
  } catch {
    await s.reload();
    await ready(s);
    await until(() => s.evaluate(workerControls), 'the worker to control the reloaded page');
  }
}

/**
 * The journeys. `run(s, site)` gets a fresh session and the site to use:
 * `site.origin`, and for `ownServer` journeys `site.stop()` to stop its server.
 * `needs` names an engine capability; an engine without it skips the journey
 * and prints why.
 */
export const JOURNEYS = [
  {
    // Issue #26: the page script (tools/leave-quickly.js) takes the tab back
    // to Closer's first history entry with the Navigation API and replaces
    // it; Firefox ESR has that API (153 does), so Back leaves Closer behind.
    name: '"Leave quickly" after two page loads: a neutral page, and Back leads to the page before Closer',
    needs: 'answer',
    async run(s, { origin }) {
      // By mouse here (Escape twice runs the same code; e2e/safety.spec.ts presses it in Chromium).
      for (const how of ['mouse']) {
        const t = s;
        const title = (want) => until(async () => (await t.evaluate(() => document.title)) === want, `the page titled ${want}`);
        // The page before Closer, on another origin.
        await t.goto(`data:text/html,<title>Before</title><h1>The page before (${how})</h1>`);
        await title('Before');
        // Two pages of Closer, each a history entry of its own (page loads,
        // as a person follows links before the app has started).
        for (const path of ['/data', '/quiz']) {
          await t.evaluate((url) => {
            location.href = url;
            return true;
          }, `${origin}${path}`);
          await until(async () => (await t.evaluate(() => location.pathname)) === path, path);
          await ready(t);
        }
        await see(t, { role: 'heading', level: 2, name: 'Start a quiz' });
        // The neutral page, answered by the test (answering requests only
        // from here: Firefox's interception upsets the app's module imports).
        const stop = await t.answer('https://www.wikipedia.org/', '<title>Neutral</title><h1>A neutral page</h1>');
        await click(t, { role: 'link', name: 'Leave quickly' });
        await title('Neutral');
        assert.equal(await t.evaluate(() => location.href), 'https://www.wikipedia.org/', `left by ${how}`);
        await stop();
        await t.evaluate(() => {
          history.back();
          return true;
        });
        await title('Before');
        assert.equal(await t.evaluate(() => document.querySelector('h1').textContent), `The page before (${how})`);
      }
    },
  },
  {
    name: 'the home page, then a lesson by its deep link',
    async run(s, { origin }) {
      await open(s, `${origin}/`);
      await see(s, { role: 'heading', level: 1, name: 'Closer' });
      await see(s, { role: 'link', name: re(/^Start the guide/) });
      await see(s, lessonsDone(0));
      await see(s, { role: 'progressbar' });
      // Without a card, a lesson never opened starts at its first card, and the URL says which.
      await open(s, `${origin}${LESSON}`);
      await see(s, { role: 'heading', level: 1, name: LESSON_TITLE });
      await see(s, cardAt(1));
      await until(async () => new URL(await s.url()).pathname === `${LESSON}/definition`, 'the URL of the first card');
      // A link to one card opens that card.
      await open(s, `${origin}${CHOICE_CARD}`);
      await see(s, { role: 'heading', level: 1, name: LESSON_TITLE });
      await see(s, cardHeading(CHOICE_TITLE));
      await see(s, cardAt(4));
      assert.equal(new URL(await s.url()).pathname, CHOICE_CARD);
    },
  },
  {
    name: 'a lesson walked to its end with the keyboard only',
    async run(s, { origin }) {
      await open(s, `${origin}${LESSON}`);
      // A first load leaves focus at the document's start (review m12): the
      // first Tab reaches "Skip to content", which moves on to the content.
      await see(s, { role: 'heading', level: 1, name: LESSON_TITLE });
      await until(async () => (await s.evaluate(() => document.activeElement === document.body)), 'focus at the start of the document');
      await s.press('Tab');
      await see(s, { role: 'link', name: 'Skip to content', focused: true });
      await s.press('Enter');
      // Nothing comes before the first card: its "Previous" is a link that says it goes nowhere.
      const previous = await s.evaluate(() => {
        const a = [...document.querySelectorAll('nav[aria-label="Lesson navigation"] a')].find((el) => el.innerText.includes('Previous'));
        return a ? { disabled: a.getAttribute('aria-disabled'), role: a.getAttribute('role'), href: a.hasAttribute('href') } : null;
      });
      assert.deepEqual(previous, { disabled: 'true', role: 'link', href: false }, 'the first card\'s "Previous"');
      for (let k = 1; k < 40; k++) {
        await see(s, cardAt(k));
        if (await s.element(findElement, { role: 'radio', within: 'article' })) {
          await tabTo(s, { role: 'radio', within: 'article' });
          await focusRing(s, 'an option');
          await s.press('Space');
          const checked = () => s.evaluate(() => [...document.querySelectorAll('article input[type=radio]')].findIndex((r) => r.checked));
          await until(async () => (await checked()) === 0, 'the first option checked');
          // Arrow keys move within the group and select; the card stays put.
          await s.press('ArrowDown');
          await until(async () => (await checked()) === 1, 'the second option checked by ArrowDown');
          await see(s, { role: 'radio', within: 'article', focused: true });
          await see(s, cardAt(k));
          await tabTo(s, { role: 'button', name: 'Check' });
          await focusRing(s, 'Check');
          await s.press('Enter');
          await see(s, { role: 'status', within: 'article', name: re(/^(✓ Right\.|✗ Not quite\.) ./) });
        }
        if (await s.element(findElement, { role: 'textbox', within: 'article' })) {
          await tabTo(s, { role: 'textbox', within: 'article' });
          await s.type(NOTE);
          // Arrow keys edit the text; they do not turn the card.
          await s.press('ArrowRight');
          await see(s, cardAt(k));
          await until(async () => (await s.evaluate(() => document.querySelector('article textarea').value)) === NOTE, 'the note typed');
        }
        if (await s.element(findElement, FINISH)) {
          await tabTo(s, FINISH);
          await s.press('Enter');
          break;
        }
        if (k === 1) {
          // The key the lesson's hint names: → turns the card.
          await s.press('ArrowRight');
        } else {
          await tabTo(s, NEXT);
          await focusRing(s, 'Next');
          await s.press('Enter');
        }
        // Each new card takes focus, so a screen reader reads it.
        await see(s, cardAt(k + 1));
        await see(s, { ...cardHeading(undefined), focused: true });
      }
      await see(s, { ...LESSON_DONE, focused: true });
      // ← goes back to the last card, → returns.
      await s.press('ArrowLeft');
      await see(s, FINISH);
      await s.press('ArrowRight');
      await see(s, { ...LESSON_DONE, focused: true });
      await tabTo(s, { role: 'link', name: 'Back to all lessons' });
      await focusRing(s, 'a link');
      await s.press('Enter');
      await see(s, lessonsDone(1));
      await see(s, { role: 'heading', level: 1, name: 'Closer', focused: true });
      // The note was saved as it was typed: the card shows it after a reload.
      await open(s, `${origin}${REFLECT_CARD}`);
      await until(async () => (await s.evaluate(() => document.querySelector('article textarea')?.value)) === NOTE, 'the note kept');
    },
  },
  {
    name: 'a choice card answered, with its feedback',
    async run(s, { origin }) {
      await open(s, `${origin}${CHOICE_CARD}`);
      await see(s, cardHeading(CHOICE_TITLE));
      const check = await see(s, { role: 'button', name: 'Check', within: 'article' });
      const checkDisabled = () => s.evaluate(() => [...document.querySelectorAll('article button')].find((b) => b.innerText.trim() === 'Check')?.disabled);
      assert.equal(await checkDisabled(), true, 'Check waits for a choice');
      const labels = await s.evaluate(() => [...document.querySelectorAll('article input[type=radio]')].map((r) => r.labels[0].innerText.replace(/\s+/g, ' ').trim()));
      assert.ok(labels.length >= 2, `options: ${JSON.stringify(labels)}`);
      await click(s, { role: 'radio', within: 'article', name: labels[labels.length - 1] });
      await until(() => s.evaluate(() => document.querySelector('article input[type=radio]:checked')?.labels[0].innerText), 'the option checked');
      await until(async () => (await checkDisabled()) === false, 'Check enabled');
      await s.click(check);
      await see(s, { role: 'status', within: 'article', name: re(/^(✓ Right\.|✗ Not quite\.) ./) });
    },
  },
  {
    name: 'a short quiz taken to its results',
    async run(s, { origin }) {
      await open(s, `${origin}/quiz`);
      await see(s, { role: 'heading', level: 2, name: 'Start a quiz' });
      // The section with the fewest questions, by its button's "N questions" note.
      const name = await s.evaluate(() => {
        const buttons = [...document.querySelectorAll('main button')].filter((b) => /\d+ questions?$/.test(b.innerText.trim()) && !b.disabled);
        const n = (b) => Number(b.innerText.trim().match(/(\d+) questions?$/)[1]);
        buttons.sort((a, b) => n(a) - n(b));
        return buttons[0]?.innerText.replace(/\s+/g, ' ').trim() ?? null;
      });
      assert.ok(name, 'a quiz to start');
      await click(s, { role: 'button', name });
      for (let k = 1; k < 60; k++) {
        await see(s, { role: 'text', name: re(new RegExp(`^Question ${k} of \\d+$`)) });
        await see(s, { role: 'group', within: 'article' });
        const kind = await s.evaluate(() => (document.querySelector('article fieldset input[type=checkbox]') ? 'checkbox' : 'radio'));
        await click(s, { role: kind, within: 'article fieldset' });
        await click(s, { role: 'button', name: 'Check' });
        await see(s, { role: 'status', within: 'article', name: re(/Correct\.|Not quite\./) });
        const next = await see(s, { role: 'button', name: re(/^(Next question|See results)$/) });
        const last = (await s.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.innerText.trim() === 'See results')));
        await s.click(next);
        if (last) break;
      }
      await see(s, { role: 'heading', level: 1, name: 'Your results' });
      await until(async () => new URL(await s.url()).pathname === '/quiz/results', 'the results URL');
      await see(s, { role: 'button', name: 'Retry' });
    },
  },
  {
    name: 'progress is kept across a reload',
    async run(s, { origin }) {
      await open(s, `${origin}${LESSON}`);
      await finishByClicks(s);
      await click(s, { role: 'link', name: 'Back to all lessons' });
      await see(s, lessonsDone(1));
      assert.match((await s.evaluate(storedProgress)) ?? '', /^\{"schema":\d+/);
      await s.reload();
      await ready(s);
      await see(s, lessonsDone(1));
      await see(s, { role: 'link', name: re(/^Continue: /) });
      // A lesson half walked is kept too, at its card.
      await open(s, `${origin}${LESSON}`);
      await click(s, NEXT);
      await see(s, cardAt(2));
      await s.reload();
      await ready(s);
      await see(s, cardAt(2));
    },
  },
  {
    name: "a lesson finished in a second window shows as done in the first, without a reload",
    async run(s, { origin }) {
      await open(s, `${origin}/`);
      await see(s, lessonsDone(0));
      const other = await s.newTab();
      await open(other, `${origin}${LESSON}`);
      await finishByClicks(other);
      // The second window's save reaches the first through the storage event.
      await see(s, lessonsDone(1));
      await see(s, { role: 'link', name: re(/^Continue: /) });
      assert.deepEqual(await other.problems(), [], 'console errors, uncaught errors or panics in the second window');
    },
  },
  {
    name: 'the worker installs, and with the server stopped a reload still opens a lesson',
    needs: 'serviceWorker',
    ownServer: true,
    async run(s, site) {
      await open(s, `${site.origin}/`);
      await controlled(s);
      await site.stop();
      // The server is gone: everything below comes from the worker's cache.
      await open(s, `${site.origin}${CHOICE_CARD}`);
      await see(s, cardHeading(CHOICE_TITLE));
      await s.reload();
      await ready(s);
      await see(s, cardHeading(CHOICE_TITLE));
      await click(s, NEXT);
      await see(s, cardAt(5));
    },
  },
  {
    name: 'a new deploy is offered, never swapped under the open page, and taken on Reload',
    needs: 'serviceWorker',
    ownCopy: true,
    // The one journey where "A new version of Closer" is expected.
    deploys: true,
    async run(s, site) {
      await open(s, `${site.origin}${LESSON}`);
      await controlled(s);
      await see(s, cardAt(1));
      // Deploy a second build to the same origin: a new worker (new build id) and a new page.
      const sw = join(site.dir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const BUILD = "[^"]+"/, 'const BUILD = "second-build"'));
      // Every page the build wrote (index.html and the prerendered ones).
      for (const file of readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
        const page = join(site.dir, file);
        const html = readFileSync(page, 'utf8');
        // The page names its build in a meta tag where the build writes one; otherwise the test adds it.
        const named = html.match(/<meta name="closer-build" content="([^"]+)"/);
        writeFileSync(
          page,
          named
            ? html.replace(`content="${named[1]}"`, 'content="second-build"')
            : html.replace('<title>', '<meta name="closer-build" content="second-build" /><title>'),
        );
      }
      const build = () => s.evaluate(() => document.querySelector('meta[name="closer-build"]')?.content ?? null);
      // Browsers look for a new worker on navigation and now and then; ask now.
      await s.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true));
      await see(s, { role: 'text', name: re(/^A new version of Closer is ready/) });
      // The open page keeps working, on the old build.
      await click(s, NEXT);
      await see(s, cardAt(2));
      assert.notEqual(await build(), 'second-build');
      await click(s, { role: 'button', name: 'Reload' });
      await until(async () => (await build()) === 'second-build', 'the new build to load');
      await ready(s);
      await see(s, cardAt(2));
      // Only the new build's cache is left (other caches, without the build prefix, are the worker's own).
      const buildCaches = () => s.evaluate(() => caches.keys().then((ks) => ks.filter((k) => k.startsWith('closer-'))));
      await until(async () => JSON.stringify(await buildCaches()) === '["closer-second-build"]', 'only the new cache left');
    },
  },
  {
    name: 'a share link shows what was shared, leaves the address without the answers and stores nothing; a damaged code is refused',
    async run(s, { origin }) {
      await open(s, `${origin}/compare#${SAM_CODE}`);
      await see(s, { role: 'heading', level: 2, name: 'Sam shared a check-in' });
      assert.equal(await s.evaluate(() => location.hash), '', 'the fragment is gone from the address');
      assert.equal(await s.evaluate(() => location.pathname), '/compare');
      await see(s, { role: 'text', name: 'They chose picture 4 of 7: overlapping by about half.' });
      assert.equal(await s.evaluate(storedProgress), null, 'opening a link stores nothing');
      await click(s, { role: 'button', name: 'Close without keeping' });
      await see(s, { role: 'status', name: 'Their answers were closed. Nothing of theirs was kept.' });
      await see(s, { role: 'textbox', name: 'Code or link' });
      // Pasted, as a person does with a code they were sent (WebKitWebDriver's
      // key-by-key typing dropped characters here on a loaded machine).
      await s.evaluate((code) => {
        const field = document.getElementById('code');
        field.value = code;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      }, DAMAGED_CODE);
      await until(async () => (await s.evaluate(() => document.getElementById('code').value)) === DAMAGED_CODE, 'the code pasted');
      await click(s, { role: 'button', name: 'Open' });
      await see(s, { role: 'text', name: re(/^This code is damaged: a character is wrong or missing\./) });
      assert.equal(await s.evaluate(storedProgress), null, 'a refused code stores nothing');
      await s.reload();
      await ready(s);
      await see(s, { role: 'textbox', name: 'Code or link' });
      assert.equal(await s.evaluate(() => location.hash), '', 'a reload does not bring the answers back');
    },
  },
  {
    name: 'storage blocked (the getter throws): the app starts, works and says so',
    blockStorage: true,
    async run(s, { origin }) {
      await open(s, `${origin}/`);
      assert.equal(await s.evaluate(() => { try { void localStorage; return 'readable'; } catch (e) { return e.name; } }), 'SecurityError');
      await see(s, { role: 'text', within: '[role=status]', name: BLOCKED });
      await click(s, { role: 'link', name: re(/^Start the guide/) });
      await finishByClicks(s);
      await click(s, { role: 'link', name: 'Back to all lessons' });
      await see(s, lessonsDone(1));
      await see(s, { role: 'text', within: '[role=status]', name: BLOCKED });
    },
  },
];

/** Waits until no animation or transition runs (a card fades in when it arrives). */
function settled(s) {
  return until(() => s.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running')), 'animations to end');
}

/** Home, a lesson and the quiz at phone width, for a person to look at. */
export async function screenshots(s, origin, dir, engine) {
  mkdirSync(dir, { recursive: true });
  await s.setViewport(390, 844);
  const shots = [
    ['home', '/'],
    ['lesson', CHOICE_CARD],
    ['quiz', '/quiz'],
  ];
  for (const [what, path] of shots) {
    await open(s, `${origin}${path}`);
    await see(s, { role: 'heading', level: 1 });
    await settled(s);
    await s.screenshot(join(dir, `${engine}-${what}.png`));
  }
  // The quiz mid-question, with feedback, too.
  await click(s, { role: 'button', name: re(/^Everything/) });
  await see(s, { role: 'group', within: 'article' });
  const kind = await s.evaluate(() => (document.querySelector('article fieldset input[type=checkbox]') ? 'checkbox' : 'radio'));
  await click(s, { role: kind, within: 'article fieldset' });
  await click(s, { role: 'button', name: 'Check' });
  await see(s, { role: 'status', within: 'article', name: re(/Correct\.|Not quite\./) });
  await settled(s);
  await s.screenshot(join(dir, `${engine}-question.png`));
}
