import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The numbers a person sees down the form, in order: "7." for a question, "8–12." for a line of questions that do not apply. */
function numbersOnScreen(page: import('playwright-core').Page) {
  return page.locator('form.form-filler .qnum, form.form-filler .fill-not-applicable').evaluateAll((els) => els.map((e) => e.textContent!.match(/^\d+(?:–\d+)?/)![0]));
}

/** "1", "2–4", "5" → [1, 2, 3, 4, 5]. */
const expand = (marks: string[]) => marks.flatMap((m) => { const [a, b = a] = m.split('–').map(Number); return Array.from({ length: b - a + 1 }, (_, i) => a + i); });

describe('question numbers on screen', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`count straight through: what does not apply is said where it would be (${lang})`, async () => {
      const { page, context } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB' });
      await page.goto(`${h.baseUrl}#/${lang}/field-records`);
      await page.locator('[data-testid="records"] .records-tabs').waitFor();
      await page.getByTestId('register-child').click();
      const form = page.locator('form.form-filler');
      await form.waitFor();
      let marks = await numbersOnScreen(page);
      const all = expand(marks);
      expect(all).toEqual(all.map((_, i) => i + 1));
      expect(await form.locator('.fill-not-applicable').first().textContent()).toMatch(lang === 'es' ? /\(no aplica/ : /\(does not apply|\(do not apply/);

      // Answering opens questions: the numbers still count straight through, to the same last one.
      await form.locator('[data-name="parent_consent"] input[value="yes"]').check();
      await form.locator('[data-name="child_assent"] input[value="yes"]').check();
      marks = await numbersOnScreen(page);
      expect(expand(marks)).toEqual(all);
      await form.locator('.fill-not-applicable').first().scrollIntoViewIfNeeded();
      await shot(page, `form-numbers-${lang}`);
      await context.close();
    });
  }
});
