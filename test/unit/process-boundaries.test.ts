import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const NODE_OR_ELECTRON = /^(node:|electron$|fs$|path$|os$|child_process$|http$|crypto$|url$|worker_threads$)/;

describe('process boundaries', () => {
  it('the renderer never imports Node or Electron, nor the main-process code', () => {
    const offenders = sourceFiles(path.join(ROOT, 'renderer/src')).flatMap((f) =>
      importsOf(f).filter((i) => NODE_OR_ELECTRON.test(i) || i.includes('/electron/') || i.includes('/scripts/')).map((i) => `${path.relative(ROOT, f)} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('shared code in common/ is pure: no Node, no Electron, no DOM-only modules', () => {
    const offenders = sourceFiles(path.join(ROOT, 'common')).flatMap((f) =>
      importsOf(f).filter((i) => NODE_OR_ELECTRON.test(i) || i.includes('/renderer/') || i.includes('/electron/')).map((i) => `${path.relative(ROOT, f)} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('only the preload and main entry points import electron itself', () => {
    const importers = sourceFiles(path.join(ROOT, 'electron')).filter((f) => importsOf(f).includes('electron')).map((f) => path.basename(f));
    expect(importers.sort()).toEqual(['main.ts', 'preload.ts']);
  });
});
