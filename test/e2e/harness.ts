import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

/** Debian's Chromium (or the one CHROMIUM_PATH names); browsers cannot be downloaded here. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}): install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return found;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
];

export interface Harness {
  browser: Browser;
  baseUrl: string;
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` before the end-to-end tests');
  const server = await serveStatic(RENDERER_DIR);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    baseUrl: server.url,
    origin: new URL(server.url).origin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What a page did that it must not: requests off the app origin, console errors, CSP violations. */
export interface PageWatch {
  offOrigin: string[];
  consoleErrors: string[];
}

export async function newWatchedPage(h: Harness, options: { locale?: string; width?: number; height?: number; context?: BrowserContext } = {}): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
  const context = options.context ?? (await h.browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    serviceWorkers: 'block',
  }));
  const page = await context.newPage();
  const watch: PageWatch = { offOrigin: [], consoleErrors: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== h.origin) {
      watch.offOrigin.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
  return { page, context, watch };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** Opens search with Ctrl+K, types a query and waits for the results; returns the result options. */
export async function searchFor(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('search-input');
  await input.waitFor();
  await input.fill(query);
  const options = page.locator('.search-results [role="option"]');
  await options.first().waitFor();
  return options;
}
