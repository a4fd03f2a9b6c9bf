import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { newWatchedPage, SCREENSHOT_DIR, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function open(lang: 'en' | 'es', hash: string, size?: { width: number; height: number }) {
  const w = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB', ...size });
  await w.page.goto(`${h.baseUrl}#/${lang}/${hash}`);
  await w.page.locator('main h1').first().waitFor();
  return w;
}

/** The agenda as the trainer sees it: [time range, what] per row. */
async function agendaRows(page: Page): Promise<Array<[string, string]>> {
  return page.locator('[data-testid="agenda"] > li').evaluateAll((items) =>
    items.map((li) => [li.querySelector('.agenda-time')?.textContent ?? '', li.getAttribute('data-item') ?? ''] as [string, string]));
}

/** A PDF's page count and text, read back with a PDF library; the file is kept for a person to look at. */
async function readPdf(bytes: Uint8Array, name: string): Promise<{ pages: number; text: string[] }> {
  writeFileSync(path.join(SCREENSHOT_DIR, `${name}.pdf`), bytes);
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  // Lines wrap where the page is full: compare text with its whitespace folded.
  return { pages: totalPages, text: (text as string[]).map((t) => t.replace(/\s+/g, ' ')) };
}

describe('workshop builder', () => {
  it('builds a workshop from three modules, reorders them, times the agenda, saves it and prints the pack', async () => {
    const { page, context, watch } = await open('en', 'workshop-builder');
    await page.locator('.picker-list li').first().waitFor();
    const picks = await page.locator('.picker-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-pick')!));
    expect(picks.length).toBeGreaterThanOrEqual(14);
    const [a, b, c] = picks;
    for (const id of [a, b, c]) await page.locator(`[data-pick="${id}"] button`).click();
    await expect.poll(() => page.locator(`[data-pick="${a}"] button`).isDisabled()).toBe(true);

    let rows = await agendaRows(page);
    expect(rows.map((r) => r[1])).toEqual([a, b, c]);
    expect(rows[0][0]).toMatch(/^09:00–/);
    // Each module starts when the one before ends.
    const ends = (r: [string, string]) => r[0].split('–')[1];
    const starts = (r: [string, string]) => r[0].split('–')[0];
    expect(starts(rows[1])).toBe(ends(rows[0]));
    expect(starts(rows[2])).toBe(ends(rows[1]));

    await page.getByTestId('workshop-start').fill('08:30');
    rows = await agendaRows(page);
    expect(rows[0][0]).toMatch(/^08:30–/);
    const firstLength = (text: string) => { const [s, e] = text.split('–').map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3))); return e - s; };
    const lengthOfC = firstLength(rows[2][0]);

    // Move the third module to the top: it now starts at 08:30 and the others follow it.
    await page.locator(`[data-item="${c}"] button[aria-label="Move up"]`).click();
    await page.locator(`[data-item="${c}"] button[aria-label="Move up"]`).click();
    rows = await agendaRows(page);
    expect(rows.map((r) => r[1])).toEqual([c, a, b]);
    expect(rows[0][0]).toMatch(/^08:30–/);
    expect(firstLength(rows[0][0])).toBe(lengthOfC);
    expect(starts(rows[1])).toBe(ends(rows[0]));

    // A 15-minute break put after the first module, where the trainer is, moves everything after it by 15 minutes.
    const before = await page.getByTestId('agenda-total').textContent();
    await page.locator(`[data-item="${c}"]`).getByRole('button', { name: 'Add a break after' }).click();
    rows = await agendaRows(page);
    expect(rows.map((r) => r[1])).toEqual([c, 'break', a, b]);
    expect(starts(rows[1])).toBe(ends(rows[0]));
    expect(firstLength(rows[1][0])).toBe(15);
    expect(await page.getByTestId('agenda-total').textContent()).not.toBe(before);

    await page.getByTestId('workshop-title').fill('Teachers and parents, Chima');
    await page.getByTestId('save-workshop').click();
    await page.getByText('Saved on this computer.', { exact: true }).waitFor();
    await shot(page, 'workshop-builder-en-1366');

    // Print preview: only the pack (agenda, facilitator notes, one handout per module), no builder controls.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.agenda-table').isVisible()).toBe(true);
    expect(await page.locator('.builder-columns').isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.pack-handouts .handout').count()).toBe(3);
    expect(await page.locator('.agenda-table tbody tr').count()).toBe(4);
    expect(await page.locator('.pack-module').count()).toBe(3);
    const titles = await page.locator('.pack-handouts .handout-title').allTextContents();
    const pdf = await readPdf(await page.pdf({ format: 'A4' }), 'workshop-pack-en');
    await page.emulateMedia({ media: 'screen' });
    // The agenda and the modules' notes flowing on (no page each), then one page per handout.
    expect(pdf.pages).toBeGreaterThanOrEqual(7);
    const all = pdf.text.join('\n');
    expect(pdf.text[0]).toContain('Teachers and parents, Chima');
    expect(pdf.text[0]).toMatch(/08:30/);
    for (const title of titles) expect(all).toContain(title.replace(/\s+/g, ' '));
    expect(pdf.text.at(-1)).toContain(titles.at(-1)!.replace(/\s+/g, ' '));
    expect(pdf.text.at(-1)).toMatch(new RegExp(`${pdf.pages} / ${pdf.pages}`));
    expect(all).not.toContain('Saved workshops');

    // The saved workshop is there after a restart, with the same agenda.
    await page.reload();
    await page.locator('[data-testid="saved-workshops"] li').first().waitFor();
    await page.getByRole('button', { name: 'New workshop' }).click();
    expect(await page.locator('[data-testid="agenda"]').count()).toBe(0);
    await page.locator('[data-testid="saved-workshops"] .link-button', { hasText: 'Teachers and parents, Chima' }).click();
    expect((await agendaRows(page)).map((r) => r[1])).toEqual([c, 'break', a, b]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
    await context.close();
  });

  it('warns, in the reader\'s language, when the modules chosen overrun the session\'s target length, and puts a break where the trainer is', async () => {
    const texts = {
      en: { over: /The agenda runs (.+) over the target of 2 h 30 min: it ends at (\d\d:\d\d), not 11:30\./, breakAfter: 'Add a break after', atEnd: 'Add a break at the end' },
      es: { over: /La agenda dura (.+) más que la duración prevista de 2 h 30 min: termina a las (\d\d:\d\d), no a las 11:30\./, breakAfter: 'Agregar un descanso después de', atEnd: 'Agregar un descanso al final' },
    };
    for (const lang of ['es', 'en'] as const) {
      for (const size of [{ width: 1366, height: 768 }, { width: 360, height: 740 }]) {
        const { page, context, watch } = await open(lang, 'workshop-builder', size);
        await page.locator('.picker-list li').first().waitFor();
        const picks = await page.locator('.picker-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-pick')!));
        const [a, b, c] = picks;
        for (const id of [a, b, c]) await page.locator(`[data-pick="${id}"] button`).click();
        await page.getByTestId('workshop-target').selectOption('150');
        const total = () => page.getByTestId('agenda-total').textContent();
        const end = (await total())!.match(/–(\d\d:\d\d)/)![1];
        const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        const over = page.getByTestId('agenda-overrun');
        if (minutes(end) - 9 * 60 > 150) {
          await over.waitFor();
          const [, by, ends] = (await over.textContent())!.match(texts[lang].over)!;
          expect(ends).toBe(end);
          expect(by).toMatch(/^(\d+ h )?\d+ min$|^\d+ h$/);
        }
        // The break goes after the first module, not at the end.
        await page.locator(`[data-item="${a}"]`).getByRole('button', { name: texts[lang].breakAfter }).click();
        expect((await agendaRows(page)).map((r) => r[1])).toEqual([a, 'break', b, c]);
        await page.getByRole('button', { name: texts[lang].atEnd }).click();
        expect((await agendaRows(page)).map((r) => r[1])).toEqual([a, 'break', b, c, 'break']);
        await over.waitFor();
        expect(await over.textContent()).toMatch(texts[lang].over);
        if (size.width === 360) {
          await over.scrollIntoViewIfNeeded();
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        } else {
          await page.getByTestId('workshop-target').scrollIntoViewIfNeeded();
        }
        await shot(page, `workshop-target-${lang}-${size.width}`);
        // A target the agenda fits in: no warning.
        await page.getByTestId('workshop-target').selectOption('480');
        await expect.poll(() => over.count()).toBe(0);
        expect(watch.consoleErrors).toEqual([]);
        await context.close();
      }
    }
  });

  it('keeps the workshop being built while the trainer reads module pages and switches language', async () => {
    const { page, context } = await open('en', 'workshop-modules');
    const hrefs = await page.locator('[data-module-card] a').evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute('href')!));
    const ids = hrefs.map((href) => href.split('/').at(-1)!);
    for (const href of hrefs) {
      await page.goto(`${h.baseUrl}${href}`);
      await page.getByTestId('add-to-workshop').click();
      await page.locator('[data-testid="agenda"]').waitFor();
    }
    expect((await agendaRows(page)).map((r) => r[1])).toEqual(ids);
    await page.getByTestId('workshop-title').fill('Padres, Chima');
    await page.getByTestId('lang-switch').evaluate((b: HTMLElement) => b.click());
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.locator('[data-testid="agenda"]').waitFor();
    expect((await agendaRows(page)).map((r) => r[1])).toEqual(ids);
    expect(await page.getByTestId('workshop-title').inputValue()).toBe('Padres, Chima');
    await context.close();
  });

  it('lists the modules of every audience in both languages and filters them', async () => {
    for (const lang of ['es', 'en'] as const) {
      const { page, context } = await open(lang, 'workshop-modules');
      await page.locator('[data-module-card]').first().waitFor();
      const total = await page.locator('[data-module-card]').count();
      expect(total).toBeGreaterThanOrEqual(14);
      expect(await page.locator('.module-group').count()).toBe(7);
      await page.locator('[data-filter="audience"]').selectOption('media');
      const media = await page.locator('[data-module-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-module-card')));
      expect(media.length).toBeGreaterThanOrEqual(2);
      expect(media.every((id) => id?.startsWith('media-'))).toBe(true);
      await page.locator('[data-filter="audience"]').selectOption('');
      await page.locator('[data-filter="length"]').selectOption('60');
      expect(await page.locator('[data-module-card]').count()).toBeLessThan(total);
      await context.close();
    }
  });
});

