import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { newWatchedPage, SCREENSHOT_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('bookmarks and notes in Chromium', () => {
  it('keeps a bookmarked heading and a note after a reload, and moves them to a fresh profile by file', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/baseline`);
    const heading = page.locator('.chapter-body h2[id]').nth(1);
    await heading.waitFor();
    const anchor = (await heading.getAttribute('id'))!;
    await page.getByTestId(`bookmark-${anchor}`).click();
    expect(await page.getByTestId(`bookmark-${anchor}`).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId(`note-${anchor}`).click();
    await page.getByTestId('note-text').fill('Ask the head teacher before the census.');
    await page.getByTestId('note-save').click();
    await page.locator('.reader-note', { hasText: 'Ask the head teacher' }).waitFor();

    await page.reload();
    await page.locator('.reader-note', { hasText: 'Ask the head teacher' }).waitFor();
    expect(await page.getByTestId(`bookmark-${anchor}`).getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'note-en');

    await page.goto(`${h.baseUrl}#/en/my-library`);
    await page.getByTestId('library-notes').waitFor();
    expect(await page.getByTestId('library-bookmarks').textContent()).toMatch(/Baseline/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('marks-export').click()]);
    const file = path.join(SCREENSHOT_DIR, 'exported-notes.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('puente-reader-data');
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();

    // A fresh profile: a bad file changes nothing and says why; the real file brings both back.
    const fresh = await newWatchedPage(h, { locale: 'es-PE' });
    await fresh.page.goto(`${h.baseUrl}#/es/my-library`);
    await fresh.page.locator('main h1').waitFor();
    await fresh.page.getByTestId('marks-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"puente-reader-data","version":2}') });
    await expect.poll(() => fresh.page.getByTestId('marks-status').textContent()).toMatch(/No se pudo importar.*version/);
    expect(await fresh.page.getByTestId('library-notes').count()).toBe(0);
    await fresh.page.getByTestId('marks-import').setInputFiles(file);
    await fresh.page.getByTestId('library-notes').waitFor();
    expect(await fresh.page.getByTestId('library-notes').textContent()).toMatch(/Ask the head teacher/);
    await fresh.page.goto(`${h.baseUrl}#/en/baseline/${anchor}`);
    await fresh.page.locator('.reader-note', { hasText: 'Ask the head teacher' }).waitFor();
    await fresh.context.close();
  });

  it('shows a note written on a Spanish heading on the same heading in English, saying where it was written, and edits that one note', async () => {
    for (const width of [1366, 360]) {
      const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE', width, height: width === 360 ? 740 : 768 });
      await page.goto(`${h.baseUrl}#/es/baseline`);
      const heading = page.locator('.chapter-body h2[id]').nth(1);
      await heading.waitFor();
      const anchorEs = (await heading.getAttribute('id'))!;
      await page.getByTestId(`note-${anchorEs}`).evaluate((b: HTMLElement) => b.click());
      await page.getByTestId('note-text').fill('Preguntar al director antes del censo.');
      await page.getByTestId('note-save').click();
      await page.locator('.reader-note', { hasText: 'Preguntar al director' }).waitFor();
      expect(await page.getByTestId('note-other-language').count()).toBe(0);

      await page.goto(`${h.baseUrl}#/en/baseline`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      const headingEn = page.locator('.chapter-body h2[id]').nth(1);
      // The English page has its own heading ids.
      await expect.poll(() => headingEn.getAttribute('id')).not.toBe(anchorEs);
      const anchorEn = (await headingEn.getAttribute('id'))!;
      const note = page.locator('.reader-note', { hasText: 'Preguntar al director' });
      await note.waitFor();
      expect(await note.getByTestId('note-other-language').textContent()).toBe('Written on this heading in the Spanish version.');
      // It sits under that heading, not another one.
      expect(await note.evaluate((el) => { let h = el.previousElementSibling; while (h && !/^H[23]$/.test(h.tagName)) h = h.previousElementSibling; return h?.id; })).toBe(anchorEn);
      await note.scrollIntoViewIfNeeded();
      await shot(page, `note-other-language-en-${width}`);
      // Editing it in English changes the one note (no second note appears in Spanish).
      await note.getByRole('button').click();
      await page.getByTestId('note-text').fill('Ask the head teacher before the census.');
      await page.getByTestId('note-save').click();
      await page.locator('.reader-note', { hasText: 'Ask the head teacher' }).waitFor();
      await page.goto(`${h.baseUrl}#/es/baseline`);
      await page.locator('.reader-note', { hasText: 'Ask the head teacher' }).waitFor();
      expect(await page.locator('.reader-note').count()).toBe(1);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('shows reading-path progress on the home page and the next chapter of the path', async () => {
    const { page, context } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/how-to-use`);
    await page.getByTestId('path-next').waitFor();
    expect(await page.getByTestId('path-next').textContent()).toMatch(/Next in/);
    // The visit is saved on the machine before we leave.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('puente.userdata.reader-data') ?? '')).toContain('how-to-use');
    await page.goto(`${h.baseUrl}#/en`);
    await expect.poll(() => page.locator('[data-path="ngo"] .path-progress').textContent()).toMatch(/1 of \d+ read/);
    expect(await page.locator('.recent-list a').first().textContent()).toMatch(/How to use/);
    await context.close();
  });
});
