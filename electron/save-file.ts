import path from 'node:path';
import type { SaveResult } from '../common/ipc-contract.ts';

type FileKind = 'xlsx' | 'csv' | 'pdf' | 'json' | 'sqlite' | 'backup';
const FILTERS: Record<FileKind, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel / XLSForm', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  json: { name: 'JSON', extensions: ['json'] },
  sqlite: { name: 'SQLite database', extensions: ['sqlite'] },
  backup: { name: 'Puente encrypted backup', extensions: ['puente'] },
};

export interface SaveDialogDeps {
  showSaveDialog(options: { defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  /** Where the dialog opens (the user's documents folder). */
  defaultDir: string;
}

/** Asks the user where to save, then writes the bytes there; cancelling saves nothing. */
export async function saveWithDialog(deps: SaveDialogDeps, suggestedName: string, filter: FileKind, produce: () => Promise<Uint8Array> | Uint8Array): Promise<SaveResult> {
  const { canceled, filePath } = await deps.showSaveDialog({ defaultPath: path.join(deps.defaultDir, suggestedName), filters: [FILTERS[filter]] });
  if (canceled || !filePath) return { saved: false };
  const ext = FILTERS[filter].extensions[0];
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
