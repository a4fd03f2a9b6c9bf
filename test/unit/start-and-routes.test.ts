import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOpenCommand, decideLaunch, type LaunchEnvironment } from '../../scripts/launch-decision.ts';
import { formatRoute, languageFromLocale, parseRoute, resolveContentLink } from '../../common/routes.ts';

const pkg = '/proj/node_modules/electron';
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
    const binary = path.join(pkg, 'dist', 'electron');
    expect(decideLaunch(env({ files: [path.join(pkg, 'package.json'), binary], pathTxt: 'electron' }))).toEqual({ mode: 'electron', binary });
  });

  it('falls back to the browser when the binary was never downloaded, and says why', () => {
    const d = decideLaunch(env({ files: [path.join(pkg, 'package.json')] }));
    expect(d).toEqual({ mode: 'browser', reason: expect.stringContaining('Electron binary is not available') });
    const listed = decideLaunch(env({ files: [path.join(pkg, 'package.json')], pathTxt: 'electron' }));
    expect(listed.mode).toBe('browser');
  });

  it('falls back without a display on Linux, or when asked to', () => {
    const files = [path.join(pkg, 'package.json'), path.join(pkg, 'dist', 'electron')];
    expect(decideLaunch(env({ files, pathTxt: 'electron', env: {} }))).toEqual({ mode: 'browser', reason: expect.stringContaining('display') });
    expect(decideLaunch(env({ files, pathTxt: 'electron', forceBrowser: true })).mode).toBe('browser');
    expect(decideLaunch(env({ files, pathTxt: 'electron', env: {}, platform: 'win32' })).mode).toBe('electron');
  });

  it('opens the system browser with the platform’s own command', () => {
    expect(browserOpenCommand('linux', 'http://127.0.0.1:1/')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(browserOpenCommand('darwin', 'u').command).toBe('open');
    expect(browserOpenCommand('win32', 'u')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'u'] });
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
