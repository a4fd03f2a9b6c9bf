import { describe, expect, it } from 'vitest';
import { foldText, searchTerms, slugify, stem, withinOneEdit } from '../../common/text.ts';

describe('text folding', () => {
  it('removes accents, lowercases and folds ñ to n', () => {
    expect(foldText('Niños y NIÑAS de Potosí')).toBe('ninos y ninas de potosi');
  });

  it('makes heading anchors the way authors are told to write them', () => {
    expect(slugify('¿Por qué trabajan los niños?')).toBe('por-que-trabajan-los-ninos');
    expect(slugify('Adolescents 14–17: risks')).toBe('adolescents-14-17-risks');
  });

  it('stems plural and gender in Spanish, plurals and -ing/-ed in English', () => {
    expect(stem('ninos', 'es')).toBe(stem('nino', 'es'));
    expect(stem('ninas', 'es')).toBe(stem('nino', 'es'));
    expect(stem('monitores', 'es')).toBe('monitor');
    expect(stem('monitoring', 'en')).toBe('monitor');
    expect(stem('monitored', 'en')).toBe('monitor');
    expect(stem('families', 'en')).toBe('family');
    expect(stem('process', 'en')).toBe('process');
  });

  it('drops stop words from search terms', () => {
    expect(searchTerms('el trabajo de los niños', 'es')).toEqual(['trabaj', 'nin']);
    expect(searchTerms('the work of the children', 'en')).toEqual(['work', 'children']);
  });

  it('recognises one edit: insertion, deletion, substitution and a swap', () => {
    expect(withinOneEdit('pallaqueo', 'palaqueo')).toBe(true);
    expect(withinOneEdit('mercurio', 'mercuiro')).toBe(true);
    expect(withinOneEdit('mercurio', 'mercurios')).toBe(true);
    expect(withinOneEdit('mercurio', 'merkurio')).toBe(true);
    expect(withinOneEdit('mercurio', 'mecruiro')).toBe(false);
    expect(withinOneEdit('mina', 'minas!!')).toBe(false);
  });
});
