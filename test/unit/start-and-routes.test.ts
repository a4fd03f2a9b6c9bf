import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOpenCommand, decideLaunch, sandboxProblem, type LaunchEnvironment } from '../../scripts/launch-decision.ts';
import { formatRoute, languageFromLocale, parseRoute, resolveContentLink } from '../../common/routes.ts';

const pkg = '/proj/node_modules/electron';
const binary = path.join(pkg, 'dist', 'electron');
const installed = [path.join(pkg, 'package.json'), binary];
function env(overrides: Partial<LaunchEnvironment> & { files?: string[]; pathTxt?: string }): LaunchEnvironment {
  const files = new Set(overrides.files ?? []);
  return {
    electronPackageDir: pkg,
    platform: 'linux',
    env: { DISPLAY: ':0' },
    exists: (f) => files.has(f),
    readText: (f) => (f === path.join(pkg, 'path.txt') ? overrides.pathTxt : undefined),
    ...overrides,
  };
}

describe('npm start: Electron or the browser edition', () => {
  it('opens Electron when its binary is installed and there is a display', () => {
    expect(decideLaunch(env({ files: installed, pathTxt: 'electron' }))).toEqual({ mode: 'electron', binary, flags: [], notes: [] });
  });

  it('asks for the binary to be fetched when it was never downloaded (path.txt absent, or listed but gone)', () => {
    for (const d of [decideLaunch(env({ files: [path.join(pkg, 'package.json')] })), decideLaunch(env({ files: [path.join(pkg, 'package.json')], pathTxt: 'electron' }))]) {
      expect(d).toEqual({ mode: 'browser', reason: expect.stringContaining('not been downloaded'), fetchable: true });
    }
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH as Electron does, and never fetches over it', () => {
    const override = '/opt/electron';
    const winBinary = path.join(override, 'electron.exe');
    expect(decideLaunch(env({ files: [path.join(pkg, 'package.json'), winBinary], platform: 'win32', env: { ELECTRON_OVERRIDE_DIST_PATH: override } }))).toMatchObject({ mode: 'electron', binary: winBinary });
    const missing = decideLaunch(env({ files: [path.join(pkg, 'package.json')], env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: override } }));
    expect(missing).toEqual({ mode: 'browser', reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
  });

  it('falls back without a display on Linux, or when asked to', () => {
    expect(decideLaunch(env({ files: installed, pathTxt: 'electron', env: {} }))).toEqual({ mode: 'browser', reason: expect.stringContaining('display') });
    // The binary is fetched even so: it is needed once, whenever a display is there.
    expect(decideLaunch(env({ files: [path.join(pkg, 'package.json')], env: {} }))).toMatchObject({ fetchable: true });
    expect(decideLaunch(env({ files: installed, pathTxt: 'electron', env: { WAYLAND_DISPLAY: 'wayland-0' } })).mode).toBe('electron');
    expect(decideLaunch(env({ files: installed, pathTxt: 'electron', forceBrowser: true })).mode).toBe('browser');
    const win = path.join(pkg, 'dist', 'electron.exe');
    expect(decideLaunch(env({ files: [path.join(pkg, 'package.json'), win], pathTxt: 'electron.exe', env: {}, platform: 'win32' })).mode).toBe('electron');
  });

  it('adds --no-sandbox on Linux only when the sandbox probe fails, and says why', () => {
    const problem = () => 'AppArmor restricts unprivileged user namespaces';
    const d = decideLaunch(env({ files: installed, pathTxt: 'electron', sandboxProblem: problem }));
    expect(d).toEqual({ mode: 'electron', binary, flags: ['--no-sandbox'], notes: [expect.stringContaining('AppArmor')] });
    expect(decideLaunch(env({ files: installed, pathTxt: 'electron', sandboxProblem: () => undefined }))).toMatchObject({ flags: [] });
    const mac = path.join(pkg, 'dist', 'Electron.app/Contents/MacOS/Electron');
    expect(decideLaunch(env({ files: [path.join(pkg, 'package.json'), mac], pathTxt: 'Electron.app/Contents/MacOS/Electron', platform: 'darwin', sandboxProblem: problem }))).toMatchObject({ flags: [] });
  });

  it('opens the system browser with the platform’s own command', () => {
    expect(browserOpenCommand('linux', 'http://127.0.0.1:1/')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(browserOpenCommand('darwin', 'u').command).toBe('open');
    expect(browserOpenCommand('win32', 'u')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'u'] });
  });
});

describe('the Linux sandbox probe', () => {
  const helper = '/proj/node_modules/electron/dist/chrome-sandbox';
  const probe = (settings: Record<string, string>, setuidRoot = false) => ({ readText: (f: string) => settings[f], isSetuidRoot: (f: string) => setuidRoot && f === helper });

  it('finds the kernel switch that turns user namespaces off', () => {
    expect(sandboxProblem(probe({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n' }), helper)).toMatch(/AppArmor.*= 1/);
    expect(sandboxProblem(probe({ '/proc/sys/kernel/unprivileged_userns_clone': '0\n' }), helper)).toMatch(/unprivileged_userns_clone = 0/);
    expect(sandboxProblem(probe({ '/proc/sys/user/max_user_namespaces': '0' }), helper)).toMatch(/max_user_namespaces = 0/);
  });

  it('finds none where namespaces are allowed, or where the setuid helper was set up by hand', () => {
    expect(sandboxProblem(probe({}), helper)).toBeUndefined();
    expect(sandboxProblem(probe({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0', '/proc/sys/kernel/unprivileged_userns_clone': '1', '/proc/sys/user/max_user_namespaces': '96369' }), helper)).toBeUndefined();
    expect(sandboxProblem(probe({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1' }, true), helper)).toBeUndefined();
  });
});

describe('hash routes', () => {
  it('round-trips home, chapters and headings', () => {
    for (const r of [{ kind: 'home', lang: 'es' }, { kind: 'chapter', lang: 'en', chapterId: 'glossary' }, { kind: 'chapter', lang: 'es', chapterId: 'glossary', anchor: 'term-pallaqueo' }] as const) {
      expect(parseRoute(formatRoute(r))).toEqual(r);
    }
    expect(parseRoute('')).toEqual({ kind: 'home', lang: null });
    expect(parseRoute('#/fr/x')).toEqual({ kind: 'home', lang: null });
  });

  it('resolves authors’ links in the reader’s language', () => {
    expect(resolveContentLink('community-types', 'es', 'x')).toBe('#/es/community-types');
    expect(resolveContentLink('glossary#term-palliri', 'en', 'x')).toBe('#/en/glossary/term-palliri');
    expect(resolveContentLink('#why', 'en', 'here')).toBe('#/en/here/why');
    expect(resolveContentLink('https://example.org', 'en', 'x')).toBeNull();
  });

  it('starts in Spanish on a Spanish system and in English otherwise', () => {
    expect(languageFromLocale('es-BO')).toBe('es');
    expect(languageFromLocale('es')).toBe('es');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('qu-PE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
