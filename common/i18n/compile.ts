/** Parses a catalogue's messages (build time, the main process, the command line; the app gets them parsed). */
import { parse } from '@formatjs/icu-messageformat-parser';
import { PARSE_OPTIONS, type Catalogue, type CompiledCatalogue } from './catalogue.ts';

export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  return Object.fromEntries(Object.entries(catalogue).map(([key, entry]) => [key, parse(entry.message, PARSE_OPTIONS)]));
}
