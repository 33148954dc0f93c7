// Phase "interactions": latency of "Next" in a lesson and "Check" in the quiz
// at 4x CPU, two ways of timing (lib/chromium.mjs, initScript), with the
// memory phase's figures taken before and after the walk.
import { CPU_THROTTLE, MOBILE, RUNS, log } from '../lib/config.mjs';
import { appStarted, initScript, noServiceWorker } from '../lib/chromium.mjs';
import { median, quantile, round } from '../lib/stats.mjs';
import { LATENCY_BUDGET_METHOD } from '../lib/budgets.mjs';
import { memoryNow } from './memory.mjs';

// The two ways of timing a click (initScript); the budget applies to one (lib/budgets.mjs).
const MODES = ['aligned', 'frame'];

/** One timed "Next" in the open lesson. */
async function timedNext(page, mode) {
  return page.evaluate(async (mode) => {
    const pos = document.getElementById('lesson-position').textContent.trim();
    const [, k, n] = pos.match(/^Card (\d+) of (\d+)$/);
    const want = `Card ${Number(k) + 1} of ${n}`;
    // "Next" is a link to the next card's page (`<a rel="next">Next →</a>`), which the router takes over.
    const next = [...document.querySelectorAll('main a')].find((a) => /^Next(\s*→)?$/.test(a.textContent.trim()));
    await window.__bench.settle(mode);
    return window.__bench.timeClick(
      next,
      // Leptos updates the card in place (same <article>, new text), so wait for the new position.
      () => document.getElementById('lesson-position')?.textContent.trim() === want && !!document.querySelector('main article.card h2'),
      mode,
    );
  }, mode);
}

/**
 * The state of the lesson screen: which links are there. "Next" and "Finish
 * lesson" are links (`main a`), as is "Next lesson: …" on the completion
 * screen, which "Next" must not match.
 */
async function lessonScreen(page) {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll('main a')].map((a) => a.textContent.trim());
    const nextLesson = [...document.querySelectorAll('main a')].find((a) => a.textContent.trim().startsWith('Next lesson'));
    return {
      position: document.getElementById('lesson-position')?.textContent.trim() ?? null,
      hasNext: links.some((t) => /^Next(\s*→)?$/.test(t)),
      hasFinish: links.includes('Finish lesson'),
      nextLesson: nextLesson ? new URL(nextLesson.href).pathname : null,
      path: location.pathname,
    };
  });
}

async function clickAndWait(page, clickFn, waitFn, arg) {
  await page.evaluate(clickFn, arg);
  await page.waitForFunction(waitFn, arg, { timeout: 20000 });
}

/** Walks every lesson card by card to "Lesson complete", timing each "Next". */
async function walkLessons(page, base, lessons, samples) {
  let done = 0;
  for (const lesson of lessons) {
    const here = await lessonScreen(page);
    const key = lesson.match(/\/lessons\/[^/]+\/[^/]+/)?.[0] ?? lesson;
    if (here.nextLesson?.includes(`${key}/`)) {
      // The completion screen links the next lesson: follow it like a person would.
      await clickAndWait(
        page,
        () => [...document.querySelectorAll('main a')].find((a) => a.textContent.trim().startsWith('Next lesson')).click(),
        () => /^Card 1 of \d+$/.test(document.getElementById('lesson-position')?.textContent.trim() ?? ''),
      );
    } else {
      await page.goto(new URL(lesson.slice(1), base).href);
      await appStarted(page);
      await page.waitForFunction(() => /^Card 1 of \d+$/.test(document.getElementById('lesson-position')?.textContent.trim() ?? ''));
    }
    for (let guard = 0; guard < 100; guard++) {
      const s = await lessonScreen(page);
      if (s.hasNext) {
        samples.push(await timedNext(page, MODES[samples.length % 2]));
      } else if (s.hasFinish) {
        await clickAndWait(
          page,
          () => [...document.querySelectorAll('main a')].find((a) => a.textContent.trim() === 'Finish lesson').click(),
          () => document.getElementById('lesson-position')?.textContent.trim() === 'Lesson complete',
        );
        done++;
        break;
      } else {
        throw new Error(`lesson ${lesson}: neither Next nor Finish at ${s.path} (${s.position})`);
      }
    }
  }
  return done;
}

/** Opens /quiz (in the app) and starts "Everything"; returns its number of questions. */
async function startEverything(page) {
  const onQuizHome = await page.evaluate(() => location.pathname.endsWith('/quiz'));
  if (!onQuizHome) {
    await clickAndWait(
      page,
      () => [...document.querySelectorAll('a')].find((a) => new URL(a.href).pathname.endsWith('/quiz') && a.textContent.trim() !== '').click(),
      () => [...document.querySelectorAll('main button')].some((b) => /^Everything/.test(b.textContent.trim())),
    );
  }
  await clickAndWait(
    page,
    () => [...document.querySelectorAll('main button')].find((b) => /^Everything/.test(b.textContent.trim())).click(),
    () => /^Question 1 of \d+$/.test(document.getElementById('quiz-position')?.textContent.trim() ?? ''),
  );
  return page.evaluate(() => Number(document.getElementById('quiz-position').textContent.match(/of (\d+)/)[1]));
}

