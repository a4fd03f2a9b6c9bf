import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../common/content-schema.ts';
import { everyRoute } from './a11y-pages.ts';
import { newWatchedPage, RENDERER_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PHONE = { width: 360, height: 740 };

describe('a 360 px screen', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`never scrolls a page sideways: wide tables scroll inside their own box (${lang})`, async () => {
      const m = JSON.parse(readFileSync(path.join(RENDERER_DIR, 'content-manifest.json'), 'utf8')) as ContentManifest;
      const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB', ...PHONE });
      const wide: string[] = [];
      const routes = everyRoute(m.chapters, lang);
      for (const route of routes) {
        await page.goto(`${h.baseUrl}${route}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('.chapter-body > .loading'));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) wide.push(`${route}: ${width} px wide`);
      }
      expect(routes.length).toBeGreaterThan(60);
      expect(wide).toEqual([]);

      // A table wider than the screen scrolls in its box, which the keyboard can reach.
      await page.goto(`${h.baseUrl}#/${lang}/model-on-one-page`);
      const table = page.locator('.chapter-body .table-wrap').first();
      await table.waitFor();
      const box = await table.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, overflow: getComputedStyle(e).overflowX }));
      expect(box.scroll).toBeGreaterThan(box.client);
      expect(box.overflow).toBe('auto');
      await table.scrollIntoViewIfNeeded();
      await shot(page, `narrow-360-table-${lang}`);
      await context.close();
    }, 300_000);
  }

  it('keeps A− / A+ within reach: in the menu when the top bar has no room', async () => {
    for (const lang of ['es', 'en'] as const) {
      const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB', ...PHONE });
      await page.goto(`${h.baseUrl}#/${lang}/gender`);
      await page.locator('main h1').waitFor();
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.chapter-body p')!).fontSize));
      const before = await size();
      await page.locator('.nav-toggle').click();
      const bigger = page.locator('#sidebar').getByRole('button', { name: lang === 'es' ? 'Letra más grande' : 'Larger text' });
      await bigger.waitFor();
      expect(await bigger.isVisible()).toBe(true);
      await shot(page, `narrow-360-menu-${lang}`);
      await bigger.click();
      await expect.poll(size).toBeGreaterThan(before);
      await page.locator('#sidebar').getByRole('button', { name: lang === 'es' ? 'Letra más pequeña' : 'Smaller text' }).click();
      await expect.poll(size).toBe(before);
      await context.close();
    }
  });
});
