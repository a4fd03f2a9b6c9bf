import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../common/content-schema.ts';
import { newWatchedPage, RENDERER_DIR, searchFor, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const manifest = () => JSON.parse(readFileSync(path.join(RENDERER_DIR, 'content-manifest.json'), 'utf8')) as ContentManifest;

describe('the reader in Chromium', () => {
  it('opens on the home page in the system language, with the three reading paths', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-BO' });
    await page.goto(h.baseUrl);
    await page.waitForURL(/#\/es$/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    const paths = page.locator('[data-path]');
    expect(await paths.count()).toBe(3);
    expect(await page.locator('[data-path="ngo"] h3').textContent()).toMatch(/ONG/);
    await shot(page, 'home-es-1366');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'home-es-360');
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();

    const en = await newWatchedPage(h, { locale: 'en-US' });
    await en.page.goto(h.baseUrl);
    await en.page.waitForURL(/#\/en$/);
    expect(await en.page.locator('[data-path="official"] h3').textContent()).toMatch(/official/i);
    await shot(en.page, 'home-en-1366');
    await en.context.close();
  });

  it('opens a chapter with its contents, references and previous/next links', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/work-by-age-and-sex`);
    await page.locator('.references li').first().waitFor();
    expect(await page.locator('main h1').textContent()).toMatch(/children do/i);
    expect(await page.locator('.on-this-page li').count()).toBeGreaterThan(3);
    expect(await page.locator('.references li').count()).toBeGreaterThan(0);
    const cite = page.locator('.chapter-body .cite a').first();
    expect(await cite.getAttribute('href')).toMatch(/^#\/en\/sources\/source-/);
    expect(await page.locator('a[rel="next"]').count()).toBe(1);
    expect(await page.locator('a[rel="prev"]').count()).toBe(1);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/#\/en\/why-families-send-children$/);
    await shot(page, 'chapter-en-1366');
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('switches language and stays on the same chapter and heading', async () => {
    const { page, context } = await newWatchedPage(h);
    const en = manifest().chapters.find((c) => c.lang === 'en' && c.id === 'community-types')!;
    const es = manifest().chapters.find((c) => c.lang === 'es' && c.id === 'community-types')!;
    await page.goto(`${h.baseUrl}#/en/community-types/${en.headings[2].id}`);
    await page.locator(`#${en.headings[2].id}`).waitFor();
    // A DOM click: Playwright's own click scrolls the sticky top bar "into view", i.e. the page to the top.
    await page.getByTestId('lang-switch').evaluate((b: HTMLElement) => b.click());
    await page.waitForURL(new RegExp(`#/es/community-types/${es.headings[2].id}$`));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('main h1').textContent()).toBe(es.title);
    await expect.poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), es.headings[2].id)).toBeLessThan(200);
    await shot(page, 'chapter-es-after-switch');
    // Remembered: a fresh visit to the bare address opens Spanish.
    await page.goto(h.baseUrl);
    await page.waitForURL(/#\/es$/);
    await context.close();
  });

  it('filters the sidebar by age group and audience with removable chips, and remembers them', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en`);
    const links = page.locator('#sidebar .toc-sections a');
    await links.first().waitFor();
    const all = await links.allTextContents();
    const tagged = manifest().chapters.filter((c) => c.lang === 'en');
    const expected = (keep: (c: (typeof tagged)[number]) => boolean) => tagged.filter(keep).map((c) => c.title).sort();
    await page.locator('.filters summary').click();
    await page.locator('[data-filter="ageGroups:early"]').check();
    await expect.poll(async () => (await links.allTextContents()).sort()).toEqual(expected((c) => c.ageGroups.includes('all') || c.ageGroups.includes('early')));
    await page.locator('[data-filter="audiences:trainer"]').check();
    const narrowed = expected((c) => (c.ageGroups.includes('all') || c.ageGroups.includes('early')) && c.audiences.includes('trainer'));
    expect(narrowed.length).toBeLessThan(all.length);
    await expect.poll(async () => (await links.allTextContents()).sort()).toEqual(narrowed);
    expect(await page.getByTestId('hidden-note').textContent()).toMatch(/hidden by filters/);
    await page.reload();
    await links.first().waitFor();
    expect((await links.allTextContents()).sort()).toEqual(narrowed);
    await shot(page, 'filtered-en');
    const chips = page.getByTestId('filter-chips');
    await chips.getByRole('button', { name: /Remove filter: Trainers/ }).click();
    await chips.getByRole('button', { name: /Remove filter: Early childhood/ }).click();
    await expect.poll(() => links.count()).toBe(all.length);
    expect(await page.getByTestId('filter-chips').count()).toBe(0);
    await context.close();
  });

  it('searches with Ctrl+K, arrows and Enter, then opens the heading with the terms highlighted', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/es`);
    await page.locator('main h1').waitFor();
    const options = await searchFor(page, 'jancheo');
    expect(await options.count()).toBeGreaterThan(1);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    await shot(page, 'search-es');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    const target = await options.nth(1).locator('a').getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === target);
    const anchor = decodeURIComponent(target!.split('/')[3] ?? '');
    if (anchor) await expect.poll(() => page.evaluate((id) => Math.round(document.getElementById(id)?.getBoundingClientRect().top ?? 9999), anchor)).toBeLessThan(200);
    const highlighted = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('search-terms')?.size ?? 0);
    expect(highlighted).toBeGreaterThan(0);
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('toggles the dark theme and keeps it after a reload', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/glossary`);
    await page.locator('main h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(251, 250, 247)');
    await page.reload();
    await page.locator('main h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shot(page, 'glossary-en-dark');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'glossary-en-dark-360');
    await context.close();
  });

  it('is keyboard navigable: skip link first, visible focus', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/key-definitions`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('visits every route of the manifest with no request off the app origin and no console error', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    const csp: string[] = [];
    await page.exposeFunction('reportCsp', (v: string) => csp.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCsp(v: string): void }).reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const chapters = manifest().chapters;
    expect(chapters.length).toBeGreaterThanOrEqual(18);
    await page.goto(`${h.baseUrl}${chapters[0].route}`);
    for (const chapter of chapters) {
      await page.goto(`${h.baseUrl}${chapter.route}`);
      // The first heading shown (an instrument page's blank form keeps its own headings for paper only).
      await page.locator(`main[data-chapter="${chapter.id}"] .chapter-body h2:visible`).first().waitFor();
      // The first page of the other language shows once its pack has loaded (until then the same chapter stays in the language shown).
      await expect.poll(() => page.locator('main h1').textContent()).toBe(chapter.title);
    }
    // Each section laid out for printing, and the reader's library, in both languages.
    for (const lang of ['en', 'es'] as const) {
      for (const section of manifest().sections.map((s) => s.id)) {
        if (!chapters.some((c) => c.lang === lang && c.section === section)) continue;
        await page.goto(`${h.baseUrl}#/${lang}/print-section/${section}`);
        await page.locator('.print-chapter').first().waitFor();
      }
      await page.goto(`${h.baseUrl}#/${lang}/my-library`);
      await page.locator('main h1').waitFor();
    }
    // Search indexes of both languages load too.
    for (const lang of ['en', 'es']) {
      await page.goto(`${h.baseUrl}#/${lang}`);
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('mercurio');
      await page.locator('.search-results [role="option"], .search-results .search-status').first().waitFor();
      await page.keyboard.press('Escape');
    }
    expect(watch.offOrigin).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(csp).toEqual([]);
    await context.close();
  });
});
