// Playwright against a development build (`make test-dev`): what `trunk
// serve` gives a developer (a debug wasm, no prerendered pages, a worker
// that removes itself), built into dist-dev/ by `trunk build --dist dist-dev`
// and served on a port of its own. Its one spec (e2e-dev/) checks that the
// cards and the quiz show their words, which come from files the build's
// post-build hook writes in development too.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// 4175 unless CLOSER_E2E_DEV_PORT says otherwise: never the release build's port.
const PORT = Number(process.env.CLOSER_E2E_DEV_PORT ?? 4175);
// e2e/helpers.ts takes the one origin the app may talk to from CLOSER_E2E_PORT;
// the test workers inherit this.
process.env.CLOSER_E2E_PORT = String(PORT);

export default defineConfig({
  ...base,
  testDir: 'e2e-dev',
  // A debug wasm is several times larger and slower to start than a release.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `node e2e/serve.mjs dist-dev ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never a server left on this port: it could be serving another build.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
