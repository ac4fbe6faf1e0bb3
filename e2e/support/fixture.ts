// The one test fixture every spec uses: a page that fails its test on any console
// error, uncaught exception or failed request the app did not expect (a 403 the app
// asked for, a 404 for a missing favicon, a broken chunk). A spec that provokes a
// refusal on purpose (a wrong password) says so first with `expectFailure`.
import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page, Response } from '@playwright/test';

export interface ExpectedFailure {
  readonly status: number;
  readonly method?: string;
  readonly url: RegExp;
}

interface Watch {
  readonly problems: string[];
  readonly expected: ExpectedFailure[];
}

const watches = new WeakMap<Page, Watch>();

function expectedResponse(watch: Watch, response: Response): boolean {
  return watch.expected.some((e) => e.status === response.status() && e.url.test(response.url()) && (!e.method || e.method === response.request().method()));
}

/** Starts recording what goes wrong on a page (the fixture does it for `page`; call it for pages of other contexts). */
export function watchPage(page: Page): Page {
  if (watches.has(page)) return page;
  const watch: Watch = { problems: [], expected: [] };
  watches.set(page, watch);
  page.on('response', (response) => {
    if (response.status() >= 400 && !expectedResponse(watch, response)) {
      watch.problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // A download handed to the browser, or a request the page dropped on navigation, is no failure.
    if (/ERR_ABORTED/.test(error)) return;
    watch.problems.push(`failed ${request.method()} ${request.url()}: ${error}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser logs every 4xx it receives; an expected one is not a problem.
    const location = message.location().url;
    // The report preview is a sandboxed frame that may run no script, by design: the browser
    // logs the test tool's own probes into it as blocked. That is the sandbox working.
    if (location === 'about:srcdoc' && /^Blocked script execution in 'about:srcdoc'/.test(message.text())) return;
    if (/Failed to load resource/.test(message.text()) && watch.expected.some((e) => e.url.test(location))) return;
    if (/Failed to load resource/.test(message.text()) && watch.problems.some((p) => p.includes(location))) return;
    watch.problems.push(`console error: ${message.text()} (${location})`);
  });
  page.on('pageerror', (error) => watch.problems.push(`uncaught: ${error.message}`));
  return page;
}

/** Declares a refusal the test provokes on purpose (the app shows it to the user). */
export function expectFailure(page: Page, failure: ExpectedFailure): void {
  const watch = watches.get(page);
  if (!watch) throw new Error('expectFailure on a page that is not watched');
  watch.expected.push(failure);
}

/** Fails when anything went wrong on the page since it was watched. */
export function expectNoProblems(page: Page): void {
  const watch = watches.get(page);
  if (!watch) return;
  expect(watch.problems, 'console errors and failed requests the app did not expect').toEqual([]);
}

/** A new browser context whose pages are watched; check them with expectNoProblems. */
export async function watchedPage(context: BrowserContext): Promise<Page> {
  return watchPage(await context.newPage());
}

/**
 * What a failed test leaves on screen, printed: CI keeps no trace and no error-context
 * file, only its output, and a failure that shows a refusal (an alert, a toast, an open
 * dialog) or a failed request is diagnosed from these lines alone.
 */
async function printWhatIsShown(page: Page, title: string): Promise<void> {
  if (page.isClosed()) return;
  const texts = async (selector: string) => (await page.locator(selector).allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const lines = [
    `[e2e] "${title}" failed at ${page.url()}`,
    ...(watches.get(page)?.problems ?? []).map((p) => `[e2e] request or console: ${p}`),
    ...(await texts('[role="alert"]')).map((t) => `[e2e] alert: ${t}`),
    ...(await texts('.ant-message-notice')).map((t) => `[e2e] message: ${t}`),
    ...(await texts('[role="dialog"]')).map((t) => `[e2e] dialog: ${t.slice(0, 300)}`),
  ];
  console.log(lines.join('\n'));
}

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    watchPage(page);
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await printWhatIsShown(page, testInfo.title);
    expectNoProblems(page);
  },
});

export { expect };
