// Closer in the reader's language: a Spanish browser's first visit opens in
// Spanish, the picker switches (and the choice outlives a reload, a visit
// to the site's root and the network), and a shared check-in opens in each
// reader's own language.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ORIGIN, expect, h1, open, ready, test, watchContext } from './helpers';
import { answers } from './checkin-helpers';
import { FIRST_DAY, encode } from './together-helpers';

const SPANISH_KINDS = ['Física', 'Espiritual', 'Intereses compartidos', 'Emocional', 'Experiencias'];
const ENGLISH_KINDS = ['Physical', 'Spiritual', 'Shared interests', 'Emotional', 'Experiential'];

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

async function lang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

test.describe('with a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('a first visit opens in Spanish, before and after the app starts, and axe finds nothing', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
    expect(await lang(page)).toBe('es');
    // The prerendered page already speaks Spanish: the path of lessons.
    await expect(page.getByRole('link', { name: /Qué es la intimidad/ }).first()).toBeVisible();
    await ready(page);
    await page.getByRole('link', { name: /Qué es la intimidad/ }).first().click();
    await expect(h1(page)).toHaveText('Qué es la intimidad');
    await expect(page.getByRole('heading', { name: 'Una definición de trabajo' })).toBeVisible();
    expect(pathOf(page)).toMatch(/^\/es\/lessons\/basics\/what-is-intimacy/);
    // The installable app's name and description are Spanish too.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest.lang).toBe('es');
    expect(manifest.name).toBe('Closer: una guía interactiva sobre la intimidad');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('the picker switches; the choice outlives a reload and the site root; a Spanish page works offline', async ({ page, context }) => {
    await open(page, '/');
    await expect(page).toHaveURL(/\/es\/$/);
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`${ORIGIN}/`);
    await ready(page);
    expect(await lang(page)).toBe('en');
    await expect(page.getByRole('link', { name: /What intimacy is/ }).first()).toBeVisible();
    // The choice is kept: the root and a reload stay English in a Spanish browser.
    await page.reload();
    await ready(page);
    await expect(page).toHaveURL(`${ORIGIN}/`);
    expect(await lang(page)).toBe('en');
    await open(page, '/quiz');
    await expect(page).toHaveURL(`${ORIGIN}/quiz`);

    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(`${ORIGIN}/es/quiz`);
    await ready(page);
    expect(await lang(page)).toBe('es');
    // Offline: once a Spanish page has been open, the worker keeps Spanish.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          for (const name of await caches.keys()) {
            if (name.startsWith('closer-') && (await (await caches.open(name)).match(new URL('es/index.html', location.origin + '/').href))) return true;
          }
          return false;
        }),
      )
      .toBe(true);
    await context.setOffline(true);
    await page.goto('/es/lessons/kinds/physical');
    await ready(page);
    expect(await lang(page)).toBe('es');
    await expect(h1(page)).toHaveText('Intimidad física');
    await context.setOffline(false);
  });

  test('an English link to a shared check-in opens in Spanish, and an English browser reads the same link in English', async ({ page, browser }) => {
    const code = encode(answers(4, [1, 3], [2, 2], [3, 4], [0, 2], [2, 1]), FIRST_DAY + 3, 'Ana');
    await page.goto(`/compare#${code}`);
    await expect(page).toHaveURL(/\/es\/compare/);
    await ready(page);
    expect(await lang(page)).toBe('es');
    const main = page.getByRole('main');
    for (const k of SPANISH_KINDS) await expect(main.getByText(k, { exact: true }).first()).toBeVisible();
    await expect(main.getByText('Physical', { exact: true })).toHaveCount(0);

    const problems: string[] = [];
    const english = await browser.newContext({ baseURL: ORIGIN, locale: 'en-GB', viewport: { width: 390, height: 844 } });
    watchContext(english, problems);
    await english.addInitScript(() => {
      addEventListener('closer-mounted', () => {
        (window as unknown as { closerStarted: boolean }).closerStarted = true;
      });
    });
    const other = await english.newPage();
    await other.goto(`/compare#${code}`);
    await ready(other);
    expect(pathOf(other)).toBe('/compare');
    expect(await lang(other)).toBe('en');
    for (const k of ENGLISH_KINDS) await expect(other.getByRole('main').getByText(k, { exact: true }).first()).toBeVisible();
    await english.close();
    expect(problems).toEqual([]);
  });
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('the quiz: a question, Check, its feedback, all in Spanish', async ({ page }) => {
    await open(page, '/es/quiz');
    await page.getByRole('button', { name: /^Todo/ }).click();
    await expect(page).toHaveURL(/\/es\/quiz\/play$/);
    await ready(page);
    const group = page.getByRole('main').getByRole('group').first();
    await expect(group).toBeVisible();
    // The session's first question (the order is shuffled): one answer or
    // several, its first option picked.
    const first = group.getByRole('radio').or(group.getByRole('checkbox')).first();
    await first.check();
    await page.getByRole('button', { name: 'Comprobar' }).click();
    // The live feedback speaks Spanish: "Correcto" or the explanation's words.
    await expect(page.getByRole('button', { name: /Siguiente pregunta|Ver resultados/ })).toBeVisible();
    const text = await page.getByRole('main').innerText();
    expect(text).not.toMatch(/\bCheck\b|\bNext question\b/);
  });

  test('a check-in in Spanish: the form, the result with its chart and table, the date from Intl', async ({ page }) => {
    const SCALE_ES = ['Nada', 'Un poco', 'Algo', 'Bastante', 'Mucho'];
    await open(page, '/es/checkin');
    await page.getByLabel(/^¿Quién es\?/).fill('Ana');
    await page.getByRole('button', { name: 'Añadir y revisar' }).click();
    await expect(page).toHaveURL(/\/es\/checkin\/[0-9a-f]+\/new$/);
    await expect(h1(page)).toHaveText('Revisar: Ana');
    await page.getByRole('radio', { name: '4 de 7: superpuestos a medias', exact: true }).check();
    const pairs: [number, number][] = [[1, 3], [2, 2], [3, 4], [0, 2], [2, 1]];
    for (const [i, kind] of SPANISH_KINDS.entries()) {
      const group = page.getByRole('group', { name: kind, exact: true });
      await group.getByRole('group', { name: 'Ahora', exact: true }).getByRole('radio', { name: SCALE_ES[pairs[i][0]], exact: true }).check();
      await group.getByRole('group', { name: 'Deseado', exact: true }).getByRole('radio', { name: SCALE_ES[pairs[i][1]], exact: true }).check();
    }
    await page.getByRole('button', { name: 'Ver el resultado' }).click();
    await expect(h1(page)).toHaveText('Tu revisión: Ana');
    await expect(page).toHaveURL(/\/es\/checkin\/[0-9a-f]+\/results\/[0-9a-f]+$/);
    // The chart's name and the page's words are Spanish; no English is left.
    const main = page.getByRole('main');
    for (const k of SPANISH_KINDS) await expect(main.getByText(k, { exact: true }).first()).toBeAttached();
    const text = await main.innerText();
    expect(text).not.toMatch(/\b(Now|Wished for|Share to compare|Check in)\b/);
    // The relationship's page dates the check-in as Spanish writes dates (Intl).
    await page.goto(page.url().replace(/\/results\/[0-9a-f]+$/, ''));
    await ready(page);
    const month = new Intl.DateTimeFormat('es', { month: 'short', timeZone: 'UTC' }).format(new Date());
    await expect(page.getByRole('main')).toContainText(month.replace('.', ''));
  });

  test('erasing everything forgets the language chosen', async ({ page }) => {
    await open(page, '/data');
    await expect(page).toHaveURL(/\/es\/data$/);
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`${ORIGIN}/data`);
    await ready(page);
    expect(await page.evaluate(() => localStorage.getItem('closer-lang'))).toBe('en');
    await page.getByRole('button', { name: 'Erase everything…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(page.getByText('Everything Closer kept in this browser has been erased.')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('closer-lang'))).toBeNull();
    // The next visit follows the browser again.
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
  });
});
