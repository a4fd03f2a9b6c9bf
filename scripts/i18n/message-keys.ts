/**
 * The TypeScript source of common/i18n/message-keys.generated.ts, from the English catalogue: each
 * key with its placeholders' names and types, and the nested Messages type the interface reads.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PARSE_OPTIONS, type Catalogue } from '../../common/i18n/catalogue.ts';
import { LOOKUP_GROUPS } from '../../common/i18n/lookup-groups.ts';

type ArgType = 'number' | 'string' | 'text' | 'date';
const TS_TYPE: Record<ArgType, string> = { number: 'number', string: 'string | null', text: 'string | number', date: 'Date | number' };

/** Each placeholder of a message with the type its use asks for (a count is a number, a select a word). */
export function argumentTypes(elements: MessageFormatElement[], into = new Map<string, ArgType>()): Map<string, ArgType> {
  const put = (name: string, type: ArgType) => {
    const had = into.get(name);
    // The narrowest use wins: a number that is also shown is still a number.
    if (!had || had === 'text') into.set(name, type);
  };
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) { argumentTypes(el.children, into); continue; }
    if (el.type === TYPE.argument) put(el.value, 'text');
    else if (el.type === TYPE.number || el.type === TYPE.plural) put(el.value, 'number');
    else if (el.type === TYPE.date || el.type === TYPE.time) put(el.value, 'date');
    else if (el.type === TYPE.select) put(el.value, 'string');
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentTypes(option.value, into);
  }
  return into;
}

const quote = (s: string) => JSON.stringify(s);
const member = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

function paramsType(args: Map<string, ArgType>): string {
  return `{ ${[...args].map(([name, type]) => `${member(name)}: ${TS_TYPE[type]}`).join('; ')} }`;
}

interface Tree { [name: string]: Tree | string }

export function messageKeysSource(english: Catalogue): string {
  const params: string[] = [];
  const tree: Tree = {};
  for (const [key, entry] of Object.entries(english)) {
    const args = argumentTypes(parse(entry.message, PARSE_OPTIONS));
    params.push(`  ${quote(key)}: ${args.size ? paramsType(args) : 'undefined'};`);
    const group = LOOKUP_GROUPS.find((g) => key.startsWith(`${g}.`));
    const path = group ? group.split('.') : key.split('.');
    let node = tree;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    const leaf = path[path.length - 1];
    if (group) {
      const had = node[leaf];
      const table = typeof had === 'string' && had.includes('=>') ? had : args.size ? 'Readonly<Record<string, string | ((params: LooseParams) => string)>>' : 'Readonly<Record<string, string>>';
      node[leaf] = table;
    } else node[leaf] = args.size ? `(params: ${paramsType(args)}) => string` : 'string';
  }
  const render = (node: Tree, indent: string): string => Object.entries(node).map(([name, value]) => (typeof value === 'string'
    ? `${indent}readonly ${member(name)}: ${value};`
    : `${indent}readonly ${member(name)}: {\n${render(value, `${indent}  `)}\n${indent}};`)).join('\n');
  return `// Generated from content/locales/en.json by \`npm run i18n:keys\`: do not edit by hand.
import type { LooseParams } from './catalogue.ts';

/** Each message's placeholders and their types (undefined: none). */
export interface MessageParams {
${params.join('\n')}
}

export type MessageKey = keyof MessageParams;

/** The interface texts as components read them (message-view.ts). */
export interface Messages {
${render(tree, '  ')}
}
`;
}
