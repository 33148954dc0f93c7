import { chromium } from 'playwright';
import { readdirSync } from 'node:fs';
const files = readdirSync('dist/es', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ locale: 'es-ES' });
const page = await ctx.newPage();
const EN = /\b(the|and|your|you|with|this|that|what|lesson|lessons|card|check|next|previous|share|open|close|save|saved|notes?|quiz)\b/i;
const found = new Map();
for (const f of files.filter((f, i) => !f.startsWith('lessons/') || i % 3 === 0)) {
  const url = 'http://127.0.0.1:4310/es/' + f.replace(/index\.html$/, '').replace(/\.html$/, '');
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 15000 }).catch(() => {});
  const text = await page.evaluate(() => document.body.innerText + '\n' + [...document.querySelectorAll('[aria-label],[title],[placeholder]')].map((e) => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || '') + ' ' + (e.getAttribute('placeholder') || '')).join('\n'));
  for (const line of text.split('\n')) if (EN.test(line) && line.length < 300) found.set(line.trim(), url);
}
for (const [l, u] of found) console.log(JSON.stringify(l).slice(0, 160), u);
await browser.close();
