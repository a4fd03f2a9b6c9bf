import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../common/content-schema.ts';
import { controlContrastProblems } from './control-contrast.ts';
import { componentsFromContent, contentHash, everyRoute, fullSweepReason, readSweepStamp, representativeRoutes, writeSweepStamp, type Theme } from './a11y-pages.ts';
import { newWatchedPage, RENDERER_DIR, ROOT, startHarness, type Harness } from './harness.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
type Lang = 'en' | 'es';
const CONTENT_DIR = path.join(ROOT, 'content');
/** The content hash of the last full sweep that passed here, per theme (test-results/ is not committed). */
const STAMP = path.join(ROOT, 'test-results', 'a11y-full-sweep.json');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every page a reader can reach (the full sweep), or one page of each kind (see a11y-pages.ts). */
function routes(lang: Lang, full: boolean): string[] {
  const m = JSON.parse(readFileSync(path.join(RENDERER_DIR, 'content-manifest.json'), 'utf8')) as ContentManifest;
  return full ? everyRoute(m.chapters, lang) : representativeRoutes(m.chapters, lang, componentsFromContent(CONTENT_DIR));
}

/**
 * Serious and critical violations on every route of one language in one theme. The light theme
 * runs every WCAG 2.2 A/AA rule; the dark theme changes colours only (same DOM), so it runs the
 * colour-contrast rule.
 */
async function audit(lang: Lang, theme: Theme, full: boolean): Promise<{ problems: string[]; pages: number }> {
  const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
  await page.addInitScript((t) => localStorage.setItem('puente.settings', JSON.stringify({ theme: t })), theme);
  const problems: string[] = [];
  const list = routes(lang, full);
  for (const route of list) {
    await page.goto(`${h.baseUrl}${route}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.chapter-body > .loading'));
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) problems.push(`${route}: not in the ${theme} theme`);
    const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
    const result = await (theme === 'light' ? axe.withTags(WCAG_22_AA) : axe.withRules(['color-contrast'])).analyze();
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      problems.push(`${route} [${lang}, ${theme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  await context.close();
  return { problems, pages: list.length };
}

describe('accessibility gate (axe-core, WCAG 2.2 A and AA)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on one page of each kind, or on every page when PUENTE_FULL_A11Y=1 or the content changed, in Spanish and English, ${theme} theme`, async () => {
      const hash = contentHash(CONTENT_DIR);
      const reason = fullSweepReason(process.env.PUENTE_FULL_A11Y, readSweepStamp(STAMP, theme), hash);
      // The two languages run side by side, one browser tab each.
      const results = await Promise.all((['es', 'en'] as const).map((lang) => audit(lang, theme, reason !== null)));
      console.info(`accessibility, ${theme} theme: ${reason ? `every page (${reason})` : 'one page of each kind'}: ${results.map((r) => r.pages).join(' + ')} pages`);
      expect(results.every((r) => r.pages > (reason ? 60 : 8))).toBe(true);
      expect(results.flatMap((r) => r.problems)).toEqual([]);
      if (reason) writeSweepStamp(STAMP, theme, hash);
      // The full sweep (146 pages per theme) took over 15 minutes on a machine busy with other work.
    }, 2_400_000);
  }
});

describe('every control readable in both themes (WCAG 2.2 AA contrast, measured)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`gives every button, field, select and link-button at least 4.5:1 (3:1 large) on one page of each kind, in Spanish and English, ${theme} theme`, async () => {
      const problems: string[] = [];
      let checked = 0;
      for (const lang of ['es', 'en'] as const) {
        const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
        await page.addInitScript((t) => localStorage.setItem('puente.settings', JSON.stringify({ theme: t })), theme);
        for (const route of routes(lang, false)) {
          await page.goto(`${h.baseUrl}${route}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForFunction(() => !document.querySelector('.chapter-body > .loading'));
          checked += await page.locator('button, a.button, select, input').count();
          for (const p of await page.evaluate(controlContrastProblems)) problems.push(`${route} [${theme}] ${p}`);
        }
        await context.close();
      }
      console.info(`control contrast, ${theme} theme: ${checked} controls`);
      expect(checked).toBeGreaterThan(100);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
