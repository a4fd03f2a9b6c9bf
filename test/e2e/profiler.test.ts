import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

/** A medium settlement with an informal cooperative and working adolescents: the answers after where families live, with the service it misses. */
async function answerTheRest(page: Page, missingService: string): Promise<void> {
  const answer = (question: string, option: string) => page.locator(`[data-question="${question}"] input[value="${option}"]`).check();
  for (const [question, option] of [['concession', 'members-hire-others'], ['how-work-is-paid', 'turns-or-shares'], ['authority', 'no'], ['size', 'medium'], ['larger-complex', 'no'], ['willing-organisation', 'maybe'], ['missing-services', missingService], ['working-children', 'adolescents-mine']]) {
    await answer(question, option);
  }
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the community profiler in Chromium', () => {
  it('turns a settlement with an informal cooperative and working adolescents into a plan that follows the language', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await page.goto(`${h.baseUrl}#/en/community-profiler`);
    const answer = (question: string, option: string) => page.locator(`[data-question="${question}"] input[value="${option}"]`).check();
    await answer('where-families-live', 'camp');
    // Incomplete answers get a message naming the questions, never a plan.
    await page.getByTestId('profiler-incomplete').waitFor();
    expect(await page.getByTestId('profiler-plan').count()).toBe(0);
    expect(await page.getByTestId('profiler-incomplete').textContent()).toMatch(/How is work organised and paid/);

    await answerTheRest(page, 'child-care');
    const plan = page.getByTestId('profiler-plan');
    await plan.waitFor();
    const matches = await plan.locator('[data-match]').evaluateAll((els) => els.map((e) => e.getAttribute('data-match')));
    expect(matches.slice(0, 2).sort()).toEqual(['la-rinconada', 'tipuani']);
    expect(await plan.textContent()).toMatch(/Hypothesis, not a prediction/);
    expect(await plan.locator('.plan-read a').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Adolescents/)]));
    await plan.scrollIntoViewIfNeeded();
    await shot(page, 'profiler-plan-en');

    await page.getByTestId('plan-name').fill('Chima norte');
    await page.getByTestId('plan-save').click();
    await page.locator('.profiler-saved li', { hasText: 'Chima norte' }).waitFor();

    await page.getByTestId('lang-switch').evaluate((b: HTMLElement) => b.click());
    await page.waitForURL(/#\/es\/community-profiler/);
    const planEs = page.getByTestId('profiler-plan');
    await planEs.waitFor();
    expect(await planEs.locator('h3').textContent()).toMatch(/Su plan — Chima norte/);
    expect(await planEs.textContent()).toMatch(/Hipótesis, no predicción/);
    expect((await planEs.locator('[data-match]').evaluateAll((els) => els.map((e) => e.getAttribute('data-match')))).slice(0, 2).sort()).toEqual(['la-rinconada', 'tipuani']);
    await shot(page, 'profiler-plan-es');

    // Saved on the machine: a reload shows it, and opening it brings the answers back.
    await page.reload();
    const saved = page.locator('.profiler-saved li', { hasText: 'Chima norte' });
    await saved.waitFor();
    await page.locator('.profiler-saved').getByRole('button', { name: 'Plan nuevo' }).click();
    expect(await page.getByTestId('profiler-plan').count()).toBe(0);
    await saved.getByRole('button', { name: 'Abrir' }).click();
    await page.getByTestId('profiler-plan').waitFor();
    expect(watch).toEqual({ offOrigin: [], consoleErrors: [] });
    await context.close();
  });

  it('is offered first on the home page, says "optional" once, warns before unsaved answers are lost, saves a second plan beside the first, prints only the plan and puts a missing school among the first steps', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE' });
    // window.print is replaced so the test can make the PDF that the print dialog would make.
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed += 1; };
    });
    await page.goto(`${h.baseUrl}#/es`);
    await page.getByRole('link', { name: /Empiece por su comunidad/ }).click();
    await page.waitForURL(/#\/es\/community-profiler/);
    await page.locator('[data-question="other-actors"] legend').waitFor();
    expect((await page.locator('[data-question="other-actors"] legend').textContent())!.match(/opcional/g)).toHaveLength(1);

    const answer = (question: string, option: string) => page.locator(`[data-question="${question}"] input[value="${option}"]`).check();
    await answer('where-families-live', 'camp');
    await answerTheRest(page, 'school');
    const plan = page.getByTestId('profiler-plan');
    await plan.waitFor();
    expect(await plan.locator('.plan-steps').textContent()).toMatch(/escuela/i);

    await page.getByTestId('plan-name').fill('Chima norte');
    await page.getByTestId('plan-save').click();
    await page.locator('.profiler-saved li', { hasText: 'Chima norte' }).waitFor();
    // A plan is open: saving updates it by name, and "save as new" keeps it beside the new one.
    expect(await page.getByTestId('plan-save').textContent()).toBe('Actualizar «Chima norte»');
    await page.getByTestId('plan-name').fill('Chima sur');
    await page.getByRole('button', { name: 'Guardar como plan nuevo' }).click();
    await page.locator('.profiler-saved li', { hasText: 'Chima sur' }).waitFor();
    expect(await page.locator('.profiler-saved li > span').allTextContents()).toEqual(expect.arrayContaining(['Chima norte', 'Chima sur']));
    await plan.scrollIntoViewIfNeeded();
    await shot(page, 'profiler-saved-es');

    // "Imprimir el plan" prints the plan, not the chapter around it.
    await page.getByRole('button', { name: 'Imprimir el plan' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await page.pdf({ format: 'A4' }))), { mergePages: true });
    expect(text).toMatch(/Su plan — Chima sur/);
    expect(text).not.toMatch(/Para qué sirve esta herramienta/);
    // Once printed, the chapter prints whole again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByRole('heading', { name: 'Para qué sirve esta herramienta' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // An answer changed and not saved: closing the window asks first.
    await answer('size', 'large');
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('finds each case study first when searching a community, its agency or its organisation terms', async () => {
    const { page, context } = await newWatchedPage(h);
    const first = async (lang: 'en' | 'es', query: string) => {
      await page.goto(`${h.baseUrl}#/${lang}`);
      await page.locator('main h1').waitFor();
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill(query);
      const option = page.locator('.search-results [role="option"] a').first();
      await option.waitFor();
      const href = await option.getAttribute('href');
      await page.keyboard.press('Escape');
      return href;
    };
    expect(await first('es', 'La Rinconada')).toMatch(/^#\/es\/la-rinconada/);
    expect(await first('en', 'Bella Rica')).toMatch(/^#\/en\/bella-rica/);
    expect(await first('es', 'Llallagua')).toMatch(/^#\/es\/llallagua/);
    expect(await first('en', 'Chima')).toMatch(/^#\/en\/tipuani/);
    expect(await first('en', 'SOTRAMI')).toMatch(/^#\/en\/santa-filomena/);
    expect(await first('es', 'COOPERACCION')).toMatch(/^#\/es\/santa-filomena/);
    expect(await first('es', 'Desarrollo y Autogestion')).toMatch(/^#\/es\/bella-rica/);
    expect(await first('es', 'cachorreo')).toMatch(/^#\/es\/la-rinconada/);
    expect(await first('en', 'AMASUC')).toMatch(/^#\/en\/peru-mid-south-formalisation/);
    expect(await first('es', 'Fundación Mi Sangre')).toMatch(/^#\/es\/somos-tesoro/);
    await context.close();
  });
});
