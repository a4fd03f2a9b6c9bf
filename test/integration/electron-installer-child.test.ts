/** npm start runs Electron's installer as a child process with a time limit: a real child, killed when it hangs. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installerFailureReason, runElectronInstaller } from '../../scripts/electron-fetch.ts';
import { OFFLINE_OUTPUT } from '../fixtures/electron-offline-output.ts';

describe('running the installer as a child with a time limit', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'puente-fetch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, body);
    return file;
  };
  const run = (installScript: string, timeoutMs: number) => runElectronInstaller(spawn, { nodePath: process.execPath, installScript, timeoutMs, env: process.env });

  it('kills an installer that runs past the limit, and says it timed out', async () => {
    const started = Date.now();
    const r = await run(script('hang.cjs', 'setTimeout(() => {}, 60_000);'), 300);
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps what a failing installer printed on stdout and stderr, and its exit code', async () => {
    const r = await run(script('fail.cjs', `console.log('Downloading'); console.error(${JSON.stringify(OFFLINE_OUTPUT)}); process.exit(1);`), 10_000);
    expect(r).toMatchObject({ code: 1, timedOut: false });
    expect(r.output).toContain('Downloading');
    expect(installerFailureReason(r, 120)).toMatch(/offline/);
  });

  it('reports a successful install as exit code 0', async () => {
    expect(await run(script('ok.cjs', ''), 10_000)).toMatchObject({ code: 0, timedOut: false });
  });
});
