import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newWatchedPage, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Focused { tag: string; text: string; testid: string | null; href: string | null; visible: boolean }

/** What has the focus, and whether a sighted keyboard user can see where it is. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', testid: null, href: null, visible: false };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    return { tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim().slice(0, 80), testid: el.getAttribute('data-testid'), href: el.getAttribute('href'), visible: el.matches(':focus-visible') && ring && onScreen };
  });
}

/** Presses Tab (Shift+Tab with `back`) until the focus is on what `want` accepts; every stop on the way must show its focus. */
async function tabTo(page: Page, want: (f: Focused) => boolean, max = 80, back = false): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    expect(f.visible, `focus not visible on <${f.tag}> "${f.text}"`).toBe(true);
    if (want(f)) return f;
  }
  throw new Error('did not reach the element with the keyboard');
}

describe('keyboard only', () => {
  it('goes from home to a chapter, searches, opens a result, switches language and prints, focus always visible', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'en-GB' });
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed += 1; };
    });
    await page.goto(`${h.baseUrl}#/en`);
    await page.locator('main h1').waitFor();

    // Home → the skip link → the page's content → a chapter of the NGO reading path, by Tab and Enter.
    await tabTo(page, (f) => f.text === 'Skip to content', 1);
    await page.keyboard.press('Enter');
    const link = await tabTo(page, (f) => f.tag === 'a' && (f.href ?? '').startsWith('#/en/model-on-one-page'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/en\/model-on-one-page/);
    await page.locator('main[data-chapter="model-on-one-page"] .chapter-body h2').first().waitFor();
    expect(link.href).toContain('model-on-one-page');

    // Search with Ctrl+K, choose the first result with the arrow keys, open it with Enter.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('mercury');
    await page.locator('.search-results [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const result = await page.locator('.search-results [role="option"].active .result-heading').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.search-dialog[open]').count()).toBe(0);
    const opened = page.url();
    expect(opened).not.toMatch(/model-on-one-page/);
    const chapterId = new URL(opened).hash.split('/')[2];
    // The focus lands on the heading the result named, where reading goes on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);
    const heading = await focused(page);
    expect(heading.text.replace(/\s+/g, ' ')).toContain(result!.replace(/\s+/g, ' ').trim());

    // Switch language with the keyboard (back up to the top bar): same chapter, in Spanish.
    await tabTo(page, (f) => f.testid === 'lang-switch', 160, true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/es/${chapterId}`));
    await page.locator('main h1').waitFor();

    // Print from the page tools.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Imprimir');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('gives the focus back to the search box when search is closed, with Esc or its close button', async () => {
    const { page, context } = await newWatchedPage(h, { locale: 'es-PE' });
    await page.goto(`${h.baseUrl}#/es/gender`);
    await page.locator('main h1').waitFor();
    for (const close of ['Escape', 'button'] as const) {
      // Open it from inside the page, from a link of the chapter.
      await page.locator('.chapter-body a').first().focus();
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').waitFor();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await page.locator('.search-dialog').getByRole('button', { name: 'Cerrar' }).click();
      await expect.poll(() => page.locator('.search-dialog[open]').count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-keyshortcuts'))).toMatch(/Control\+K/);
    }
    await context.close();
  });
});
