// At phone width nothing may scroll sideways: a person reading on a phone
// should never have to pan. Checked on every kind of page, light and dark.
import { expect, open, test } from './helpers';

const PAGES = ['/', '/lessons/kinds/physical/which', '/lessons/basics/what-is-intimacy/done', '/quiz', '/quiz/results', '/data', '/no/such/page'];

for (const scheme of ['light', 'dark'] as const) {
  test(`no page is wider than a 390 px phone (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of PAGES) {
      await open(page, path);
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      });
      expect(wide, `${path} overflows`).toEqual([]);
    }
  });
}
