/**
 * What the desktop app must do once its window is open, checked the same way on the
 * unpackaged app (`electron.test.ts`, Playwright's _electron) and on the packaged one
 * (`packaged-app.test.ts`, attached over Chromium's debugging port).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Bridge = Record<string, (a?: unknown) => Promise<unknown>>;

export async function checkDesktopApp(page: Page, windowCount: () => number): Promise<void> {
  await page.locator('main h1').waitFor();
  expect(page.url()).toMatch(/^app:\/\/puente\//);
  // The preload's bridge is there, and nothing of Node is.
  expect(await page.evaluate(() => typeof (window as unknown as { puente?: object }).puente)).toBe('object');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  const info = await page.evaluate(() => (window as unknown as { puente: Bridge }).puente['app:info']());
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  const blocked = await page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'blocked'));
  expect(blocked).toBe('blocked');
  await page.evaluate(() => window.open('https://example.org/'));
  expect(windowCount()).toBe(1);
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('pallaqueo');
  await page.locator('.search-results [role="option"]').first().waitFor();
  // Field records run in the main process (sql.js and its WebAssembly bundled next to main.cjs).
  const records = await page.evaluate(() => (window as unknown as { puente: Bridge }).puente['records:call']({ op: 'status' }));
  expect(records).toMatchObject({ ok: true, value: { state: 'open' } });
}
