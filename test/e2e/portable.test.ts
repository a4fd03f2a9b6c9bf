import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../scripts/content/build-artifacts.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { CHROMIUM_FLAGS, chromiumPath, ROOT, SCREENSHOT_DIR, searchFor, shot } from './harness.ts';

/** The portable edition, opened the way a reader opens it from a USB stick: file://, no server. */
const PORTABLE_FILE = path.join(ROOT, 'dist/portable/puente.html');
const FILE_URL = pathToFileURL(PORTABLE_FILE).href;

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(PORTABLE_FILE)) throw new Error('dist/portable/puente.html is missing: run `npm run build:portable` before the end-to-end tests');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Every request the page makes, with the fragment removed; any that is not the file itself is refused. */
interface Watch {
  requests: string[];
  consoleErrors: string[];
  csp: string[];
}

async function openPortable(options: { locale: string }): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({ locale: options.locale, viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const watch: Watch = { requests: [], consoleErrors: [], csp: [] };
  context.on('request', (request) => watch.requests.push(request.url().split('#')[0]));
  await context.route('**/*', (route) => (route.request().url().split('#')[0] === FILE_URL ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
  await page.exposeFunction('reportCsp', (v: string) => watch.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCsp(v: string): void }).reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, watch };
}

const onlyTheFile = (watch: Watch) => watch.requests.filter((url) => url !== FILE_URL);

describe('the portable edition (one HTML file on file://)', () => {
  it('opens in Spanish, reads a chapter, switches to English, searches jancheo and opens the result, with no request but the file', async () => {
    const { context, page, watch } = await openPortable({ locale: 'es-BO' });
    await page.goto(`${FILE_URL}#/es`);
    await page.locator('[data-path]').first().waitFor();
    expect(await page.locator('[data-path]').count()).toBe(3);
    expect(await page.locator('[data-path="ngo"] h3').textContent()).toMatch(/ONG/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    // The top bar's icon comes from the page itself.
    expect(await page.locator('.brand img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => page.locator('.brand img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot(page, 'portable-home-es');

    // A chapter, from the sidebar.
    await page.locator('#sidebar a[href="#/es/work-by-age-and-sex"]').click();
    await page.waitForURL(/#\/es\/work-by-age-and-sex$/);
    await page.locator('main[data-chapter="work-by-age-and-sex"] .chapter-body h2').first().waitFor();
    expect(await page.locator('.references li').count()).toBeGreaterThan(0);
    const esTitle = await page.locator('main h1').textContent();

    // English, on the same chapter (a DOM click: see reader.test.ts).
    await page.getByTestId('lang-switch').evaluate((b: HTMLElement) => b.click());
    await page.waitForURL(/#\/en\/work-by-age-and-sex(\/|$)/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/children do/i);
    expect(await page.locator('main h1').textContent()).not.toBe(esTitle);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'portable-chapter-en');

    // Search, from the embedded index.
    const options = await searchFor(page, 'jancheo');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    await shot(page, 'portable-search-en');
    const target = await options.first().locator('a').getAttribute('href');
    expect(target).toMatch(/^#\/en\//);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === target);
    await page.locator('main h1').waitFor();
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('search-terms')?.size ?? 0)).toBeGreaterThan(0);

    // User data goes to this file's localStorage: the language and a bookmark outlive a reload.
    await page.goto(`${FILE_URL}#/en/baseline`);
    await page.getByTestId('bookmark-chapter').click();
    expect(await page.getByTestId('bookmark-chapter').getAttribute('aria-pressed')).toBe('true');
    await page.goto(FILE_URL);
    await page.waitForURL(/#\/en$/);
    await page.goto(`${FILE_URL}#/en/baseline`);
    await page.reload();
    await page.locator('main[data-chapter="baseline"] h1').waitFor();
    await expect.poll(() => page.getByTestId('bookmark-chapter').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(expect.arrayContaining(['puente.settings']));

    // Saving a file (here an XLSForm) is a download made in the page.
    await page.goto(`${FILE_URL}#/en/household-census`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsform').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    expect(onlyTheFile(watch)).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.csp).toEqual([]);
    await context.close();
  });

  it('holds every chapter, instrument page and workshop module of both languages, and both search indexes', async () => {
    const { context, page, watch } = await openPortable({ locale: 'en-GB' });
    const chapters = buildManifest(loadContent(path.join(ROOT, 'content'))).chapters;
    expect(new Set(chapters.map((c) => c.kind))).toEqual(new Set(['chapter', 'instrument', 'module']));
    await page.goto(`${FILE_URL}${chapters[0].route}`);
    for (const chapter of chapters) {
      await page.goto(`${FILE_URL}${chapter.route}`);
      // The first heading shown (an instrument page's blank form keeps its own headings for paper only).
      await page.locator(`main[data-chapter="${chapter.id}"] .chapter-body h2:visible`).first().waitFor();
      expect(await page.locator('main h1').textContent()).toBe(chapter.title);
    }
    await page.goto(`${FILE_URL}#/es/glossary`);
    await page.locator('main[data-chapter="glossary"] .chapter-body h2').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'portable-glossary-es');
    for (const lang of ['en', 'es']) {
      await page.goto(`${FILE_URL}#/${lang}`);
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('mercurio');
      await page.locator('.search-results [role="option"]').first().waitFor();
      await page.keyboard.press('Escape');
    }
    expect(onlyTheFile(watch)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.csp).toEqual([]);
    await context.close();
  });
});
