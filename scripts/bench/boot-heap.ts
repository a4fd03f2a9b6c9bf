import type { CDPSession, Page } from 'playwright-core';
import { withColdBrowser } from './boot-browser.ts';

export interface HeapFigures {
  /** JS heap in use after opening the chapters and searching in both languages, after a garbage collection, in MB. */
  afterReading: number;
  /** Heap after opening the same chapter `repeats` times, then `repeats` times more: a growth means something is kept. */
  sameChapter: { repeats: number; first: number; second: number };
}

async function usedHeapMB(cdp: CDPSession): Promise<number> {
  // Collect twice: what one collection frees can make more collectable.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return +(usedSize / 1024 / 1024).toFixed(2);
}

/** Opens a chapter by its route, as a link would, and waits until its text is on screen. */
async function openChapter(page: Page, lang: string, id: string): Promise<void> {
  await page.evaluate((hash) => { location.hash = hash; }, `#/${lang}/${id}`);
  await page.locator(`main[data-chapter="${id}"] .chapter-body > :not(.loading)`).first().waitFor();
}

async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill(query);
  await page.locator('.search-results [role="option"]').first().waitFor();
  await page.keyboard.press('Escape');
}

/**
 * The renderer's JS heap: after opening `chapters` (half in each language) and searching in
 * both languages; then after opening one chapter again and again.
 */
export async function measureHeap(appUrl: string, chapters: { en: string[]; es: string[] }, queries: { en: string; es: string }, repeats = 15): Promise<HeapFigures> {
  return withColdBrowser(async (context, page) => {
    await page.goto(`${appUrl}index.html#/en`);
    await page.locator('main h1').first().waitFor();
    for (const lang of ['en', 'es'] as const) {
      for (const id of chapters[lang]) await openChapter(page, lang, id);
      await search(page, queries[lang]);
    }
    const cdp = await context.newCDPSession(page);
    const afterReading = await usedHeapMB(cdp);
    const [a, b] = chapters.en;
    const openRepeatedly = async () => {
      for (let i = 0; i < repeats; i++) {
        await openChapter(page, 'en', a);
        await openChapter(page, 'en', b);
      }
    };
    await openRepeatedly();
    const first = await usedHeapMB(cdp);
    await openRepeatedly();
    const second = await usedHeapMB(cdp);
    return { afterReading, sameChapter: { repeats, first, second } };
  });
}
