import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, layeringProblems } from '../layering/check-layering.ts';
import { importsIn, readImportGraph, type Import, type ImportGraph } from '../layering/import-graph.ts';
import { ELECTRON, LAYERS, NODE } from '../layering/layers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('layering: who may import whom (test/layering/layers.ts)', () => {
  const graph = readImportGraph(ROOT);

  it('reads the whole project', () => {
    for (const file of ['common/ipc-channels.ts', 'renderer/src/main.tsx', 'electron/main.ts', 'electron/preload.ts', 'scripts/start.ts', 'vite.config.ts', 'test/unit/layering.test.ts']) {
      expect(graph.has(file), file).toBe(true);
    }
  });

  it('every file belongs to a layer and imports only what its layer allows', () => {
    expect(layeringProblems(graph, LAYERS)).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the layering checker is not a rubber stamp', () => {
  const imp = (specifier: string, target: Import['target'], typeOnly = false, line = 1): Import => ({ specifier, line, typeOnly, target });
  const synthetic: ImportGraph = new Map([
    ['common/text.ts', [imp('../renderer/src/view.tsx', { file: 'renderer/src/view.tsx' }, false, 3), imp('node:fs', { package: NODE }, false, 4)]],
    ['renderer/src/view.tsx', []],
    ['renderer/src/a.tsx', [imp('./b.tsx', { file: 'renderer/src/b.tsx' }, false, 2), imp('../../common/text.ts', { file: 'common/text.ts' })]],
    ['renderer/src/b.tsx', [imp('./a.tsx', { file: 'renderer/src/a.tsx' }, true, 5)]],
    ['electron/preload-bridge.ts', [imp('../common/ipc-contract.ts', { file: 'common/ipc-contract.ts' }, true), imp('../common/ipc-contract.ts', { file: 'common/ipc-contract.ts' }, false, 2)]],
    ['scripts/tool.ts', [
      imp('../electron/records-host.ts', { file: 'electron/records-host.ts' }, false, 7),
      imp('./missing.ts', { unresolved: true }, false, 8),
      imp('pluginName', { computed: true }, false, 9),
    ]],
    ['test/unit/x.test.ts', [imp('../../electron/main.ts', { file: 'electron/main.ts' }), imp('electron', { package: ELECTRON })]],
    ['docs/example.ts', []],
  ]);

  it('names the file, the import and the rule for each forbidden import, and each file outside the table', () => {
    expect(layeringProblems(synthetic, LAYERS)).toEqual([
      "common/text.ts:3 imports '../renderer/src/view.tsx' (renderer/src/view.tsx, layer renderer): layer common may import only common, catalogues, npm packages",
      "common/text.ts:4 imports 'node:fs' (Node built-ins): layer common may import only common, catalogues, npm packages",
      "electron/preload-bridge.ts:2 imports '../common/ipc-contract.ts' (common/ipc-contract.ts, layer common): layer preload-bridge may import only common/ipc-channels.ts, and the types of common/ipc-contract.ts",
      "scripts/tool.ts:7 imports '../electron/records-host.ts' (electron/records-host.ts, layer main-modules): layer scripts may import only scripts, node, common, Node built-ins, npm packages",
      "scripts/tool.ts:8 imports './missing.ts' (a file that does not exist): layer scripts may import only scripts, node, common, Node built-ins, npm packages",
      "scripts/tool.ts:9 imports 'pluginName' (a module named at run time, which no rule can check): layer scripts may import only scripts, node, common, Node built-ins, npm packages",
      'docs/example.ts belongs to no layer: add its folder to the table in test/layering/layers.ts',
    ]);
  });

  it('reports a cycle made of a type-only import as a path of imports', () => {
    expect(importCycles(synthetic)).toEqual([
      "import cycle: renderer/src/a.tsx:2 imports './b.tsx' → renderer/src/b.tsx:5 imports the types of './a.tsx' (back to renderer/src/a.tsx); move what they share into a module of its own",
    ]);
  });

  it('reads every way a file can refer to a module, and nothing in comments or strings', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import b, { type C } from './b.ts';",
      "import { type D } from './d.ts';",
      "export * from './e.ts';",
      "export type { F } from './f.ts';",
      "const g = await import('./g.ts');",
      "let h: typeof import('./h.ts');",
      "const i = require('./i.cjs');",
      "const worker = new URL('./j.worker.ts', import.meta.url);",
      "// import { k } from './k.ts';",
      "const text = \"import { l } from './l.ts'\";",
      'const plugin = await import(pluginName);',
    ].join('\n');
    expect(importsIn('renderer/src/example.ts', source)).toEqual([
      { specifier: './a.ts', line: 1, typeOnly: true },
      { specifier: './b.ts', line: 2, typeOnly: false },
      { specifier: './d.ts', line: 3, typeOnly: true },
      { specifier: './e.ts', line: 4, typeOnly: false },
      { specifier: './f.ts', line: 5, typeOnly: true },
      { specifier: './g.ts', line: 6, typeOnly: false },
      { specifier: './h.ts', line: 7, typeOnly: true },
      { specifier: './i.cjs', line: 8, typeOnly: false },
      { specifier: './j.worker.ts', line: 9, typeOnly: false },
      { specifier: 'pluginName', line: 12, typeOnly: false, computed: true },
    ]);
  });
});
