import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { newWatchedPage, SCREENSHOT_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Pages each form printed (A4, Spanish) before skips were printed as go-tos and blocks (issue 19). */
const PAGES_BEFORE = { 'household-census': 10, 'child-questionnaire': 10 } as const;

async function openForm(id: string, lang: 'en' | 'es') {
  const w = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
  await w.page.goto(`${h.baseUrl}#/${lang}/${id}`);
  await w.page.locator('.blank-form .form-question').first().waitFor();
  return w;
}

/** Prints the page as Chromium's PDF printer does; its page count and text (whitespace folded), the file kept to look at. */
async function printPdf(page: Page, name: string, paper: 'A4' | 'Letter' = 'A4') {
  await page.getByTestId('paper-size').selectOption(paper);
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(path.join(SCREENSHOT_DIR, `${name}.pdf`), bytes);
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  const pages = (text as string[]).map((t) => t.replace(/\s+/g, ' '));
  return { pages: totalPages, text: pages, all: pages.join(' ') };
}

describe('paper forms an interviewer can follow', () => {
  it('prints the household census with every stop under its answer, skips as go-tos and blocks, in at most half the pages', async () => {
    const { page, context, watch } = await openForm('household-census', 'es');
    // On screen: "No continúe" sits beside the No of question 5, nowhere on its own.
    const consent = page.locator('.form-question[data-name="consent"]');
    expect(await consent.locator('.qnum').textContent()).toBe('5.');
    expect(await consent.locator('li[data-value="no"]').textContent()).toMatch(/^No → No continúe\. .* → fin del formulario$/);
    expect(await page.locator('.form-note', { hasText: 'No continúe' }).count()).toBe(0);
    expect(await page.locator('.form-block').first().textContent()).toMatch(/^Preguntas 6–\d+: solo si la pregunta 5 es «Sí»\.$/);
    await shot(page, 'census-es-form');

    const pdf = await printPdf(page, 'household-census-es');
    console.log(`household census (es, A4): ${pdf.pages} pages, ${PAGES_BEFORE['household-census']} before`);
    expect(pdf.pages).toBeLessThanOrEqual(PAGES_BEFORE['household-census'] / 2);
    // Every "No continúe" on paper follows the No it belongs to.
    const stops = [...pdf.all.matchAll(/(.{0,6})No continúe/g)].map((m) => m[1]);
    expect(stops.length).toBeGreaterThan(0);
    for (const before of stops) expect(before).toMatch(/No → ?$/);
    expect(pdf.all).not.toContain('Pregunte solo si');
    expect(pdf.all).toMatch(/Preguntas 6–\d+: solo si la pregunta 5 es «Sí»/);
    expect(pdf.all).toMatch(/No → pase a la \d+/);
    expect(pdf.text[0]).toContain('Censo de hogares · Versión 2026-11');
    // Questions numbered straight through, none missing.
    const numbers = await page.locator('.blank-form .qnum').allTextContents();
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}.`));

    const letter = await printPdf(page, 'household-census-es-letter', 'Letter');
    console.log(`household census (es, Letter): ${letter.pages} pages`);
    expect(letter.pages).toBeLessThanOrEqual(PAGES_BEFORE['household-census'] / 2);
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('prints the child questionnaire in at most half its pages, in both languages, with its consent block said once', async () => {
    for (const lang of ['es', 'en'] as const) {
      const { page, context } = await openForm('child-questionnaire', lang);
      const pdf = await printPdf(page, `child-questionnaire-${lang}`);
      console.log(`child questionnaire (${lang}, A4): ${pdf.pages} pages, ${PAGES_BEFORE['child-questionnaire']} before`);
      expect(pdf.pages).toBeLessThanOrEqual(PAGES_BEFORE['child-questionnaire'] / 2);
      expect(pdf.all).toMatch(lang === 'es'
        ? /Preguntas 3–\d+: solo si la pregunta 1 es «Sí» y la pregunta 2 es «Sí»\./
        : /Questions 3–\d+: only if question 1 is “Yes” and question 2 is “Yes”\./);
      // The consent conditions are said once, not above every question.
      expect(pdf.all.split(lang === 'es' ? 'la pregunta 1 es' : 'question 1 is').length - 1).toBe(1);
      if (lang === 'en') await shot(page, 'child-questionnaire-en-form');
      await context.close();
    }
  });

  it('keeps the header\'s version and fields on one line each, and prints the guide, the form or both', async () => {
    const { page, context } = await openForm('household-census', 'es');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.blank-form .form-print-title .nowrap', '.blank-form .form-field']) {
      // Lines an element's text takes: the distinct tops of its boxes.
      const lines = await page.locator(selector).evaluateAll((els) => els.map((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size));
      expect(lines.length, selector).toBeGreaterThan(0);
      expect(lines.every((n) => n === 1), selector).toBe(true);
    }
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('print-part').selectOption('guide');
    const guide = await printPdf(page, 'household-census-es-guide');
    expect(guide.all).toContain('Censo de hogares: guía para quienes lo aplican');
    for (const label of ['Quién lo aplica', 'Cuándo', 'Cómo capacitar a quienes lo aplican', 'Cuenta, hogar por hogar']) expect(guide.all).toContain(label);
    expect(guide.all).not.toContain('¿La persona adulta acepta responder?');
    expect(guide.pages).toBeLessThanOrEqual(2);

    await page.getByTestId('print-part').selectOption('both');
    const both = await printPdf(page, 'household-census-es-guide-and-form');
    expect(both.text[0]).toContain('guía para quienes lo aplican');
    const formStarts = both.text.findIndex((t) => t.includes('Encuestador/a:'));
    expect(formStarts).toBeGreaterThan(0);
    expect(both.text[formStarts - 1]).not.toContain('¿La persona adulta acepta responder?');
    await page.getByTestId('print-part').selectOption('form');
    const form = await printPdf(page, 'household-census-es-form-only');
    expect(form.all).not.toContain('guía para quienes lo aplican');
    // The form starts on a page of its own after the guide.
    expect(both.pages).toBe(guide.pages + form.pages);
    await context.close();
  });
});
