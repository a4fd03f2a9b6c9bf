/**
 * The pseudo-locale, made from English for tests only (never offered to readers): every message's
 * text accented and wrapped, `[Ŕéĝíšţéŕ ~~~]`, about 30 % longer, its placeholders, plurals and selects
 * kept, so a screen shows at once any text that did not come from a catalogue and any that a longer
 * translation would clip.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CompiledCatalogue } from './catalogue.ts';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ', n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ',
  s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ', N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ',
  S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
/** The marks a pseudo-localised message opens and closes with. */
export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';

export const accent = (text: string) => text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);

/** The letters a message's text holds (placeholders aside): what its padding is measured on. */
function letters(elements: MessageFormatElement[]): number {
  return elements.reduce((n, el) => n + (el.type === TYPE.literal ? el.value.length : 0), 0);
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }])) };
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) };
    return el;
  });
}

/** One message pseudo-localised: accented, wrapped in [ ], and padded with ~ to about 130 % of its letters. */
export function pseudoMessage(elements: MessageFormatElement[]): MessageFormatElement[] {
  const padding = Math.max(1, Math.ceil(letters(elements) * 0.3) - 3);
  return [
    { type: TYPE.literal, value: PSEUDO_OPEN },
    ...pseudoElements(elements),
    // Padding in words of four, so it wraps as a translation's words would.
    { type: TYPE.literal, value: ` ${'~'.repeat(padding).replace(/(~{4})(?=~)/g, '$1 ')}${PSEUDO_CLOSE}` },
  ];
}

export function pseudoCatalogue(english: CompiledCatalogue): CompiledCatalogue {
  return Object.fromEntries(Object.entries(english).map(([key, ast]) => [key, pseudoMessage(ast)]));
}
