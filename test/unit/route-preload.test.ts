import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { routePreloadScript } from '../../scripts/content/route-preload.ts';

const ROUTES = {
  browser: ['assets/browser-bridge.js', 'assets/schemas.js'],
  'browser-saved-data': ['assets/browser-user-data.js', 'assets/schemas.js', 'assets/reader-data.js'],
  en: ['assets/en.js'],
  es: ['assets/es.js'],
  'en/mining': ['assets/mining-en.js', 'assets/shared.js'],
  'es/mining': ['assets/mining-es.js', 'assets/shared.js'],
  'es/niño': ['assets/nino.js'],
};

/** Runs route-preload.js as index.html would, in a page at `hash`, and returns the chunks it asked for. */
function preloaded(hash: string, options: { language?: string; preload?: boolean } = {}): string[] {
  const links: Array<{ rel: string; href: string; crossOrigin: string }> = [];
  const window: Record<string, unknown> = options.preload ? { puente: {} } : {};
  runInNewContext(routePreloadScript(ROUTES), {
    window,
    location: { hash },
    navigator: { language: options.language ?? 'en-GB' },
    document: {
      createElement: () => ({ rel: '', href: '', crossOrigin: null }),
      head: { appendChild: (link: (typeof links)[number]) => links.push(link) },
    },
  });
  expect(links.every((l) => l.rel === 'modulepreload' && l.crossOrigin === '')).toBe(true);
  return links.map((l) => l.href);
}

describe('route-preload.js, the first script of index.html', () => {
  it('asks for the bridge, the language pack and the page in the address, each chunk once', () => {
    expect(preloaded('#/es/mining/some-heading').slice(0, 5)).toEqual(['./assets/browser-bridge.js', './assets/schemas.js', './assets/es.js', './assets/mining-es.js', './assets/shared.js']);
  });

  it("asks for the browser edition's store of saved data last, after the page's chunks", () => {
    expect(preloaded('#/es/mining').slice(5)).toEqual(['./assets/browser-user-data.js', './assets/reader-data.js']);
    expect(preloaded('#/es/mining', { preload: true })).not.toContain('./assets/browser-user-data.js');
  });

  it("leaves the browser bridge out when Electron's preload gave the page its bridge", () => {
    expect(preloaded('#/en/mining', { preload: true })).toEqual(['./assets/en.js', './assets/mining-en.js', './assets/shared.js']);
  });

  it('reads an encoded page id as the app does', () => {
    expect(preloaded(`#/es/${encodeURIComponent('niño')}`, { preload: true })).toEqual(['./assets/es.js', './assets/nino.js']);
  });

  it("without a language in the address, takes the system's (the one a first start remembers)", () => {
    expect(preloaded('', { preload: true, language: 'es-PE' })).toEqual(['./assets/es.js']);
    expect(preloaded('#/', { preload: true, language: 'fr-FR' })).toEqual(['./assets/en.js']);
  });

  it('asks for nothing more for an unknown page or a malformed address, and does not throw', () => {
    expect(preloaded('#/en/no-such-page', { preload: true })).toEqual(['./assets/en.js']);
    expect(preloaded('#/en/%E0%A4%A', { preload: true, language: 'es' })).toEqual(['./assets/es.js']);
    expect(preloaded('#/en/__proto__', { preload: true })).toEqual(['./assets/en.js']);
  });
});
