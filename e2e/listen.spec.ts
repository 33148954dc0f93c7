// "Listen": a card or a talk question read aloud by the device's own voices.
// Headless Chromium here may have none, so each test puts a pretend
// speechSynthesis in the page before the app starts: it records what it is
// asked to say, and what is stopped.
import type { Page } from '@playwright/test';
import { contentLessons } from './content-helpers';
import { audit } from './checkin-helpers';
import { cardHeading, expect, nextCard, open, test } from './helpers';

interface Said {
  text: string;
  voice: string | null;
  lang: string;
}

/**
 * A pretend speechSynthesis with these voices (none: an empty list; 'absent':
 * no speech at all). window.__spoken lists what was given to speak,
 * window.__cancelled counts the stops, window.__finish() ends the reading.
 */
async function fakeSpeech(page: Page, voices: { name: string; lang: string; localService: boolean; default: boolean }[] | 'absent'): Promise<void> {
  await page.addInitScript((voices) => {
    const w = window as unknown as Record<string, unknown>;
    if (voices === 'absent') {
      delete (Window.prototype as unknown as Record<string, unknown>).speechSynthesis;
      delete w.speechSynthesis;
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    const spoken: unknown[] = [];
    let cancelled = 0;
    let current: { onend: ((e: unknown) => void) | null; onerror: ((e: unknown) => void) | null } | null = null;
    class Utterance {
      text: string;
      voice: { name: string } | null = null;
      lang = '';
      onend: ((e: unknown) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name })),
      speak(u: Utterance) {
        current = u;
        synth.speaking = true;
        spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null, lang: u.lang });
      },
      cancel() {
        cancelled += 1;
        const u = current;
        current = null;
        synth.speaking = false;
        if (u) setTimeout(() => u.onerror?.({ error: 'interrupted' }), 0);
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = Utterance;
    Object.defineProperty(window, '__spoken', { get: () => spoken });
    Object.defineProperty(window, '__cancelled', { get: () => cancelled });
    w.__finish = () => {
      const u = current;
      current = null;
      synth.speaking = false;
      u?.onend?.({});
    };
  }, voices);
}

const VOICES = [
  { name: 'A voice on a server', lang: 'en-GB', localService: false, default: true },
  { name: 'German on the device', lang: 'de-DE', localService: true, default: false },
  { name: 'English on the device', lang: 'en-US', localService: true, default: false },
];

const spoken = (page: Page): Promise<Said[]> => page.evaluate(() => (window as unknown as { __spoken: Said[] }).__spoken);
const cancelled = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled);

const lessons = contentLessons();
const FIRST = lessons[0];
const CHOICE = lessons.flatMap((l) => l.cards).find((c) => c.kind === 'choice')!;

test('Listen reads the card, heading first, with an English voice on the device; the button stops it, and Next stops it', async ({ page }) => {
  await fakeSpeech(page, VOICES);
  await open(page, FIRST.cards[0].path);
  const card = page.getByRole('article');
  const listen = card.getByRole('button', { name: 'Listen to this card' });
  await expect(listen).toBeVisible();
  await audit(page, 'a card with Listen');
  await listen.click();
  const stop = card.getByRole('button', { name: 'Stop reading' });
  await expect(stop).toBeVisible();
  const [said] = await spoken(page);
  expect(said.voice, 'the local English voice, not the server one nor German').toBe('English on the device');
  expect(said.lang).toBe('en-US');
  const heading = (await cardHeading(page).innerText()).trim();
  expect(said.text.indexOf(heading), 'the heading is read').toBeGreaterThanOrEqual(0);
  const firstWords = FIRST.cards[0].words.slice(0, 40);
  expect(said.text.indexOf(firstWords), 'then the body').toBeGreaterThan(said.text.indexOf(heading));
  expect(said.text).not.toContain('Listen to this card');
  expect(said.text).not.toContain('Stop reading');

  // The same button stops it.
  await stop.click();
  await expect(listen).toBeVisible();
  expect(await cancelled(page)).toBeGreaterThan(0);

  // Reading to the end puts the button back too.
  await listen.click();
  await expect(stop).toBeVisible();
  await page.evaluate(() => (window as unknown as { __finish: () => void }).__finish());
  await expect(listen).toBeVisible();

  // Next while reading stops it, and the new card has its own button.
  await listen.click();
  await expect(stop).toBeVisible();
  const before = await cancelled(page);
  await nextCard(page).click();
  await expect(cardHeading(page)).not.toHaveText(heading);
  await expect.poll(() => cancelled(page), { message: 'the reading stops when the card changes' }).toBeGreaterThan(before);
  await expect(page.getByRole('button', { name: 'Listen to this card' })).toBeVisible();
  expect(await spoken(page)).toHaveLength(3);
});

test('Listen reads a choice card\'s question and options, not its buttons', async ({ page }) => {
  await fakeSpeech(page, VOICES);
  await open(page, CHOICE.path);
  await page.getByRole('button', { name: 'Listen to this card' }).click();
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
  const [said] = await spoken(page);
  const group = page.getByRole('group');
  const legend = (await page.locator('fieldset.choice legend').innerText()).trim();
  expect(said.text).toContain(legend);
  for (const label of await page.locator('fieldset.choice label').allInnerTexts()) {
    expect(said.text, 'every option').toContain(label.trim());
  }
  await expect(group).toBeVisible();
  expect(said.text).not.toMatch(/\bCheck\.?$/);
  expect(said.text).not.toContain('Listen to this card');
});

test('Listen reads the talk deck\'s question, and stops on Next question', async ({ page }) => {
  await fakeSpeech(page, VOICES);
  await open(page, '/talk');
  await page.getByRole('button', { name: 'Begin' }).click();
  const question = page.locator('#talk-question');
  const text = (await question.innerText()).trim();
  await page.getByRole('button', { name: 'Listen to this question' }).click();
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
  expect((await spoken(page))[0].text).toBe(text);
  const before = await cancelled(page);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(question).not.toHaveText(text);
  await expect.poll(() => cancelled(page)).toBeGreaterThan(before);
  await expect(page.getByRole('button', { name: 'Listen to this question' })).toBeVisible();
});

for (const [what, voices] of [
  ['only a voice that would send the text to a server', [VOICES[0]]],
  ['no voices at all', []],
  ['no speech in the browser', 'absent'],
] as const) {
  test(`With ${what}, there is no Listen button: the first card says why, once`, async ({ page }) => {
    await fakeSpeech(page, voices as Parameters<typeof fakeSpeech>[1]);
    await open(page, FIRST.cards[0].path);
    const note = page.getByText('Reading aloud is not available here');
    await expect(note).toBeVisible();
    // The fold one line high; opened, it says how to add a voice.
    await note.click();
    await expect(page.getByText(/install a voice for English/)).toBeVisible();
    if (voices === 'absent') await audit(page, 'a card with the note on missing voices');
    await expect(page.getByRole('button', { name: /Listen/ })).toHaveCount(0);
    // The next card does not say it again.
    await nextCard(page).click();
    await expect(cardHeading(page)).toHaveText(FIRST.cards[1].title);
    await expect(note).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Listen/ })).toHaveCount(0);
  });
}
