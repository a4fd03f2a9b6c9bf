import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const MODULE = 'parents-mothers-care-school-income';

/** What the audience sees on the current slide: the step titles shown, whether a facilitator note shows, and whether it fits. */
function audienceView(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && el.getClientRects().length > 0;
    const layout = document.querySelector<HTMLElement>('.chapter-layout')!;
    const slide = document.querySelector<HTMLElement>('.chapter')!;
    return {
      count: document.querySelector('[data-testid="slide-count"]')?.textContent ?? '',
      steps: [...document.querySelectorAll('.module-step')].filter(visible).map((s) => s.querySelector('.step-head strong')?.textContent ?? ''),
      notesShown: [...document.querySelectorAll('.step-note')].filter(visible).length,
      text: slide.innerText,
      overflow: layout.scrollHeight - layout.clientHeight,
      sidewaysOverflow: layout.scrollWidth - layout.clientWidth,
      sourceCodes: [...document.querySelectorAll('.source-pill')].filter(visible).length,
      addToWorkshop: [...document.querySelectorAll('[data-testid="add-to-workshop"]')].filter(visible).length,
    };
  });
}

describe('presenting a workshop module', () => {
  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    it(`steps through every timed step of the mothers' module with the arrow keys and a clicker, notes never on the audience view, each slide fitting ${width}×${height}`, async () => {
      const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE', width, height });
      await page.goto(`${h.baseUrl}#/es/${MODULE}`);
      await page.locator('.module-page .module-step').first().waitFor();
      const steps = await page.locator('.module-step .step-head strong').allTextContents();
      const notes = (await page.locator('.module-step .step-note').allTextContents()).map((n) => n.replace(/^[^:]*:\s*/, '').slice(0, 60));
      expect(steps.length).toBeGreaterThanOrEqual(5);
      expect(notes.length).toBeGreaterThan(0);

      await page.getByTestId('present').click();
      await expect.poll(() => page.getByTestId('slide-count').textContent()).toMatch(/^1 \/ \d+$/);
      // The slides are counted once laid out: at least the opening and one per timed step (a count read earlier was too small once).
      await expect.poll(async () => Number((await page.getByTestId('slide-count').textContent())!.split(' / ')[1])).toBeGreaterThan(steps.length);
      const first = await audienceView(page);
      expect(first.sourceCodes, 'source codes on the first slide').toBe(0);
      expect(first.addToWorkshop, '"build a workshop" on the first slide').toBe(0);
      expect(first.text).not.toMatch(/ipec-eval|asm-gender|somos-tesoro/);
      await shot(page, `presentation-module-es-${width}-first`);

      const total = Number(first.count.split(' / ')[1]);
      const seen: string[][] = [];
      for (let i = 0; i < total; i++) {
        const view = await audienceView(page);
        expect(view.count).toBe(`${i + 1} / ${total}`);
        expect(view.notesShown, `a facilitator note on slide ${i + 1}`).toBe(0);
        for (const note of notes) expect(view.text, `slide ${i + 1}`).not.toContain(note);
        expect(view.overflow, `slide ${i + 1} scrolls at ${width}×${height}`).toBeLessThanOrEqual(1);
        expect(view.sidewaysOverflow, `slide ${i + 1} scrolls sideways`).toBeLessThanOrEqual(1);
        seen.push(view.steps);
        if (view.steps[0] === steps[2]) await shot(page, `presentation-module-es-${width}-step`);
        if (i < total - 1) {
          await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
          await expect.poll(() => page.getByTestId('slide-count').textContent()).toBe(`${i + 2} / ${total}`);
        }
      }
      // One step per slide, every step, in order.
      const stepSlides = seen.filter((s) => s.length > 0);
      expect(stepSlides.every((s) => s.length === 1)).toBe(true);
      expect(stepSlides.map((s) => s[0])).toEqual(steps);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('shows notes, a timer and the next slide in the presenter view (P), and Esc gives the focus back to the Present button', async () => {
    const { page, context } = await newWatchedPage(h, { locale: 'en-GB', width: 1366, height: 768 });
    await page.goto(`${h.baseUrl}#/en/${MODULE}`);
    await page.locator('.module-page .module-step').first().waitFor();
    const steps = await page.locator('.module-step .step-head strong').allTextContents();
    const firstNote = (await page.locator('.module-step').first().locator('.step-note').textContent())!.replace(/^[^:]*:\s*/, '');
    await page.getByTestId('present').click();
    await expect.poll(() => page.getByTestId('slide-count').textContent()).toMatch(/^1 \//);
    // Go to the first step.
    while ((await audienceView(page)).steps[0] !== steps[0]) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('presenter-view').count()).toBe(0);

    await page.keyboard.press('p');
    const panel = page.getByTestId('presenter-view');
    await panel.waitFor();
    expect(await panel.getByTestId('presenter-notes').textContent()).toContain(firstNote.slice(0, 80));
    expect(await panel.getByTestId('presenter-next').textContent()).toContain(steps[1]);
    await expect.poll(() => panel.getByTestId('presenter-timer').textContent()).toMatch(/0:0[1-9]/);
    // The slide itself still carries no note.
    expect((await audienceView(page)).notesShown).toBe(0);
    await shot(page, 'presentation-presenter-view-en-1366');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => panel.getByTestId('presenter-next').textContent()).toContain(steps[2]);

    await page.keyboard.press('P');
    await expect.poll(() => panel.count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('slide-count').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('present');
    await context.close();
  });
});
