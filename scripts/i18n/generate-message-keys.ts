/** Writes common/i18n/message-keys.generated.ts from the English catalogue (`npm run i18n:keys`). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueFile, GENERATED_KEYS, readCatalogue, ROOT, SOURCE_LANG } from './catalogue-files.ts';
import { messageKeysSource } from './message-keys.ts';

writeFileSync(GENERATED_KEYS, messageKeysSource(readCatalogue(catalogueFile(SOURCE_LANG))));
console.log(`Wrote ${path.relative(ROOT, GENERATED_KEYS)}`);
