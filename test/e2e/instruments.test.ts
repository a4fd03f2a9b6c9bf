import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkXlsFormRules, readWorkbook } from '../unit/xlsform-rules.ts';
import { newWatchedPage, SCREENSHOT_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('instruments in Chromium', () => {
  it('opens an instrument, follows the language switch, prints a clean blank form and exports an XLSForm', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/child-registration`);
    await page.locator('.blank-form .form-question').first().waitFor();
    expect(await page.locator('main h1').textContent()).toMatch(/registration/i);
    const questions = await page.locator('.blank-form .form-question').count();
    expect(questions).toBeGreaterThan(8);
    expect(await page.locator('.blank-form .skip').count()).toBeGreaterThan(0);
    await shot(page, 'instrument-en');

    await page.getByTestId('lang-switch').evaluate((b: HTMLElement) => b.click());
    await page.waitForURL(/#\/es\/child-registration/);
    await page.locator('.blank-form .form-question').first().waitFor();
    expect(await page.locator('.blank-form').getAttribute('lang')).toBe('es');
    expect(await page.locator('.blank-form .form-question').count()).toBe(questions);
    expect(await page.locator('.blank-form .skip').first().textContent()).toMatch(/^Solo si la pregunta \d+ es «/);

    // Print: only the form, its sections flowing one after another (no page each), in Spanish, on the chosen paper.
    await page.getByTestId('paper-size').selectOption('Letter');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.instrument-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.form-print-header').isVisible()).toBe(true);
    expect(await page.locator('.instrument-facts').isVisible()).toBe(false);
    const breaks = await page.locator('.form-section').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks.every((b) => b !== 'page')).toBe(true);
    await shot(page, 'instrument-es-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(path.join(SCREENSHOT_DIR, 'child-registration-es.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThan(breaks.length);
    await page.emulateMedia({ media: 'screen' });

    // Export: a download whose workbook passes the XLSForm rules, with Spanish as default language.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsform').click()]);
    expect(download.suggestedFilename()).toMatch(/^child-registration-es-\d+\.xlsx$/);
    const sheets = await readWorkbook(readFileSync((await download.path())!));
    expect(checkXlsFormRules(sheets)).toEqual([]);
    expect(sheets.settings[1][3]).toBe('Español (es)');
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('finds an instrument by the wording of one of its questions', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/es`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('asentimiento del niño');
    const results = page.locator('.search-results [role="option"] a');
    await results.first().waitFor();
    // Listed among the results: the chapter that explains child assent comes first (a tool's page ranks below the chapter that explains it).
    const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((href) => href.startsWith('#/es/child-questionnaire')), hrefs.join(' ')).toBe(true);
    await context.close();
  });

  it('filters the indicators catalogue by objective, age group and type', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/indicators`);
    const cards = page.locator('.indicator');
    await cards.first().waitFor();
    const all = await cards.count();
    await page.locator('[data-filter="type"]').selectOption('activity');
    const activities = await cards.count();
    expect(activities).toBeGreaterThan(0);
    expect(activities).toBeLessThan(all);
    expect(await page.locator('.indicator .tag-outcome').count()).toBe(0);
    await page.locator('[data-filter="type"]').selectOption('');
    await page.locator('[data-filter="objective"]').selectOption('monitoring');
    expect(await cards.count()).toBeLessThan(all);
    await shot(page, 'indicators-en');
    await context.close();
  });
});
