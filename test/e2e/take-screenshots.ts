// `npm run screenshots`: the main screens in both languages, wide and narrow, for a person
// to look at (test-results/screenshots/look-*.png). Needs `npm run build` first.
import { newWatchedPage, shot, startHarness } from './harness.ts';

const h = await startHarness();
const views: Array<{ name: string; hash: string; scrollTo?: string; action?: 'search' | 'menu' }> = [
  { name: 'home', hash: '' },
  { name: 'chapter-table', hash: 'work-by-age-and-sex', scrollTo: '.table-wrap' },
  { name: 'chapter-callout', hash: 'sources', scrollTo: '.callout' },
  { name: 'glossary-entries', hash: 'glossary', scrollTo: '.glossary-entry' },
  { name: 'checklist', hash: 'key-definitions', scrollTo: '.checklist' },
  { name: 'search', hash: '', action: 'search' },
  { name: 'menu', hash: 'glossary', action: 'menu' },
  { name: 'case-card', hash: 'santa-filomena', scrollTo: '.community-card' },
  { name: 'case-table', hash: 'case-studies', scrollTo: '.community-table' },
  { name: 'profiler', hash: 'community-profiler', scrollTo: '.profiler-form' },
  { name: 'module', hash: 'children-safe-and-dangerous-places', scrollTo: '#module-steps' },
  { name: 'module-catalogue', hash: 'workshop-modules', scrollTo: '.module-catalogue' },
  { name: 'workshop-builder', hash: 'workshop-builder', scrollTo: '.workshop-builder' },
  { name: 'field-records', hash: 'field-records', scrollTo: '.records' },
];
for (const lang of ['es', 'en'] as const) {
  for (const [width, height] of [[1366, 768], [360, 740]]) {
    for (const v of views) {
      if (v.action === 'menu' && width > 900) continue;
      const { page, context, watch } = await newWatchedPage(h, { width, height, locale: lang === 'es' ? 'es-PE' : 'en-GB' });
      await page.goto(`${h.baseUrl}#/${lang}${v.hash ? `/${v.hash}` : ''}`);
      await page.locator('main h1').waitFor();
      if (v.scrollTo) await page.locator(v.scrollTo).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
      if (v.action === 'search') {
        await page.keyboard.press('Control+k');
        await page.getByTestId('search-input').fill(lang === 'es' ? 'jancheo' : 'mercury');
        await page.locator('.search-results [role="option"]').first().waitFor();
      }
      if (v.action === 'menu') await page.locator('.nav-toggle').click();
      await page.waitForTimeout(150);
      await shot(page, `look-${v.name}-${lang}-${width}`);
      if (watch.consoleErrors.length || watch.offOrigin.length) console.log(v.name, watch);
      await context.close();
    }
  }
}
await h.close();
console.log('screenshots written to test-results/screenshots/look-*.png');
