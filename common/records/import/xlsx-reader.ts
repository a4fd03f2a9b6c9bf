/**
 * Reads the cells of an .xlsx workbook (already unzipped): the sheets in the workbook's order,
 * each row with the line it has in the spreadsheet, text cells as text (shared or inline) and
 * number cells as numbers. No styles, formulas or dates are interpreted: an export's dates are
 * text, and a number a person typed into a date column is turned into a date by the field mapping.
 */
import { strFromU8 } from 'fflate';
import { readXml, XmlError } from './xml-events.ts';

export type CellValue = string | number;

export interface SheetRows {
  name: string;
  /** Rows that hold at least one cell, with their 1-based line in the sheet; a missing cell is ''. */
  rows: Array<{ line: number; cells: CellValue[] }>;
}

/** Why a workbook could not be read: the part and what is wrong with it. */
export class XlsxError extends Error {
  constructor(readonly part: string, readonly reason: string) {
    super(`${part}: ${reason}`);
  }
}

const WORKBOOK = 'xl/workbook.xml';

/** "_x000D_" in an OOXML string is the character U+000D; "_x005F_" escapes an underscore. */
const unescapeOoxml = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** 'A' → 0, 'AB' → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function xmlOf(files: Record<string, Uint8Array>, part: string): string {
  const bytes = files[part];
  if (!bytes) throw new XlsxError(part, 'missing from the workbook');
  return strFromU8(bytes).replace(/^\uFEFF/, '');
}

function parse(part: string, xml: string, handlers: Parameters<typeof readXml>[1]): void {
  try {
    readXml(xml, handlers);
  } catch (error) {
    if (error instanceof XmlError) throw new XlsxError(part, error.message);
    throw error;
  }
}

/** The path of a relationship target, relative to xl/ unless it starts with "/". */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

function sharedStrings(files: Record<string, Uint8Array>, part: string | undefined): string[] {
  if (!part || !files[part]) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inText = 0;
  let inPhonetic = 0;
  parse(part, xmlOf(files, part), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && !inPhonetic) inText++;
    },
    close(name) {
      if (name === 'si') {
        out.push(unescapeOoxml(current ?? ''));
        current = null;
      } else if (name === 'rPh') inPhonetic--;
      else if (name === 't' && !inPhonetic) inText--;
    },
    text(t) {
      if (inText && current !== null) current += t;
    },
  });
  return out;
}

function sheetRows(files: Record<string, Uint8Array>, part: string, strings: readonly string[]): SheetRows['rows'] {
  const rows: SheetRows['rows'] = [];
  let cells: CellValue[] | null = null;
  let line = 0;
  let column = -1;
  let type = 'n';
  let value: string | null = null;
  let inValue = false;
  let inInline = 0;
  let inText = false;
  parse(part, xmlOf(files, part), {
    open(name, attributes) {
      if (name === 'row') {
        line = attributes.r ? Number(attributes.r) : line + 1;
        if (!Number.isInteger(line) || line < 1) throw new XlsxError(part, `a row numbered "${attributes.r}"`);
        cells = [];
        column = -1;
      } else if (name === 'c') {
        if (!cells) throw new XlsxError(part, 'a cell outside a row');
        const ref = attributes.r ? /^([A-Z]{1,3})(\d+)$/.exec(attributes.r) : null;
        if (attributes.r && !ref) throw new XlsxError(part, `a cell named "${attributes.r}"`);
        column = ref ? columnIndex(ref[1]) : column + 1;
        type = attributes.t ?? 'n';
        value = null;
      } else if (name === 'v') inValue = true;
      else if (name === 'is') inInline++;
      else if (name === 't' && inInline) inText = true;
    },
    text(t) {
      if (inValue || inText) value = (value ?? '') + t;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 't') inText = false;
      else if (name === 'is') inInline--;
      else if (name === 'c' && cells) {
        let cell: CellValue = '';
        if (value !== null) {
          if (type === 's') {
            const index = Number(value);
            if (!Number.isInteger(index) || index < 0 || index >= strings.length) throw new XlsxError(part, `a cell refers to shared text ${value}, which the workbook does not have`);
            cell = strings[index];
          } else if (type === 'n') {
            const n = Number(value);
            if (value.trim() === '' || !Number.isFinite(n)) throw new XlsxError(part, `a number cell holds "${value.slice(0, 20)}"`);
            cell = n;
          } else if (type === 'inlineStr') cell = unescapeOoxml(value);
          else if (type === 'e') cell = '';
          else cell = value;
        }
        while (cells.length < column) cells.push('');
        cells[column] = cell;
      } else if (name === 'row' && cells) {
        if (cells.some((c) => c !== '')) rows.push({ line, cells });
        cells = null;
      }
    },
  });
  return rows;
}

/** Every sheet of the workbook, in order. Throws XlsxError naming the part that is missing or malformed. */
export function readXlsx(files: Record<string, Uint8Array>): SheetRows[] {
  const relationships = new Map<string, { type: string; target: string }>();
  parse('xl/_rels/workbook.xml.rels', xmlOf(files, 'xl/_rels/workbook.xml.rels'), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) relationships.set(a.Id, { type: a.Type ?? '', target: partPath(a.Target) });
    },
  });
  const sheets: Array<{ name: string; part: string }> = [];
  parse(WORKBOOK, xmlOf(files, WORKBOOK), {
    open(name, a) {
      if (name !== 'sheet') return;
      const rel = a.id ? relationships.get(a.id) : undefined;
      if (!a.name || !rel) throw new XlsxError(WORKBOOK, `the sheet "${a.name ?? '?'}" points to no part of the file`);
      sheets.push({ name: a.name, part: rel.target });
    },
  });
  if (!sheets.length) throw new XlsxError(WORKBOOK, 'the workbook has no sheet');
  const stringsPart = [...relationships.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? (files['xl/sharedStrings.xml'] ? 'xl/sharedStrings.xml' : undefined);
  const strings = sharedStrings(files, stringsPart);
  return sheets.map((s) => ({ name: s.name, rows: sheetRows(files, s.part, strings) }));
}
