/**
 * `npm start` rebuilds only when the build is older than a file it is made from.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputs, relativeImports, staleBuildReason, type FileTimes } from '../../scripts/build-freshness.ts';

const root = '/proj';

/** A project in memory: path relative to root → [mtime, text]. */
function project(files: Record<string, [number, string?]>): FileTimes {
  const abs = new Map(Object.entries(files).map(([f, v]) => [path.join(root, f), v] as const));
  const isDir = (d: string) => [...abs.keys()].some((f) => f.startsWith(d + path.sep));
  return {
    stat: (f) => (abs.has(f) ? { mtimeMs: abs.get(f)![0], isDirectory: false } : isDir(f) ? { mtimeMs: 0, isDirectory: true } : undefined),
    readdir: (d) => [...new Set([...abs.keys()].filter((f) => f.startsWith(d + path.sep)).map((f) => f.slice(d.length + 1).split(path.sep)[0]!))],
    readText: (f) => abs.get(f)?.[1] ?? '',
  };
}

/** A built project: sources at time 100, outputs at 200. */
const built = (changes: Record<string, [number, string?]> = {}) =>
  project({
    'content/es/intro.mdx': [100],
    'renderer/src/main.tsx': [100],
    'common/facets.ts': [100],
    'electron/main.ts': [100],
    'scripts/vite-plugin-content.ts': [100, "import { load } from './content/load-content.ts';\n"],
    'scripts/content/load-content.ts': [100, "import { LANGS } from '../../common/facets.ts';\n"],
    'scripts/start.ts': [100],
    'vite.config.ts': [100, "import { puenteContent } from './scripts/vite-plugin-content.ts';\n"],
    'vite.electron.config.ts': [100],
    'package.json': [100],
    'package-lock.json': [100],
    'tsconfig.json': [100],
    'renderer/node_modules/x/index.js': [900],
    'dist/renderer/index.html': [200],
    'dist/electron/main.cjs': [210],
    'dist/electron/preload.cjs': [220],
    ...changes,
  });

describe('npm start: build only when stale', () => {
  it('does not rebuild when the build is newer than every source', () => {
    expect(staleBuildReason(built(), root)).toBeUndefined();
  });

  it.each([
    'content/es/intro.mdx',
    'renderer/src/main.tsx',
    'common/facets.ts',
    'electron/main.ts',
    'scripts/content/load-content.ts',
    'vite.config.ts',
    'package-lock.json',
  ])('rebuilds when %s is newer than the build, and names it', (file) => {
    expect(staleBuildReason(built({ [file]: [205, ''] }), root)).toBe(`${file} changed after the last build`);
  });

  it('compares with the oldest output, so a half-finished build is rebuilt', () => {
    expect(staleBuildReason(built({ 'electron/main.ts': [205] }), root)).toMatch(/electron\/main\.ts/);
  });

  it('rebuilds when an output is missing', () => {
    const p = project({ 'content/es/intro.mdx': [100], 'dist/renderer/index.html': [200] });
    expect(staleBuildReason(p, root)).toBe('dist/electron/main.cjs is missing');
  });

  it('ignores scripts the build does not read, and folders of installed packages', () => {
    expect(staleBuildReason(built({ 'scripts/start.ts': [300] }), root)).toBeUndefined();
    const inputs = buildInputs(built(), root).map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(inputs).toContain('scripts/vite-plugin-content.ts');
    expect(inputs).not.toContain('scripts/start.ts');
    expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
  });

  it('follows static and dynamic relative imports, not packages', () => {
    expect(relativeImports("import a from './a.ts';\nimport type { B } from '../b.ts';\nconst c = await import('./c.ts');\nimport 'vite';\nimport './side.ts';"))
      .toEqual(['./a.ts', '../b.ts', './c.ts', './side.ts']);
  });
});
