import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT = path.join(ROOT, 'dist/electron');

/** Runs after `npm run build` (npm test builds before the end-to-end tests): the package ships no node_modules, so the bundles must need none. */
describe('the built main process and preload', () => {
  it('require only electron and Node built-ins', () => {
    for (const file of ['main.cjs', 'preload.cjs']) {
      const at = path.join(BUILT, file);
      expect(existsSync(at), `${at} is missing: run npm run build first`).toBe(true);
      const code = readFileSync(at, 'utf8');
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
      expect(required.length, `${file} requires nothing at all: the check would be empty`).toBeGreaterThan(0);
      expect(required.filter((r) => r !== 'electron' && !isBuiltin(r)), file).toEqual([]);
    }
  });
});
