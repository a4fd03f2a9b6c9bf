import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { decideLaunch } from '../../scripts/launch-decision.ts';
import { checkDesktopApp } from './desktop-app-checks.ts';
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
// CI sets PUENTE_REQUIRE_ELECTRON=1: there a skipped desktop test is a failure, not a pass.
if (skipReason && process.env.PUENTE_REQUIRE_ELECTRON === '1') throw new Error(skipReason);

describe.skipIf(decision.mode !== 'electron')('the Electron app', () => {
  it('opens the manual over app:// with the bridge, and refuses to leave it', async () => {
    if (decision.mode !== 'electron') return;
    const app = await electron.launch({ executablePath: decision.binary, args: [ROOT], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
    try {
      await checkDesktopApp(await app.firstWindow(), () => app.windows().length);
    } finally {
      await app.close();
    }
  });
});
