// Helpers for the prerendered pages (e2e/prerender.spec.ts, e2e/pages-first.spec.ts):
// holding the wasm back as a slow network does, a canonical text form of a
// page's markup, the first frame the app paints, layout shifts, and a watch
// over every frame for something a person must never see.
import type { Page } from '@playwright/test';

/**
 * Holds the wasm back, as a slow phone's network does, so the prerendered
 * screen stays on; the returned function lets it through.
 */
export async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    // The page may have moved on (a link followed) while its wasm was held.
    await route.continue().catch(() => {});
  });
  return release;
}

/** The wasm never arrives: whatever works, works without the app. */
export async function blockWasm(page: Page): Promise<void> {
  await page.route(/\.wasm$/, () => {
    /* never answered */
  });
}

/** A canonical form of a page's markup, and what it was taken of. */
export interface Canon {
  body: string;
}

/**
 * Installs, in every document of the page, `window.closerCanon(root?)`: a
 * canonical text form of a subtree (document.body by default): tags, sorted
 * attributes, collapsed text, no comments; scripts, styles, links, noscript
 * and the prerendered screen itself left out. It also records
 * `closerFirstFrame` (the body as the first frame after the app's mount
 * paints it), `closerMountedAt`, and `closerShifts` (every layout shift not
 * caused by input, with its time and the elements that moved).
 */
export async function noteFirstFrame(page: Page): Promise<void> {
  await page.addInitScript(() => {
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
    const w = window as unknown as {
      closerCanon: (root?: Node) => string;
      closerFirstFrame?: { body: string };
      closerMountedAt?: number;
      closerShifts: { value: number; at: number; sources: string[] }[];
    };
    w.closerCanon = (root?: Node) => canon(root ?? document.body);
    w.closerShifts = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          startTime: number;
          sources?: { node?: Node | null }[];
        }[]) {
          if (e.hadRecentInput) continue;
          const sources = (e.sources ?? []).map((s) => {
            const n = s.node;
            return n instanceof Element ? `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className ? '.' + String(n.className).split(' ').join('.') : ''}` : String(n?.nodeName);
          });
          w.closerShifts.push({ value: e.value, at: e.startTime, sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {
      /* no layout-shift entries in this browser */
    }
    addEventListener('closer-mounted', () => {
      w.closerMountedAt = performance.now();
      // The app mounts inside an animation frame; a ResizeObserver's first
      // call comes in that same frame, after its layout and before its paint.
      const ro = new ResizeObserver(() => {
        ro.disconnect();
        if (!w.closerFirstFrame) w.closerFirstFrame = { body: canon(document.body) };
      });
      ro.observe(document.documentElement);
    });
  });
}

/** The canonical form of the prerendered screen in a page's HTML (noteFirstFrame must be installed). */
export function prerenderedCanon(page: Page, html: string): Promise<string> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const screen = doc.getElementById('prerender');
    if (!screen) throw new Error('no #prerender in the page');
    return (window as unknown as { closerCanon: (root?: Node) => string }).closerCanon(screen);
  }, html);
}

/** Something a person must never see: elements matching `selector` whose text matches `text`. */
export interface Unseen {
  selector: string;
  text: RegExp;
}

/**
 * Watches every frame the page paints, from the start of each document, for
 * elements (by selector) whose text matches, shown to a person (not hidden by
 * display, visibility or opacity). Returns a function that gives what was
 * seen, once per element kind and address.
 */
export async function neverSeen(page: Page, targets: Unseen[]): Promise<() => Promise<string[]>> {
  await page.addInitScript((t: { selector: string; source: string; flags: string }[]) => {
    const w = window as unknown as { closerSeen: string[] };
    w.closerSeen = [];
    const tick = () => {
      for (const { selector, source, flags } of t) {
        const text = new RegExp(source, flags);
        for (const el of document.querySelectorAll(selector)) {
          const words = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (!text.test(words)) continue;
          if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
          const seen = `${selector} "${words}" at ${location.pathname}`;
          if (!w.closerSeen.includes(seen)) w.closerSeen.push(seen);
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, targets.map(({ selector, text }) => ({ selector, source: text.source, flags: text.flags })));
  return () => page.evaluate(() => (window as unknown as { closerSeen: string[] }).closerSeen);
}
