// @ts-check
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// A made-up https origin, answered by page.route from the bundle directory: https so the page is
// a secure context (crypto.subtle exists only there), and nothing ever reaches the network.
const ORIGIN = 'https://signet-runtimes.test';

// As the brief for this machine says: Debian's chromium, never a download.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Loads `bundle` as a module in a Chromium page and returns the report of its `runTests()`.
 * @param {{ runtimesDir: string, outDir: string, bundle: string, timeoutMs: number }} options
 * @returns {Promise<{ report?: import('../harness/run-report.js').RunReport, problem?: string }>}
 */
export async function runInChromium({ runtimesDir, outDir, bundle, timeoutMs }) {
  // playwright-core is this package's dependency, not the root's.
  const { chromium } = createRequire(join(runtimesDir, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: timeoutMs });
  try {
    const page = await browser.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>signet runtimes</title>' });
      const file = url.pathname.slice(1);
      if (file !== bundle) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(outDir, file)) });
    });
    await page.goto(`${ORIGIN}/`, { timeout: timeoutMs });
    page.setDefaultTimeout(timeoutMs);
    const report = await page.evaluate(async (path) => {
      const module = await import(path);
      return module.runTests();
    }, `/${bundle}`);
    if (pageErrors.length > 0) return { report, problem: `page errors: ${pageErrors.join('; ')}` };
    return { report };
  } catch (error) {
    return { problem: error instanceof Error ? error.message.split('\n').slice(0, 15).join('\n') : String(error) };
  } finally {
    await browser.close();
  }
}
