/**
 * `npm start` fetching Electron's binary with Electron's own installer: the time limit, the
 * reason given when it fails, and deciding again after it succeeds.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideLaunchFetchingElectron, fetchSeconds, installerFailureReason, type InstallerRun } from '../../scripts/electron-fetch.ts';
import { decideLaunch } from '../../scripts/launch-decision.ts';
import { OFFLINE_OUTPUT } from '../fixtures/electron-offline-output.ts';

// @electron/get's HTTPError message, as FetchDownloader builds it.
const REFUSED_OUTPUT = `HTTPError: Response code 403 (Forbidden) for https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip
    at FetchDownloader.download (file:///p/node_modules/@electron/get/dist/FetchDownloader.js:48:23)
`;

const failed = (output: string, code = 1): InstallerRun => ({ code, output, timedOut: false });

describe('why fetching Electron failed, in words', () => {
  it('says the computer is offline when the download could not connect', () => {
    expect(installerFailureReason(failed(OFFLINE_OUTPUT), 120)).toMatch(/offline or cannot reach Electron's download server/);
    expect(installerFailureReason(failed('Error: getaddrinfo EAI_AGAIN github.com'), 120)).toMatch(/offline/);
  });

  it('says the download was refused, with the HTTP status', () => {
    expect(installerFailureReason(failed(REFUSED_OUTPUT), 120)).toBe("Electron's download was refused (HTTP 403 Forbidden)");
  });

  it('says it timed out, and how to allow longer', () => {
    expect(installerFailureReason({ code: null, output: '', timedOut: true }, 90)).toMatch(/within 90 s.*PUENTE_ELECTRON_FETCH_SECONDS/);
  });

  it('passes on anything else as the installer said it, without the stack', () => {
    expect(installerFailureReason(failed('Error: Generated checksum for "electron.zip" did not match expected checksum.'), 120)).toMatch(/checksum/);
    expect(installerFailureReason(failed('Error: EACCES: permission denied, mkdir \'/proj/node_modules/electron/dist\'\n    at x (y:1:1)'), 120))
      .toBe("Electron's installer failed (exit code 1): Error: EACCES: permission denied, mkdir '/proj/node_modules/electron/dist'");
    expect(installerFailureReason({ code: null, output: '', timedOut: false, startError: 'spawn ENOENT' }, 120)).toMatch(/could not be started \(spawn ENOENT\)/);
  });

  it('reads the time limit from PUENTE_ELECTRON_FETCH_SECONDS (0 turns fetching off)', () => {
    expect(fetchSeconds({})).toBe(120);
    expect(fetchSeconds({ PUENTE_ELECTRON_FETCH_SECONDS: '300' })).toBe(300);
    expect(fetchSeconds({ PUENTE_ELECTRON_FETCH_SECONDS: '0' })).toBe(0);
    expect(fetchSeconds({ PUENTE_ELECTRON_FETCH_SECONDS: 'soon' })).toBe(120);
  });
});

describe('npm start fetches a missing binary, then decides again', () => {
  const pkg = '/proj/node_modules/electron';
  const binary = path.join(pkg, 'dist', 'electron');
  /** A machine with the electron package installed, a display, and (maybe) the binary. */
  function machine() {
    const files = new Set([path.join(pkg, 'package.json')]);
    const text = new Map<string, string>();
    const lines: string[] = [];
    const decide = () => decideLaunch({ electronPackageDir: pkg, platform: 'linux', env: { DISPLAY: ':0' }, exists: (f) => files.has(f), readText: (f) => text.get(f) });
    const installBinary = () => {
      files.add(binary);
      text.set(path.join(pkg, 'path.txt'), 'electron');
    };
    return { decide, installBinary, lines, say: (l: string) => lines.push(l) };
  }
  const base = { seconds: 120, electronVersion: '45.4.1' };

  it('starts Electron at once when the binary is there, fetching nothing', async () => {
    const m = machine();
    m.installBinary();
    let ran = 0;
    const d = await decideLaunchFetchingElectron({ ...base, decide: m.decide, say: m.say, runInstaller: async () => (ran++, failed('')) });
    expect(d).toMatchObject({ mode: 'electron', binary });
    expect(ran).toBe(0);
    expect(m.lines).toEqual([]);
  });

  it('says it is fetching, and starts Electron when the installer succeeds', async () => {
    const m = machine();
    let limit = 0;
    const runInstaller = async (timeoutMs: number) => {
      limit = timeoutMs;
      m.installBinary();
      return { code: 0, output: '', timedOut: false };
    };
    expect(await decideLaunchFetchingElectron({ ...base, decide: m.decide, say: m.say, runInstaller })).toMatchObject({ mode: 'electron', binary });
    expect(m.lines).toEqual([expect.stringMatching(/^Fetching Electron 45\.4\.1.*120 s/)]);
    expect(limit).toBe(120_000);
  });

  it('opens the browser edition with the offline reason when the installer cannot connect', async () => {
    const m = machine();
    const d = await decideLaunchFetchingElectron({ ...base, decide: m.decide, say: m.say, runInstaller: async () => failed(OFFLINE_OUTPUT) });
    expect(d).toEqual({ mode: 'browser', reason: expect.stringMatching(/offline/) });
    expect(m.lines).toHaveLength(1);
  });

  it('opens the browser edition with the timeout reason when the download takes too long', async () => {
    const m = machine();
    const d = await decideLaunchFetchingElectron({ ...base, decide: m.decide, say: m.say, runInstaller: async () => ({ code: null, output: '', timedOut: true }) });
    expect(d).toEqual({ mode: 'browser', reason: expect.stringMatching(/did not finish within 120 s/) });
  });

  it('after fetching, still opens the browser edition where there is no display, and says so', async () => {
    const m = machine();
    let fetched = false;
    const headless = () => decideLaunch({ electronPackageDir: pkg, platform: 'linux', env: {}, exists: (f) => f.endsWith('package.json') || (f === binary && fetched), readText: () => (fetched ? 'electron' : undefined) });
    const d = await decideLaunchFetchingElectron({ ...base, decide: headless, say: m.say, runInstaller: async () => ((fetched = true), { code: 0, output: '', timedOut: false }) });
    expect(d).toEqual({ mode: 'browser', reason: expect.stringContaining('no graphical display') });
  });

  it('does not claim success when the installer exits 0 but leaves no binary', async () => {
    const m = machine();
    const d = await decideLaunchFetchingElectron({ ...base, decide: m.decide, say: m.say, runInstaller: async () => ({ code: 0, output: '', timedOut: false }) });
    expect(d).toEqual({ mode: 'browser', reason: expect.stringMatching(/left no binary/) });
  });

  it('fetches nothing when fetching is turned off, and says so', async () => {
    const m = machine();
    const d = await decideLaunchFetchingElectron({ ...base, seconds: 0, decide: m.decide, say: m.say, runInstaller: async () => failed('') });
    expect(d).toEqual({ mode: 'browser', reason: expect.stringMatching(/not been downloaded.*PUENTE_ELECTRON_FETCH_SECONDS=0/) });
    expect(m.lines).toEqual([]);
  });
});