describe('presentation mode', () => {
  it('shows one section per screen (a long one over several, its heading on each), every slide fitting, moves with arrows and clicker keys, and leaves with Esc', async () => {
    const { page, context, watch } = await open('es', 'communication-strategy');
    await page.locator('.chapter-body .references').waitFor();
    const headings = await page.locator('.chapter-body > h2').allTextContents();
    expect(headings.length).toBeGreaterThan(3);
    await page.getByTestId('present').click();
    const count = page.getByTestId('slide-count');
    await expect.poll(() => count.textContent()).toMatch(/^1 \/ \d+$/);
    const total = Number((await count.textContent())!.split(' / ')[1]);
    expect(total).toBeGreaterThanOrEqual(headings.length + 1);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);

    const visible = () => page.locator('.chapter-body > h2').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));
    const overflow = () => page.locator('.chapter-layout').evaluate((l) => l.scrollHeight - l.clientHeight);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => count.textContent()).toBe(`2 / ${total}`);
    await expect.poll(visible).toEqual([headings[0]]);
    expect(await page.locator('main h1').isVisible()).toBe(false);
    await shot(page, 'presentation-es-1366');

    // Every section is shown, in order, each slide without scrolling.
    const order: string[] = [];
    for (let i = 2; i <= total; i++) {
      expect(await overflow(), `slide ${i}`).toBeLessThanOrEqual(1);
      for (const heading of await visible()) if (order.at(-1) !== heading) order.push(heading!);
      if (i < total) {
        await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
        await expect.poll(() => count.textContent()).toBe(`${i + 1} / ${total}`);
      }
    }
    expect(order).toEqual(headings);
    await page.keyboard.press('Home');
    await expect.poll(() => count.textContent()).toBe(`1 / ${total}`);
    await page.keyboard.press('End');
    await expect.poll(() => count.textContent()).toBe(`${total} / ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => count.textContent()).toBe(`${total - 1} / ${total}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('slide-count').count()).toBe(0);
    expect(await page.locator('.topbar').isVisible()).toBe(true);
    expect((await visible()).length).toBe(headings.length);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('presents a workshop module, one part per screen', async () => {
    const { page, context } = await open('en', 'workshop-modules');
    const href = await page.locator('[data-module-card] a').first().getAttribute('href');
    await page.goto(`${h.baseUrl}${href}`);
    await page.locator('.module-page').waitFor();
    await page.getByTestId('present').click();
    // Wait until presentation mode listens for keys, then move three slides, one at a time.
    await expect.poll(() => page.getByTestId('slide-count').textContent()).toMatch(/^1 \/ /);
    for (const n of [2, 3, 4]) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('slide-count').textContent()).toMatch(new RegExp(`^${n} / `));
    }
    const shown = await page.locator('.module-page h2').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));
    expect(shown).toEqual(['module-steps']);
    expect(await page.locator('.module-steps').isVisible()).toBe(true);
    await shot(page, 'presentation-module-en-1366');
    await context.close();
  });
});

