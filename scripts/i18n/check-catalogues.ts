/**
 * Checks the interface catalogues (content/locales/<lang>.json) as the content build checks chapters:
 * each is valid JSON of { key: { message, description } }, every message valid ICU and not empty,
 * every message described, the same keys in every language as in English, and the same placeholders
 * (a translation may leave out one only where the English description says "may leave out {name}").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PARSE_OPTIONS, type Catalogue } from '../../common/i18n/catalogue.ts';
import type { ContentProblem } from '../content/content-error.ts';

const SOURCE = 'en';

/** The line of a key in the file's text, so the problem points at it. */
function lineOf(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** Each placeholder with what kind it is (a plural and a plain placeholder of the same name differ). */
function placeholders(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) { placeholders(el.children, into); continue; }
    const kind = el.type === TYPE.plural ? 'plural' : el.type === TYPE.select ? 'select' : el.type === TYPE.number ? 'number' : el.type === TYPE.date || el.type === TYPE.time ? 'date' : 'text';
    if (!into.has(el.value) || into.get(el.value) === 'text') into.set(el.value, kind);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) placeholders(o.value, into);
  }
  return into;
}

/** A count may be a plural in one language and a plain number in another; a word is shown or selected on. */
function compatible(a: string, b: string): boolean {
  const family = (k: string) => (k === 'plural' || k === 'number' ? 'number' : k);
  return a === 'text' || b === 'text' || family(a) === family(b);
}

interface ReadCatalogue { file: string; text: string; entries: Catalogue }

function read(file: string, label: string, problems: ContentProblem[]): ReadCatalogue | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push({ file: label, line: 1, message: `cannot read the catalogue: ${(e as Error).message}` });
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problems.push({ file: label, line: 1, message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file: label, line: 1, message: 'a catalogue is an object of messages: { "key": { "message": "…", "description": "…" } }' });
    return undefined;
  }
  return { file: label, text, entries: data as Catalogue };
}

/** The problems of one language's catalogue against English (English itself: against nothing). */
function checkOne(c: ReadCatalogue, english: ReadCatalogue | undefined, problems: ContentProblem[]): void {
  const at = (key: string, message: string) => problems.push({ file: c.file, line: lineOf(c.text, key), message: `"${key}": ${message}` });
  for (const [key, entry] of Object.entries(c.entries)) {
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(key)) at(key, 'a key is words joined by dots (letters, digits, - and _)');
    if (!entry || typeof entry !== 'object' || typeof entry.message !== 'string') { at(key, 'has no "message" (text)'); continue; }
    if (typeof entry.description !== 'string' || !entry.description.trim()) at(key, 'has no "description" for the translator');
    if (!entry.message.trim()) { at(key, 'the message is empty'); continue; }
    let ast: MessageFormatElement[];
    try {
      ast = parse(entry.message, PARSE_OPTIONS);
    } catch (e) {
      at(key, `not valid ICU MessageFormat (${(e as Error).message})`);
      continue;
    }
    // "fila(s)" reads as a form, not a sentence: a count takes the language's plural.
    const fakePlural = /\p{L}+\((?:s|es)\)/u.exec(entry.message);
    if (fakePlural) at(key, `writes a plural as "${fakePlural[0]}": use {n, plural, one {…} other {…}}`);
    if (!english) continue;
    const source = english.entries[key];
    if (!source) { at(key, `not in ${english.file}: remove it, or add it to English first`); continue; }
    let sourceAst: MessageFormatElement[];
    try { sourceAst = parse(source.message, PARSE_OPTIONS); } catch { continue; }
    const mine = placeholders(ast);
    const theirs = placeholders(sourceAst);
    const optional = new Set([...(source.description ?? '').matchAll(/may leave out \{(\w+)\}/g)].map((m) => m[1]));
    for (const [name, kind] of mine) {
      if (!theirs.has(name)) at(key, `placeholder {${name}} is not in the English message (English has ${[...theirs.keys()].map((n) => `{${n}}`).join(', ') || 'none'})`);
      else if (!compatible(kind, theirs.get(name)!)) at(key, `placeholder {${name}} is a ${kind} here and a ${theirs.get(name)} in English`);
    }
    for (const name of theirs.keys()) if (!mine.has(name) && !optional.has(name)) at(key, `placeholder {${name}} of the English message is missing`);
  }
  if (english) for (const key of Object.keys(english.entries)) {
    if (!(key in c.entries)) problems.push({ file: c.file, line: 1, message: `"${key}": missing (it is in ${english.file})` });
  }
}

/** Checks every catalogue in a folder; a content folder without one has no interface texts to check. */
export function checkCatalogues(dir: string, problems: ContentProblem[], label = (file: string) => path.relative(process.cwd(), file)): void {
  if (!existsSync(dir)) return;
  const englishFile = path.join(dir, `${SOURCE}.json`);
  if (!existsSync(englishFile)) {
    problems.push({ file: label(englishFile), line: 1, message: 'no English catalogue: every other language is checked against it' });
    return;
  }
  const english = read(englishFile, label(englishFile), problems);
  if (english) checkOne(english, undefined, problems);
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === `${SOURCE}.json`) continue;
    const file = path.join(dir, name);
    const c = read(file, label(file), problems);
    if (c) checkOne(c, english, problems);
  }
}
