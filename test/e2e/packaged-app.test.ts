/**
 * The packaged app (`electron-builder --dir`), as a person would start it: its own executable,
 * the release fuses set, the app read from app.asar. Playwright's _electron cannot drive it
 * (it attaches through the inspector arguments the fuses turn off), so the test starts the
 * executable itself with Chromium's debugging port and attaches to the window over it, then
 * runs the same checks as the unpackaged test. It starts it with `--inspect`, ELECTRON_RUN_AS_NODE
 * and a NODE_OPTIONS `--require` too, none of which may take effect in the packaged app.
 * Runs where PUENTE_PACKAGED_APP names the executable (the CI workflow); skipped elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { checkDesktopApp } from './desktop-app-checks.ts';

const executable = process.env.PUENTE_PACKAGED_APP ? path.resolve(process.env.PUENTE_PACKAGED_APP) : undefined;
if (!executable) console.warn('Packaged-app test skipped: PUENTE_PACKAGED_APP does not name a packaged executable (the CI workflow sets it after electron-builder --dir).');

/** Starts the executable and waits for Chromium to print its debugging address. */
function start(exe: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; endpoint: string; output: () => string }> {
  const child = spawn(exe, ['--remote-debugging-port=0', '--inspect=0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no debugging address within 60 s; the app printed:\n${output}`)), 60_000);
    const read = (c: Buffer) => {
      output += c.toString('utf8');
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, endpoint: m[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`the app exited (${code ?? signal}) before opening; it printed:\n${output}`)));
  });
}

async function appPage(browser: Browser): Promise<Page> {
  const context = browser.contexts()[0]!;
  for (let i = 0; i < 300; i++) {
    const page = context.pages().find((p) => p.url().startsWith('app://'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no app:// window; pages: ${context.pages().map((p) => p.url()).join(', ')}`);
}

describe.skipIf(!executable)('the packaged app', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'puente-packaged-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('opens the manual over app:// with the bridge, ignoring the switches its fuses turn off', async () => {
    expect(existsSync(executable!), executable).toBe(true);
    const marker = path.join(tmp, 'node-options-ran');
    const probe = path.join(tmp, 'probe.cjs');
    writeFileSync(probe, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
    const app = await start(executable!, { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: `--require ${JSON.stringify(probe)}`, ELECTRON_ENABLE_LOGGING: '1' });
    const exited = new Promise<void>((resolve) => app.child.on('exit', () => resolve()));
    try {
      // A started window proves ELECTRON_RUN_AS_NODE was ignored (runAsNode off).
      const browser = await chromium.connectOverCDP(app.endpoint);
      const page = await appPage(browser);
      await checkDesktopApp(page, () => browser.contexts()[0]!.pages().length);
      expect(existsSync(marker), 'NODE_OPTIONS --require ran inside the packaged app').toBe(false);
      expect(app.output()).not.toMatch(/Debugger listening on/);
      await browser.close();
    } finally {
      app.child.kill();
      await exited;
    }
  });
});
