import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { newWatchedPage, SCREENSHOT_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Two parents' modules and a break: 105 + 90 + 15 minutes, the 3½-hour workshop issue 19 printed on 16 pages. */
const MODULES = ['parents-mothers-care-school-income', 'parents-waste-heaps-and-holidays'];

describe('the workshop pack on paper', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`prints a 3-hour workshop in at most 8 pages: steps flow, headings keep with their text, materials as a checklist (${lang})`, async () => {
      const { page, context, watch } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
      await page.goto(`${h.baseUrl}#/${lang}/workshop-builder`);
      await page.locator('.picker-list li').first().waitFor();
      for (const id of MODULES) await page.locator(`[data-pick="${id}"] button`).click();
      await page.getByRole('button', { name: lang === 'es' ? 'Agregar un descanso al final' : 'Add a break at the end', exact: true }).click();
      await page.locator('[data-item="break"] button').first().waitFor();
      // The break moves up, into the middle of the workshop.
      await page.locator('[data-item="break"]').getByRole('button', { name: lang === 'es' ? 'Subir' : 'Move up', exact: true }).click();
      const total = (await page.getByTestId('agenda-total').textContent())!;
      expect(total).toMatch(/^09:00–12:30/);

      const pack = page.getByTestId('workshop-pack');
      const steps = await pack.locator('.module-step').count();
      expect(steps).toBeGreaterThan(8);
      // Materials: one line each with a box to tick, not one comma-joined run.
      const materials = pack.locator('.pack-module').first().locator('.pack-materials li');
      expect(await materials.count()).toBeGreaterThan(2);
      expect(await pack.locator('.pack-materials .box').count()).toBe(await pack.locator('.pack-materials li').count());

      await page.emulateMedia({ media: 'print' });
      // Nothing in the pack forces a page between steps or modules.
      const forced = await pack.locator('.module-step, .pack-module, .pack-facilitator').evaluateAll((els) => els.filter((e) => getComputedStyle(e).breakBefore === 'page').length);
      expect(forced).toBe(0);
      const headings = await pack.locator('h2, h3, .step-head').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
      expect(headings.every((b) => b === 'avoid')).toBe(true);
      const bytes = await page.pdf({ format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      writeFileSync(path.join(SCREENSHOT_DIR, `workshop-pack-3h-${lang}.pdf`), bytes);
      const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
      const pages = (text as string[]).map((t) => t.replace(/\s+/g, ' ').trim());
      console.log(`workshop pack, 3 h 30 min (${lang}, A4): ${totalPages} pages for ${steps} steps`);
      expect(totalPages).toBeLessThanOrEqual(8);

      // A module's heading is never the last thing on a page.
      const titles = await pack.locator('.pack-module h3').allTextContents();
      for (const title of titles) {
        const t = title.replace(/\s+/g, ' ').trim();
        const at = pages.findIndex((p) => p.includes(t));
        expect(at, t).toBeGreaterThanOrEqual(0);
        expect(pages[at].replace(/\d+ \/ \d+$/, '').trim().endsWith(t), `"${t}" ends page ${at + 1}`).toBe(false);
      }
      if (lang === 'es') await shot(page, 'workshop-pack-builder-es');
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
