import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsOf } from '../../common/forms/instrument-schema.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { newWatchedPage, RENDERER_DIR, ROOT, startHarness, type Harness } from './harness.ts';

/** How a chapter loads (see README "How a chapter loads"); the timings are measured by `npm run bench`, not here. */

const content = loadContent(path.join(ROOT, 'content'));
const PLAIN_CHAPTER = 'child-labour-in-small-scale-mining';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Opens a route in a fresh profile; returns the scripts the page loaded (relative to index.html) and when each preload link was added. */
async function openCold(route: string) {
  const { page, context, watch } = await newWatchedPage(h);
  await context.addInitScript(() => {
    const seen: Array<{ href: string; readyState: string }> = [];
    (window as unknown as { __preloads: typeof seen }).__preloads = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node instanceof HTMLLinkElement && node.rel === 'modulepreload') seen.push({ href: node.href, readyState: document.readyState });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.replace(/^\//, ''));
  });
  await page.goto(`${h.baseUrl}${route}`);
  await page.locator('.chapter-body p').first().waitFor();
  await page.waitForLoadState('networkidle');
  const preloads = await page.evaluate(() => (window as unknown as { __preloads: Array<{ href: string; readyState: string }> }).__preloads);
  return { page, context, watch, scripts: [...scripts], preloads: preloads.map((p) => ({ ...p, file: new URL(p.href).pathname.replace(/^\//, '') })) };
}

const scriptText = (file: string) => readFileSync(path.join(RENDERER_DIR, file), 'utf8');

describe('how a chapter loads', () => {
  it('a plain chapter loads none of the structured content nor the components that show it', async () => {
    const { context, watch, scripts } = await openCold(`#/en/${PLAIN_CHAPTER}`);
    const loaded = scripts.map(scriptText).join('\n');
    // Text that only the catalogue and the heavy components carry: a question of an instrument, a step of a
    // workshop module, a community's name in the profiler's data, the glossary entry of a term the chapter does not use.
    const instrument = content.instruments[0];
    const module = content.workshopModules[0];
    const chapterText = readFileSync(path.join(ROOT, 'content/en', `${PLAIN_CHAPTER}.mdx`), 'utf8');
    const unusedTerm = content.glossary.find((g) => !chapterText.includes(`"${g.id}"`))!;
    // The longest stretch of plain words: quotes and accents may be escaped in a script, these never are.
    const plain = (text: string) => text.split(/[^A-Za-z ,.]+/).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
    const inScript = (code: string, text: string) => code.includes(plain(text));
    const everyScript = readdirSync(path.join(RENDERER_DIR, 'assets')).filter((f) => f.endsWith('.js')).map((f) => scriptText(`assets/${f}`)).join('\n');
    for (const text of [questionsOf(instrument)[0].en.label, module.steps[0].en.instructions, unusedTerm.en.definition]) {
      expect(inScript(everyScript, text), `the build ships "${text}" somewhere`).toBe(true);
      expect(inScript(loaded, text), `the chapter loaded "${text}"`).toBe(false);
    }
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('asks for every script of the opening chapter while the page is still being read, not after the app has started', async () => {
    const { context, scripts, preloads } = await openCold(`#/es/${PLAIN_CHAPTER}`);
    const html = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
    const early = new Set([...preloads.filter((p) => p.readyState === 'loading').map((p) => p.file)]);
    const late = scripts.filter((file) => !html.includes(`./${file}`) && !early.has(file));
    expect(late).toEqual([]);
    await context.close();
  });

  it("shows each term's definition in the chapter's language, written in at build time", async () => {
    for (const lang of ['en', 'es'] as const) {
      const { page, context } = await openCold(`#/${lang}/${PLAIN_CHAPTER}`);
      const term = page.locator('.chapter-body a.term').first();
      const id = decodeURIComponent((await term.getAttribute('href'))!.split('term-')[1]);
      expect(await term.getAttribute('title')).toBe(content.glossary.find((g) => g.id === id)![lang].definition);
      await context.close();
    }
  });
});
