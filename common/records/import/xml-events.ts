/**
 * A small, strict XML reader for the parts of an .xlsx workbook (workbook, relationships, shared
 * strings, sheets): it calls back on each opening tag, closing tag and piece of text, and throws
 * on anything malformed (an unclosed or mismatched tag, an unknown entity). A DOCTYPE is refused,
 * so no entity definition from a file is ever expanded. Namespace prefixes are dropped from names.
 */

export class XmlError extends Error {}

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entities replaced; an entity XML does not define is an error. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{1,10});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`an "&" that starts no entity: "${whole}"`);
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new XmlError(`an invalid character reference "${whole}"`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[name];
    if (named === undefined) throw new XmlError(`an unknown entity "${whole}"`);
    return named;
  });
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = source;
  for (const m of source.matchAll(ATTRIBUTE)) {
    out[localName(m[1])] = decodeEntities(m[2] ?? m[3] ?? '');
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') throw new XmlError(`a tag with something that is not an attribute: "${rest.trim().slice(0, 40)}"`);
  return out;
}

/** Where the tag that starts at `lt` ends: the first ">" outside a quoted attribute value, or -1. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let j = lt + 1; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
  }
  return -1;
}

/** Reads a whole document, calling the handlers in order; throws XmlError when the document is not well formed. */
export function readXml(xml: string, handlers: XmlHandlers): void {
  const open: string[] = [];
  let i = 0;
  let rootSeen = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (open.length) handlers.text?.(decodeEntities(raw));
      else if (raw.trim() !== '') throw new XmlError('text outside the document element');
    }
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) throw new XmlError('a processing instruction that never ends');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) throw new XmlError('a comment that never ends');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1 || !open.length) throw new XmlError('a CDATA section that never ends, or outside the document');
      handlers.text?.(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlError('a DOCTYPE or declaration, which a workbook never needs');
    } else {
      const gt = tagEnd(xml, lt);
      if (gt === -1) throw new XmlError('a tag that never ends (the file may be cut short)');
      const inner = xml.slice(lt + 1, gt);
      if (inner.startsWith('/')) {
        const name = localName(inner.slice(1).trim());
        const expected = open.pop();
        if (expected !== name) throw new XmlError(`</${name}> closes <${expected ?? 'nothing'}>`);
        handlers.close?.(name);
      } else {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const space = body.search(/\s/);
        const qualified = space === -1 ? body : body.slice(0, space);
        if (!/^[A-Za-z_][\w.:-]*$/.test(qualified)) throw new XmlError(`a tag with no valid name: "<${inner.slice(0, 40)}>"`);
        if (!open.length && rootSeen) throw new XmlError('a second document element');
        rootSeen = true;
        const name = localName(qualified);
        handlers.open?.(name, space === -1 ? {} : attributesOf(body.slice(space)), selfClosing);
        if (selfClosing) handlers.close?.(name);
        else open.push(name);
      }
      i = gt + 1;
    }
  }
  if (open.length) throw new XmlError(`<${open.at(-1)}> is never closed (the file may be cut short)`);
  if (!rootSeen) throw new XmlError('no document element');
}
