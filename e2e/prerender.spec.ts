// The home page that the build writes into index.html (src/site.rs) must be
// the app's own home page, element for element, or the hand-over from the
// static first screen to the app would shift or change what a person sees.
import type { Page } from '@playwright/test';
import { expect, ready, seedStorage, test } from './helpers';

test("the prerendered home page is the app's home page", async ({ page, request }) => {
  // What the build wrote, as a first visit receives it.
  const html = await (await request.get('/')).text();
  expect(html, 'index.html holds a prerendered first screen').toContain('<div id="prerender"');

  await page.goto('/');
  await ready(page);
  const [prerendered, mounted] = await page.evaluate((source) => {
    // A canonical text form of a subtree: tags, sorted attributes, collapsed text; no comments.
    const canon = (root: Node): string => {
      const out: string[] = [];
      // Adjacent text nodes read as one text, as a person (and a screen reader) gets them.
      const children = (node: Node, depth: number) => {
        let text = '';
        const flush = () => {
          const t = text.replace(/\s+/g, ' ').trim();
          if (t) out.push('  '.repeat(depth) + JSON.stringify(t));
          text = '';
        };
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
          else if (child instanceof Element) {
            flush();
            element(child, depth);
          }
        }
        flush();
      };
      const element = (node: Element, depth: number) => {
        const tag = node.tagName.toLowerCase();
        // Not part of the app: the loader, styles, and the no-JavaScript message.
        if (['script', 'link', 'style', 'noscript'].includes(tag) || node.id === 'prerender') return;
        const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
        out.push('  '.repeat(depth) + `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`);
        children(node, depth + 1);
      };
      children(root, 0);
      return out.join('\n');
    };
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return [canon(doc.getElementById('prerender')!), canon(document.body)];
  }, html);
  expect(mounted.split('\n').length).toBeGreaterThan(50);
  expect(prerendered).toBe(mounted);
});

/**
 * Holds the wasm back, as a slow phone's network does, so the prerendered
 * screen stays on; the returned function lets it through.
 */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('a returning person never sees a first visit\'s state on the first screen', async ({ page }) => {
  await seedStorage(page, {
    'closer.progress': JSON.stringify({
      schema: 3,
      lessons: { 'basics/what-is-intimacy': { card: 'closeness', completed: false, updated: 1 } },
      last_lesson: 'basics/what-is-intimacy',
      last_opened_at: 1,
      responses: {},
      quiz: {},
    }),
  });
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Closer' })).toBeVisible();
  expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
  // What a first visitor sees is there, but neither shown nor reachable.
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeHidden();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeHidden();
  await expect(page.getByText('Not started').first()).toBeHidden();
  // Titles and summaries of the path are not state: they show.
  await expect(page.locator('#section-basics')).toBeVisible();
  await expect(page.locator('.step-link').first()).toBeVisible();

  release();
  await ready(page);
  await expect(page.getByRole('link', { name: /^Continue: / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start the guide' })).toHaveCount(0);
});

test('a first visit sees the start of the guide on the first screen', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons done$/)).toBeVisible();
  release();
  await ready(page);
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
});
