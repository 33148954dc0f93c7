// Playwright runs against the release build in dist/, served like a static host
// (compression, SPA fallback) by e2e/serve.mjs. Chromium is Debian's: this
// machine and CI cannot download Playwright's own browsers.
import { defineConfig } from '@playwright/test';

// 4173 unless CLOSER_E2E_PORT says otherwise (for a second run on a shared machine).
const PORT = Number(process.env.CLOSER_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // The machine has 2 cores, and offline.spec.ts starts its own servers on fixed ports.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // One line per test; the run ends with "N passed".
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    // Service workers stay allowed: offline.spec.ts needs them, and every test
    // gets a fresh context, so no worker or storage carries over between tests.
    serviceWorkers: 'allow',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `node e2e/serve.mjs dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