describe('print and PDF', () => {
  it('prints a chapter with page numbers, no navigation and its references at the end', async () => {
    const { page, context } = await open('en', 'gender');
    await page.locator('.references').waitFor();
    const title = (await page.locator('main h1').textContent())!;
    const pdf = await readPdf(await page.pdf({ format: 'A4' }), 'chapter-gender-en');
    expect(pdf.pages).toBeGreaterThan(2);
    expect(pdf.text[0]).toContain(title);
    expect(pdf.text[0]).toContain(`1 / ${pdf.pages}`);
    const all = pdf.text.join('\n');
    expect(all).toContain('Sources cited in this chapter');
    expect(all).toContain('Formalisation of artisanal and small-scale mining in Peru and Bolivia');
    expect(all).not.toContain('asm-gender-paper');
    for (const chrome of ['Skip to content', 'On this page', 'Save as PDF', 'Present']) expect(all).not.toContain(chrome);
    await context.close();
  });

  it('prints a whole section, each chapter from a new page, in Spanish', async () => {
    const { page, context } = await open('es', 'gender');
    await page.getByTestId('print-section').click();
    await page.locator('.print-chapter').first().waitFor();
    const chapters = await page.locator('.print-chapter > h1').allTextContents();
    expect(chapters.length).toBeGreaterThanOrEqual(1);
    await page.waitForFunction(() => document.querySelectorAll('.print-chapter .references').length > 0);
    const pdf = await readPdf(await page.pdf({ format: 'A4' }), 'section-gender-es');
    const all = pdf.text.join('\n');
    for (const c of chapters) expect(all).toContain(c.replace(/\s+/g, ' '));
    expect(pdf.text[0]).toContain('Género');
    expect(all).not.toContain('Imprimir toda la sección');
    await context.close();
  });
});
