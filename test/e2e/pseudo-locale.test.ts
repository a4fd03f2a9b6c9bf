/**
 * The interface in the pseudo-locale (common/i18n/pseudo.ts: every catalogue message accented, wrapped
 * in [ ] and about 30 % longer), served in place of the English pack for this test only: each main
 * screen must show no interface text that did not come from a catalogue (the manual's content excepted)
 * and no catalogue text clipped by its longer length.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../common/i18n/compile.ts';
import { pseudoCatalogue } from '../../common/i18n/pseudo.ts';
import { catalogueFile, readCatalogue } from '../../scripts/i18n/catalogue-files.ts';
import { newWatchedPage, RENDERER_DIR, ROOT, searchFor, shot, startHarness, type Harness } from './harness.ts';

/**
 * Interface texts still written in code outside the catalogues, by the file they come from (issue 15,
 * part 2 moves them into content/locales and empties this list). A text found in one of these files
 * is reported, not failed.
 */
const NOT_YET_IN_CATALOGUES: Array<{ file: string; where?: string[]; pattern?: RegExp }> = [
  { file: 'common/forms/answers.ts' },
  // A form's skip rules ("Only if question 10 is 1 or more", "Questions 6–38: only if…", "end of the form").
  { file: 'common/forms/form-text.ts', where: ['p.skip', 'li.form-block', 'span.goto'] },
  { file: 'common/workshops/module-page.ts' },
  // formatDuration: "1 h 30 min".
  { file: 'common/workshops/agenda.ts', pattern: /^(\d+ h)?( ?\d+ min)?$/ },
  // A source's locator in the reader's language ("§25–26, note 6") after its short title (sources.yaml).
  { file: 'common/source-citation.ts', where: ['a.source-pill'] },
  { file: 'common/community-labels.ts' },
  { file: 'common/records/import/problem-words.ts' },
  { file: 'renderer/src/records/records-unavailable.ts' },
];

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every file of the manual's content in English (chapters, records, glossary…): text found there is content. */
function contentCorpus(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        if (name !== 'es' && name !== 'locales') walk(file);
      } else if (/\.(mdx|ya?ml|json)$/.test(name)) texts.push(readFileSync(file, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'content'));
  texts.push(readFileSync(path.join(RENDERER_DIR, 'content-manifest.json'), 'utf8'));
  // YAML and JSON escape quotes and fold lines: compare on folded text without escapes.
  return fold(texts.join('\n').replace(/\\(["'\\])/g, '$1').replace(/''/g, "'"));
}

/** The English pack's module with the pseudo-locale's catalogue in place of the English one. */
function pseudoPack(original: string, originalUrl: string): string {
  const call = /var (\w+)=(\w+)\((\w+)\(`en`,/.exec(original);
  const imports = original.slice(0, original.indexOf('var '));
  if (!call || !/^import\{[^}]*\}from"\.\/[^"]+";$/.test(imports.trim())) throw new Error('the English pack no longer reads `import{…}from"./message-view…";var strings=view(translator(`en`, {…}))`: update pseudoPack');
  const [, , view, translator] = call;
  const pseudo = pseudoCatalogue(compileCatalogue(readCatalogue(catalogueFile('en'))));
  return `${imports}import{chapters as __chapters}from${JSON.stringify(`${originalUrl}?original`)};
const __strings=${view}(${translator}(\`en\`,${JSON.stringify(pseudo)}));
export{__chapters as chapters,__strings as strings};`;
}

interface Finding { screen: string; text: string; where: string }

/** Visible texts (and placeholders, labels read aloud) outside the content that are not pseudo-localised; texts clipped. */
async function scan(page: Page): Promise<{ texts: Array<{ text: string; where: string }>; clipped: Array<{ text: string; where: string }> }> {
  return page.evaluate(() => {
    // The manual's own words: a chapter's body and summary, search snippets.
    const CONTENT = '.chapter-body, .summary, .result-snippet';
    // The interactive parts a chapter embeds are interface, their records' words content (the corpus has those).
    const PARTS = '.records, .profiler, .workshop-builder, .instrument, .instrument-list, .indicator-catalogue, .module-page, .module-catalogue, .community-table, .community-card, .glossary';
    const isContent = (el: Element) => {
      const content = el.closest(CONTENT);
      if (!content) return false;
      const part = el.closest(PARTS);
      return !part || !content.contains(part) || el.closest('.result-snippet') !== null;
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : '') + (e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''));
      return parts.join(' > ');
    };
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    };
    const texts: Array<{ text: string; where: string }> = [];
    const clipped: Array<{ text: string; where: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!el || !text || el.closest('script, style, noscript, template, .visually-hidden') || isContent(el)) continue;
      if (!shown(el)) continue;
      texts.push({ text, where: where(el) });
      if (!text.includes('[')) continue;
      for (let e: Element | null = el, up = 0; e && up < 3; e = e.parentElement, up++) {
        const style = getComputedStyle(e);
        const hidesX = /hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis';
        const hidesY = /hidden|clip/.test(style.overflowY) || style.webkitLineClamp !== 'none';
        if ((hidesX && e.scrollWidth > e.clientWidth + 1) || (hidesY && e.scrollHeight > e.clientHeight + 1)) {
          clipped.push({ text, where: where(e) });
          break;
        }
      }
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (isContent(el) || !shown(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) texts.push({ text: value, where: `${where(el)} @${attr}` });
      }
    }
    return { texts, clipped };
  });
}

