/**
 * A language's interface texts as data (locales/<lang>.json): each message in ICU MessageFormat,
 * with a short description for the translator. Keys are dotted paths (`records.tabs.register`).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export interface CatalogueEntry {
  message: string;
  description: string;
}

export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/** A catalogue's messages parsed to their syntax trees (at build time, so the app ships no parser). */
export type CompiledCatalogue = Readonly<Record<string, MessageFormatElement[]>>;

/** Parameters of a message worded from outside the type system (a refusal's code and parameters from the records host). */
export type LooseParams = Readonly<Record<string, unknown>>;

/** The one parser setting every reader of a catalogue uses: `<` is text (no rich-text tags). */
export const PARSE_OPTIONS = { ignoreTag: true } as const;
