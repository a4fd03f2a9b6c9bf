import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../common/content-schema.ts';
import { newWatchedPage, RENDERER_DIR, startHarness, type Harness } from './harness.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
type Lang = 'en' | 'es';
type Theme = 'light' | 'dark';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every page a reader can reach: the home page, each chapter, instrument and module page, and the reader's library. */
function routes(lang: Lang): string[] {
  const m = JSON.parse(readFileSync(path.join(RENDERER_DIR, 'content-manifest.json'), 'utf8')) as ContentManifest;
  return [`#/${lang}`, `#/${lang}/my-library`, ...m.chapters.filter((c) => c.lang === lang).map((c) => c.route)];
}

/**
 * Serious and critical violations on every route of one language in one theme. The light theme
 * runs every WCAG 2.2 A/AA rule; the dark theme changes colours only (same DOM), so it runs the
 * colour-contrast rule.
 */
async function audit(lang: Lang, theme: Theme): Promise<{ problems: string[]; pages: number }> {
  const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
  await page.addInitScript((t) => localStorage.setItem('puente.settings', JSON.stringify({ theme: t })), theme);
  const problems: string[] = [];
  const list = routes(lang);
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
    it(`finds no serious or critical violation on any route, in Spanish and English, ${theme} theme`, async () => {
      // The two languages run side by side, one browser tab each.
      const results = await Promise.all((['es', 'en'] as const).map((lang) => audit(lang, theme)));
      expect(results.every((r) => r.pages > 60)).toBe(true);
      expect(results.flatMap((r) => r.problems)).toEqual([]);
    }, 900_000);
  }
});
