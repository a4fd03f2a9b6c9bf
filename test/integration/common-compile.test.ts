/** common/ compiles for no host in particular: a probe that uses a DOM or a Node global fails tsc with tsconfig.common.json. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('common/ is compiled for no host in particular (tsconfig.common.json, part of npm run typecheck)', () => {
  it('refuses what only the DOM or only Node provides, and accepts what both provide', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'puente-common-compile-'));
    try {
      writeFileSync(path.join(dir, 'probe.ts'), [
        'export const encoded = new TextEncoder().encode(String(crypto.getRandomValues(new Uint8Array(2))));',
        'clearTimeout(setTimeout(() => undefined, 1));',
        'export const title = document.title;',
        'export const pid = process.pid;',
        "export const bytes = Buffer.from('x');",
      ].join('\n'));
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.common.json'),
        include: [path.join(dir, 'probe.ts'), path.join(ROOT, 'common/web-platform.d.ts')],
      }));
      let output = '';
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir], { encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      const failingLines = [...output.matchAll(/probe\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
      expect(failingLines, output).toEqual([3, 4, 5]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
