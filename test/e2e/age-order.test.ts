import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWatchedPage, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('age groups', () => {
  it('are listed youngest first, 0–5, 6–13, 14–17, wherever a list offers them', async () => {
    const { page, context } = await newWatchedPage(h, { locale: 'es-PE' });
    const youngestFirst = ['0–5', '6–13', '14–17'];
    // The register's filter.
    await page.goto(`${h.baseUrl}#/es/field-records`);
    await page.locator('[data-testid="records"] .records-tabs').waitFor();
    const register = page.locator('.records label', { hasText: 'Grupo de edad' }).locator('select option');
    await register.first().waitFor({ state: 'attached' });
    expect((await register.allTextContents()).slice(1)).toEqual(youngestFirst);
    // The catalogue's and the workshop modules' filters.
    for (const [route, select] of [['indicators', '[data-filter="age-group"] option'], ['workshop-modules', '.module-filters select option']] as const) {
      await page.goto(`${h.baseUrl}#/es/${route}`);
      await page.locator(select).first().waitFor({ state: 'attached' });
      const options = await page.locator(select).evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value).filter((v) => ['early', 'under14', '14to17'].includes(v)));
      expect(options, route).toEqual(['early', 'under14', '14to17']);
    }
    await context.close();
  });
});
