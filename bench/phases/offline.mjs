// Phase "offline": a repeat visit with the server stopped (service worker
// only): navigation start to closer-mounted, median.
import { MOBILE, RUNS } from '../lib/config.mjs';
import { appStarted, initScript } from '../lib/chromium.mjs';
import { serve, stop, warm } from '../lib/serve.mjs';
import { median, round } from '../lib/stats.mjs';

export async function measureOffline(browser, site) {
  const server = await serve(site);
  await warm(server, site);
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  let firstVisit;
  try {
    await page.goto(server.url);
    await appStarted(page);
    firstVisit = await page.evaluate(() => window.__bench.started);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker claims every page when it activates: the first visit is controlled, with no reload.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  } finally {
    await stop(server);
  }
  // The server process is gone: every byte below comes from the worker's cache.
  const visits = [];
  for (let i = 0; i < RUNS.offline; i++) {
    await page.goto(server.url);
    await appStarted(page);
    const v = await page.evaluate(() => ({
      started: window.__bench.started,
      controlled: !!navigator.serviceWorker.controller,
      h1: document.querySelector('main h1')?.textContent.trim() ?? null,
    }));
    if (!v.controlled) throw new Error('offline visit: the page is not controlled by the service worker');
    if (!v.h1) throw new Error('offline visit: the app started but drew no h1');
    visits.push(v.started);
  }
  await context.close();
  return { measure: 'navigation start to closer-mounted (the app has replaced the prerendered screen)', runs: visits.length, median: round(median(visits), 1), samples: visits.map((v) => round(v, 1)), firstOnlineVisit: round(firstVisit, 1) };
}
