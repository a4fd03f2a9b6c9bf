// Takes a set of screenshots for a person to look at: `npx tsx test/e2e/look.manual.ts`.
import { newWatchedPage, shot, startHarness } from './harness';

const h = await startHarness();
const views: Array<[string, string, number, number]> = [
  ['home-en-wide', '#/en', 1366, 768],
  ['home-es-narrow', '#/es', 390, 844],
  ['chapter-es-wide', '#/es/work-by-age-and-sex', 1366, 768],
  ['chapter-en-narrow', '#/en/community-types', 360, 740],
  ['glossary-es', '#/es/glossary', 1366, 768],
];
for (const [name, hash, width, height] of views) {
  const { page, context, watch } = await newWatchedPage(h, { width, height, locale: 'es-PE' });
  await page.goto(h.baseUrl + hash);
  await page.waitForSelector('main h1');
  await page.waitForTimeout(300);
  await shot(page, name);
  console.log(name, JSON.stringify(watch));
  await context.close();
}
await h.close();
