/**
 * The one formatter of interface texts, for the renderer, the main process and the command line:
 * a catalogue's parsed messages (compile.ts) in, a typed `format(key, params)` out.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledCatalogue, LooseParams } from './catalogue.ts';
import type { MessageKey, MessageParams } from './message-keys.generated.ts';

export type { LooseParams } from './catalogue.ts';

type ParamsArg<K extends MessageKey> = MessageParams[K] extends undefined ? [] : [params: MessageParams[K]];

export interface Translator {
  readonly locale: string;
  format<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  /** A message by a key made at run time (a refusal's code): undefined when the catalogue has none. */
  formatLoose(key: string, params?: LooseParams): string | undefined;
  /** The names of a message's placeholders (none: the message is plain text). */
  argumentsOf(key: string): readonly string[];
  keys(): readonly string[];
}

// A select is matched on this companion value, so the placeholder itself still shows what it holds.
const CASE = '\u0001case';
/** What a select is matched on: `none` when the value is missing or empty, else its words joined by `_` ("too large" → too_large). */
export function selectCase(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  return String(value).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');
}

interface Prepared {
  ast: MessageFormatElement[];
  args: string[];
  selects: string[];
}

/** The message with each select matched on its companion value; the names of its placeholders and selects. */
function prepare(ast: MessageFormatElement[]): Prepared {
  const args = new Set<string>();
  const selects = new Set<string>();
  const walk = (elements: MessageFormatElement[]): MessageFormatElement[] => elements.map((el) => {
    if (el.type === TYPE.literal || el.type === TYPE.pound) return el;
    if (el.type === TYPE.tag) return { ...el, children: walk(el.children) };
    args.add(el.value);
    if (el.type === TYPE.select) {
      selects.add(el.value);
      return { ...el, value: el.value + CASE, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: walk(o.value) }])) };
    }
    if (el.type === TYPE.plural) return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: walk(o.value) }])) };
    return el;
  });
  const rewritten = walk(ast);
  return { ast: rewritten, args: [...args], selects: [...selects] };
}

export function createTranslator(locale: string, catalogue: CompiledCatalogue): Translator {
  const prepared = new Map<string, Prepared>();
  const formats = new Map<string, IntlMessageFormat>();
  const preparedOf = (key: string): Prepared | undefined => {
    let p = prepared.get(key);
    if (!p && Object.hasOwn(catalogue, key)) {
      p = prepare(catalogue[key]);
      prepared.set(key, p);
    }
    return p;
  };
  const run = (key: string, p: Prepared, params: LooseParams = {}): string => {
    if (p.args.length === 0 && p.ast.every((el) => el.type === TYPE.literal)) return p.ast.map((el) => (el.type === TYPE.literal ? el.value : '')).join('');
    let fmt = formats.get(key);
    if (!fmt) {
      fmt = new IntlMessageFormat(p.ast, locale);
      formats.set(key, fmt);
    }
    const values: Record<string, unknown> = {};
    for (const name of p.args) values[name] = params[name] ?? '';
    for (const name of p.selects) values[name + CASE] = selectCase(params[name]);
    return String(fmt.format(values as Record<string, string | number | Date>));
  };
  return {
    locale,
    format(key, ...params) {
      const p = preparedOf(key);
      if (!p) throw new Error(`no message "${key}" in the ${locale} catalogue`);
      return run(key, p, params[0] as LooseParams | undefined);
    },
    formatLoose(key, params) {
      const p = preparedOf(key);
      return p ? run(key, p, params) : undefined;
    },
    argumentsOf(key) {
      return preparedOf(key)?.args ?? [];
    },
    keys: () => Object.keys(catalogue),
  };
}
