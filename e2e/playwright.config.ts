// Playwright for the browser tests: Debian's Chromium (never a downloaded browser),
// one worker (2 shared cores), the server started by scripts/e2e.mjs (BAOCAO_E2E_URL).
// All specs share that server's fresh demo data (March and April 2022 issued, May
// open) and run in file-name order: 9-cycle issues May and June, so it comes after
// the specs that need them open; 9z-legacy-import then reopens April to import over it.
// Each spec sets its viewport (1440 or 390 px); every page is watched by the fixture
// in support/fixture.ts, which fails a test on a console error or an unexpected request.
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env['BAOCAO_CHROMIUM'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../test-output/playwright',
  timeout: 240_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env['BAOCAO_E2E_URL'] ?? 'http://127.0.0.1:3000',
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    // The app turns its animations off for users who ask for less motion (main.tsx).
    // Clicks then never land during a dialog's zoom or a drawer's slide, where the
    // point Playwright computed from the moving box can fall on the mask instead (a
    // dialog's Ban hành closed it without issuing, one run in five on two busy cores).
    reducedMotion: 'reduce',
    // A click on something that never comes fails in seconds, not at the test's timeout.
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    // A trace records every action's screenshot and page: a third of the suite's time on
    // two cores. Kept for local runs, where a failure's trace can be opened; in CI only
    // the printed error and page snapshot ever reach anyone.
    trace: process.env['CI'] === 'true' ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
