/**
 * The app names no language itself (issue 15): the content build's `virtual:puente-languages`
 * loads one pack per language of LANGS (common/facets.ts), so a language added to that list is
 * offered by the app without another list to edit.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../common/facets.ts';
import { puenteContent } from '../../scripts/vite-plugin-content.ts';
import { GOOD } from '../fixtures/content-fixture.ts';

type Hook = (this: unknown, id: string) => string | undefined;

function plugin() {
  const p = puenteContent(GOOD);
  (p.buildStart as (this: { addWatchFile(f: string): void }) => void).call({ addWatchFile: () => undefined });
  return { resolve: (id: string) => (p.resolveId as Hook).call({}, id), load: (id: string) => (p.load as Hook).call({ error: (m: string) => { throw new Error(m); } }, id) };
}

describe('the languages the app offers', () => {
  it('are the packs of every language of LANGS, each a module the build provides with its chapters', () => {
    const { resolve, load } = plugin();
    const resolved = resolve('virtual:puente-languages');
    expect(resolved).toBeDefined();
    const source = load(resolved!) ?? '';
    const offered = [...source.matchAll(/"([^"]+)": \(\) => import\("(virtual:puente-language\/[^"]+)"\)/g)];
    expect(offered.map((m) => m[1])).toEqual([...LANGS]);
    for (const [, lang, pack] of offered) {
      expect(pack).toBe(`virtual:puente-language/${lang}`);
      expect(load(resolve(pack)!)).toContain(`\\"lang\\":\\"${lang}\\"`);
    }
  });
});
