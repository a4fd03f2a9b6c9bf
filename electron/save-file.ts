import path from 'node:path';
import type { Lang } from '../common/facets.ts';
import { translatorFor } from '../common/i18n/catalogues.ts';
import type { SaveResult } from '../common/ipc-contract.ts';

type FileKind = 'xlsx' | 'csv' | 'pdf' | 'json' | 'sqlite' | 'backup';
const EXTENSIONS: Record<FileKind, string> = { xlsx: 'xlsx', csv: 'csv', pdf: 'pdf', json: 'json', sqlite: 'sqlite', backup: 'puente' };

/** The dialog's file type: its name in the reader's language (saveDialog.filter.* in the catalogues) and its extension. */
function filterOf(kind: FileKind, lang: Lang): { name: string; extensions: string[] } {
  return { name: translatorFor(lang).format(`saveDialog.filter.${kind}`), extensions: [EXTENSIONS[kind]] };
}

export interface SaveDialogDeps {
  showSaveDialog(options: { defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  /** Where the dialog opens (the user's documents folder). */
  defaultDir: string;
  /** The reader's language, for the name of the kind of file. */
  lang: Lang;
}

/** Asks the user where to save, then writes the bytes there; cancelling saves nothing. */
export async function saveWithDialog(deps: SaveDialogDeps, suggestedName: string, filter: FileKind, produce: () => Promise<Uint8Array> | Uint8Array): Promise<SaveResult> {
  const { canceled, filePath } = await deps.showSaveDialog({ defaultPath: path.join(deps.defaultDir, suggestedName), filters: [filterOf(filter, deps.lang)] });
  if (canceled || !filePath) return { saved: false };
  const ext = EXTENSIONS[filter];
  const target = filePath.toLowerCase().endsWith(`.${ext}`) ? filePath : `${filePath}.${ext}`;
  await deps.writeFile(target, await produce());
  return { saved: true, path: target };
}

/**
 * How a page becomes a PDF: the print stylesheet decides the page size, margins and page
 * numbers (CSS page margin boxes), so the PDF matches what the print dialog shows.
 */
export function pdfOptions(pageSize: 'A4' | 'Letter') {
  return { pageSize, printBackground: false, displayHeaderFooter: false, preferCSSPageSize: true } as const;
}
