/** The instruments (content/instruments/*.yaml), alone: for tools and tests that need the forms, not the whole manual. */
import path from 'node:path';
import { instrumentSchema, type Instrument } from '../../common/forms/instrument-schema.ts';
import { ContentValidationError, type ContentProblem } from './content-error.ts';
import { loadYamlFolder, type LoadedYaml } from './yaml-files.ts';

export function loadInstrumentFiles(root: string, problems: ContentProblem[]): Array<LoadedYaml<Instrument>> {
  return loadYamlFolder(root, 'instruments', instrumentSchema, 'instrument', problems);
}

/** The order the manual lists instruments in: by section (baseline, monitoring), then by `order`. */
export function inListOrder(instruments: readonly Instrument[]): Instrument[] {
  return [...instruments].sort((a, b) => a.kind.localeCompare(b.kind) || a.order - b.order);
}

/** Every instrument through its schema, in list order; a problem throws (the whole content check is `npm run validate`). */
export function loadInstruments(root = path.resolve(import.meta.dirname, '../../content')): Instrument[] {
  const problems: ContentProblem[] = [];
  const files = loadInstrumentFiles(root, problems);
  if (problems.length) throw new ContentValidationError(problems);
  return inListOrder(files.map((f) => f.record));
}