describe('the interface in the pseudo-locale', () => {
  let h: Harness;
  let corpus: string;
  let pending: Array<{ file: string; text: string }>;
  // A file part 2 has removed holds no texts any more (its entry can go).
  const sources = NOT_YET_IN_CATALOGUES.filter((s) => existsSync(path.join(ROOT, s.file))).map((s) => ({ ...s, text: fold(readFileSync(path.join(ROOT, s.file), 'utf8')) }));
  // The records host words its refusals from the same catalogues, in real English here (the pseudo-locale replaces the screen's pack only).
  const hostFragments = [...new Set(Object.entries(compileCatalogue(readCatalogue(catalogueFile('en'))))
    .filter(([key]) => key.startsWith('records.'))
    .flatMap(([, ast]) => JSON.stringify(ast).match(/"value":"([^"\\]{12,})"/g) ?? [])
    .map((m) => fold(JSON.parse(`{${m}}`).value as string)))];
  const hostWorded = new Set<string>();
  const findings: Finding[] = [];
  const clips: Finding[] = [];

  beforeAll(async () => {
    h = await startHarness();
    corpus = contentCorpus();
    pending = [];
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Texts of a screen that came from no catalogue: not pseudo-localised, with letters left once the [ ] messages are taken out. */
  function check(screen: string, result: Awaited<ReturnType<typeof scan>>) {
    for (const { text, where } of result.texts) {
      const left = fold(text.replace(/\[[^\]]*\]/g, ' ')).replace(/^[…\s·:,.–—-]+|[…\s·:,.–—-]+$/g, '');
      if (!/[A-Za-z]{3}/.test(left)) continue;
      // A file still holding interface texts first: a heading it makes may also be written in a chapter.
      const source = sources.find((s) => (s.where ? s.where.some((w) => where.includes(w)) : s.pattern ? s.pattern.test(left) : [`'${left}`, `"${left}`, `\`${left}`].some((quoted) => s.text.includes(quoted))));
      if (source) { pending.push({ file: source.file, text: left }); continue; }
      if (corpus.includes(left)) continue;
      if (where.includes('td') && hostFragments.some((f) => left.includes(f))) { hostWorded.add(left); continue; }
      findings.push({ screen, text: left, where });
    }
    for (const c of result.clipped) clips.push({ screen, ...c });
  }

  // A laptop's screen and a phone's (the longer texts clip first where space is narrow).
  for (const width of [1366, 360]) it(`walks the main screens at ${width} px with every interface text from a catalogue and none clipped`, async () => {
    findings.length = 0;
    clips.length = 0;
    const { page, watch } = await newWatchedPage(h, { width, height: 900 });
    let served = 0;
    await page.route(/\/assets\/en-[\w-]+\.js(\?original)?$/, async (route) => {
      const url = route.request().url();
      const response = await route.fetch({ url: url.replace(/\?original$/, '') });
      const body = await response.text();
      if (url.endsWith('?original')) return route.fulfill({ response, body });
      served++;
      return route.fulfill({ response, body: pseudoPack(body, `./${new URL(url).pathname.split('/').pop()}`) });
    });
    const visit = async (screen: string, hash: string, ready: string) => {
      await page.goto(`${h.baseUrl}#/en/${hash}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      check(screen, await scan(page));
      await shot(page, `pseudo-${width}-${screen}`);
    };

    await visit('home', '', 'main h1, main h2');
    expect(served, 'the pseudo-locale pack was served').toBeGreaterThan(0);
    expect(await page.locator('header').first().innerText()).toMatch(/\[Šéáŕçĥ ~+\]/);

    // The scan sees a message cut by a box too narrow for it (so a pass means none was cut).
    await page.evaluate(() => {
      // Styled through the CSSOM: the app's Content-Security-Policy ignores style attributes.
      const probe = Object.assign(document.createElement('p'), { id: 'clip-probe', textContent: '[Ćļíþþéð ţéẋţ ~~]' });
      Object.assign(probe.style, { position: 'fixed', top: '0', left: '0', width: '40px', overflow: 'hidden', whiteSpace: 'nowrap' });
      document.body.append(probe);
    });
    expect((await scan(page)).clipped.map((c) => c.text)).toContain('[Ćļíþþéð ţéẋţ ~~]');
    await page.evaluate(() => document.getElementById('clip-probe')!.remove());

    await visit('chapter', 'how-to-use', 'main .chapter-body h2:visible');

    // The filters sit in the contents column, which a phone's screen folds away.
    if (width > 800) {
      await page.locator('details.filters summary').first().click();
      await page.locator('[data-filter="ageGroups:early"]').first().check();
      await page.waitForTimeout(300);
      check('filters', await scan(page));
      await page.locator('[data-filter="ageGroups:early"]').first().uncheck();
    }

    await searchFor(page, 'pallaqueo');
    check('search', await scan(page));
    await shot(page, `pseudo-${width}-search`);
    // The first Escape empties the query, the next closes the dialog.
    for (let i = 0; i < 3 && (await page.locator('dialog.search-dialog[open]').count()); i++) await page.keyboard.press('Escape');

    await visit('instrument', 'household-census', 'main .chapter-body h2:visible');
    // The blank form as it prints.
    await page.emulateMedia({ media: 'print' });
    check('instrument print', await scan(page));
    await page.emulateMedia({ media: 'screen' });
    await visit('profiler', 'community-profiler', 'main .chapter-body h2:visible');
    await visit('workshop-builder', 'workshop-builder', '.picker-list li');
    await visit('workshop-module', 'children-holidays-puppet-play', 'main .chapter-body h2:visible');
    await page.getByTestId('present').click();
    await page.getByTestId('slide-count').waitFor();
    check('presentation', await scan(page));
    await page.keyboard.press('p');
    await page.getByTestId('presenter-view').waitFor();
    check('presenter view', await scan(page));
    await shot(page, `pseudo-${width}-presentation`);
    await page.keyboard.press('Escape');

    await visit('library', 'my-library', 'main h1');
    await visit('field-records', 'field-records', '[data-testid="records-tab-register"]');
    for (const tab of ['dashboard', 'report', 'data']) {
      await page.getByTestId(`records-tab-${tab}`).click();
      await page.waitForTimeout(500);
      check(`field-records ${tab}`, await scan(page));
      await shot(page, `pseudo-${width}-records-${tab}`);
    }
    // Imports refused: an empty file, and a table whose columns are no form's.
    for (const [name, text, shown] of [['empty.csv', '', '.status-error'], ['other.csv', 'nombre,edad\nAna,nueve\n', '[data-testid="import-problems"] td']]) {
      await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.getByTestId('import-button').click();
      await page.locator(shown).first().waitFor();
      await page.waitForTimeout(300);
      check(`field-records import ${name}`, await scan(page));
      await shot(page, `pseudo-${width}-records-import-${name}`);
    }

    const byFile = new Map<string, Set<string>>();
    for (const p of pending) byFile.set(p.file, (byFile.get(p.file) ?? new Set()).add(p.text));
    console.info(`Interface texts still outside the catalogues (issue 15, part 2):\n${[...byFile].map(([file, list]) => `  ${file}: ${[...list].slice(0, 12).join(' | ')}`).join('\n')}`);
    console.info(`Worded by the records host from the English catalogue: ${[...hostWorded].slice(0, 5).join(' | ')}`);
    expect(findings.map((f) => `${f.screen}: “${f.text}” (${f.where})`)).toEqual([]);
    expect(clips.map((f) => `${f.screen}: “${f.text}” clipped (${f.where})`)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  }, 240_000);
});
