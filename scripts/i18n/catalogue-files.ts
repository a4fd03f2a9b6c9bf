/** Where the catalogues live and how the scripts read them (locales/<lang>.json, English the source). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../../common/i18n/catalogue.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const LOCALES_DIR = path.join(ROOT, 'content/locales');
export const SOURCE_LANG = 'en';
export const GENERATED_KEYS = path.join(ROOT, 'common/i18n/message-keys.generated.ts');

export function catalogueFile(lang: string, dir = LOCALES_DIR): string {
  return path.join(dir, `${lang}.json`);
}

export function readCatalogue(file: string): Catalogue {
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}
