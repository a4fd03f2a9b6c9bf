import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const IDS = /ipec-eval-2005|somos-tesoro-update|somos-tesoro-stage2|peru-advocacy|asm-gender-paper/;
/** Pages that show source references: an instrument, a module, the glossary, a case study, a chapter's reference list, the Sources chapter. */
const PAGES = ['household-census', 'parents-mothers-care-school-income', 'glossary', 'case-studies', 'gender', 'sources'];

describe('source references as a reader reads them', () => {
  it('name the source by its short title and the place in the reader\'s language, never by an internal id', async () => {
    for (const lang of ['es', 'en'] as const) {
      const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
      const seen: string[] = [];
      for (const id of PAGES) {
        await page.goto(`${h.baseUrl}#/${lang}/${id}`);
        await page.locator('main h1').waitFor();
        await page.waitForFunction(() => !document.querySelector('.chapter-body > .loading'));
        const texts = await page.locator('.source-pill, .references li, .source-list dt').allInnerTexts();
        expect(texts.length, id).toBeGreaterThan(0);
        seen.push(...texts);
        for (const text of texts) {
          expect(text, `${lang}/${id}`).not.toMatch(IDS);
          if (lang === 'es') expect(text, `${lang}/${id}`).not.toMatch(/\b(?:note|notes|Chapter|Section|lesson) \S/);
        }
        if (id === 'household-census') {
          await page.locator('.source-pill').first().scrollIntoViewIfNeeded();
          await shot(page, `source-pills-${lang}`);
        }
      }
      const all = seen.join('\n');
      expect(all).toContain(lang === 'es' ? 'Evaluación final OIT-IPEC, §' : 'ILO-IPEC final evaluation, §');
      expect(all).toMatch(lang === 'es' ? /Estudio de género y formalización, capítulo \d/ : /Gender and formalisation paper, chapter \d/);
      if (lang === 'es') expect(all).toMatch(/nota \d/);
      await context.close();
    }
  });
});