/** Answers the question on screen: picks the first option, then a timed "Check"; then moves on. */
async function answerQuestion(page, mode) {
  await clickAndWait(
    page,
    () => document.querySelector('main fieldset.choice input').click(),
    () => {
      const b = [...document.querySelectorAll('main button')].find((x) => x.textContent.trim() === 'Check');
      return b && !b.disabled;
    },
  );
  const timing = await page.evaluate(async (mode) => {
    const check = [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === 'Check');
    await window.__bench.settle(mode);
    return window.__bench.timeClick(
      check,
      () =>
        !!document.querySelector('main .feedback-region .feedback') &&
        [...document.querySelectorAll('main button')].some((b) => /^(Next question|See results)$/.test(b.textContent.trim())),
      mode,
    );
  }, mode);
  const last = await page.evaluate(() => [...document.querySelectorAll('main button')].some((b) => b.textContent.trim() === 'See results'));
  const pos = await page.evaluate(() => document.getElementById('quiz-position').textContent.trim());
  await clickAndWait(
    page,
    () => [...document.querySelectorAll('main button')].find((b) => /^(Next question|See results)$/.test(b.textContent.trim())).click(),
    ([wasLast, was]) =>
      wasLast
        ? document.querySelector('main h1')?.textContent.trim() === 'Your results'
        : /^Question \d+ of \d+$/.test(document.getElementById('quiz-position')?.textContent.trim() ?? '') &&
          document.getElementById('quiz-position').textContent.trim() !== was,
    [last, pos],
  );
  return { timing, last };
}

export async function measureInteractions(browser, app) {
  const context = await browser.newContext({ ...MOBILE, reducedMotion: 'reduce' });
  await context.addInitScript(initScript);
  // No service worker here: its install would compete for the throttled CPU.
  await context.addInitScript(noServiceWorker);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });

  await page.goto(app.url);
  await appStarted(page);
  const afterStart = await memoryNow(page, cdp);
  const lessons = await page.evaluate(() => [...document.querySelectorAll('.path a.step-link')].map((a) => new URL(a.href).pathname));
  if (!lessons.length) throw new Error('no lessons on the home page (.path a.step-link)');

  // The two methods alternate click by click, so both see the same app and machine.
  const enough = (xs) => MODES.every((m) => xs.filter((x) => x.mode === m).length >= RUNS.latency);
  const next = [];
  log(`latency: walking ${lessons.length} lessons (CPU ${CPU_THROTTLE}x)`);
  let lessonsDone = await walkLessons(page, app.url, lessons, next);
  while (!enough(next)) {
    // More "Next" clicks than the course has cards: walk again.
    lessonsDone += await walkLessons(page, app.url, lessons, next);
  }

  log('latency: the whole "Everything" quiz');
  const check = [];
  let questions = await startEverything(page);
  let answered = 0;
  for (;;) {
    const { timing, last } = await answerQuestion(page, MODES[check.length % 2]);
    check.push(timing);
    answered++;
    if (last) break;
  }
  if (answered !== questions) throw new Error(`quiz: answered ${answered} of ${questions}`);
  const afterWalk = await memoryNow(page, cdp);
  // More "Check" clicks than one quiz has questions: new quizzes until there are enough.
  while (!enough(check)) {
    log('latency: another quiz');
    questions = await startEverything(page);
    for (;;) {
      const { timing, last } = await answerQuestion(page, MODES[check.length % 2]);
      check.push(timing);
      if (last || enough(check)) break;
    }
  }
  await context.close();

  const summary = (all, mode) => {
    const xs = all.filter((x) => x.mode === mode);
    const v = xs.map((x) => x.value);
    return {
      n: xs.length,
      p50: round(median(v), 2),
      p95: round(quantile(v, 0.95), 2),
      max: round(Math.max(...v), 2),
      paintP50: round(median(xs.map((x) => x.paint)), 2),
      paintP95: round(quantile(xs.map((x) => x.paint), 0.95), 2),
      // Aligned clicks whose update missed their own frame (t1 at a later frame).
      missedOwnFrame: mode === 'aligned' ? xs.filter((x) => x.frame != null).length : undefined,
      samples: xs.map((x) => ({ dom: round(x.dom, 2), frame: round(x.frame, 2), paint: round(x.paint, 2) })),
    };
  };
  const both = (xs) => ({ aligned: summary(xs, 'aligned'), frame: summary(xs, 'frame') });
  return {
    latency: {
      cpuThrottle: CPU_THROTTLE,
      budgeted: LATENCY_BUDGET_METHOD,
      methods: {
        aligned: 'click at the start of a frame (rAF callback) to the end of that frame\'s rendering (or of the first frame after the update)',
        frame: 'click at a random point of a frame; MutationObserver, then the next requestAnimationFrame (includes 0-16.7 ms of frame clock)',
      },
      next: both(next),
      check: both(check),
    },
    memory: { lessonsWalked: lessonsDone, lessons: lessons.length, quizQuestions: answered, afterStart, afterWalk },
    pageErrors: errors,
  };
}
