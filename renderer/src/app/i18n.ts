/**
 * The interface texts: one module per language (strings/en.ts, strings/es.ts), each loaded in
 * its language's pack (language-pack.ts), so a reader loads only the language they read.
 */
export type { Strings } from './strings/en.ts';
export type { ProblemParams } from './strings/shared.ts';
