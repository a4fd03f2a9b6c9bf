import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { decideLaunch } from '../../scripts/launch-decision.ts';
import { ROOT } from './harness.ts';

// The same decision `npm start` makes: is there an Electron binary and a display here?
const decision = decideLaunch({
  electronPackageDir: path.join(ROOT, 'node_modules/electron'),
  platform: process.platform,
  env: process.env,
  exists: existsSync,
  readText: (f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined),
});
const skipReason = decision.mode === 'browser' ? `Electron end-to-end test skipped: ${decision.reason}.` : '';
if (skipReason) console.warn(skipReason);

describe.skipIf(decision.mode !== 'electron')('the Electron app', () => {
  it('opens the manual over app:// with the bridge, and refuses to leave it', async () => {
    if (decision.mode !== 'electron') return;
    const app = await electron.launch({ executablePath: decision.binary, args: [ROOT], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
    try {
      const page = await app.firstWindow();
      await page.locator('main h1').waitFor();
      expect(page.url()).toMatch(/^app:\/\/puente\//);
      expect(await page.evaluate(() => typeof (window as unknown as { puente?: object }).puente)).toBe('object');
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      const info = await page.evaluate(() => (window as unknown as { puente: Record<string, (a?: unknown) => Promise<unknown>> }).puente['app:info']());
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
      const blocked = await page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'blocked'));
      expect(blocked).toBe('blocked');
      await page.evaluate(() => window.open('https://example.org/'));
      expect(app.windows().length).toBe(1);
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('pallaqueo');
      await page.locator('.search-results [role="option"]').first().waitFor();
      // Field records run in the main process (sql.js and its WebAssembly bundled next to main.cjs).
      const records = await page.evaluate(() => (window as unknown as { puente: Record<string, (a?: unknown) => Promise<unknown>> }).puente['records:call']({ op: 'status' }));
      expect(records).toMatchObject({ ok: true, value: { state: 'open' } });
    } finally {
      await app.close();
    }
  });
});
