/**
 * Whether `npm start` must build first: only when a file the build reads is newer than the
 * oldest file it writes, or an output is missing. (`npm run build` always rebuilds.)
 */
import path from 'node:path';

/** What `npm run build` writes last in each step: the renderer's page, the main process, the preload. */
export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
/** Folders the build reads in full. */
export const BUILD_INPUT_FOLDERS = ['content', 'renderer', 'common', 'electron'];
/** Single files the build reads; the scripts the configs import are found by following their imports. */
export const BUILD_INPUT_FILES = ['vite.config.ts', 'vite.electron.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

export interface FileTimes {
  /** undefined when the file does not exist. */
  stat(file: string): { mtimeMs: number; isDirectory: boolean } | undefined;
  readdir(dir: string): string[];
  readText(file: string): string;
}

/** Relative imports of a TypeScript file (`from './x.ts'`, `import('./y.ts')`). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Every file the build reads, as absolute paths. */
export function buildInputs(fs: FileTimes, root: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of fs.readdir(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (fs.stat(full)?.isDirectory) walk(full);
      else found.add(full);
    }
  };
  for (const folder of BUILD_INPUT_FOLDERS) if (fs.stat(path.join(root, folder))?.isDirectory) walk(path.join(root, folder));
  const follow = (file: string) => {
    if (found.has(file) || !fs.stat(file)) return;
    found.add(file);
    if (/\.[cm]?tsx?$/.test(file)) for (const i of relativeImports(fs.readText(file))) follow(path.resolve(path.dirname(file), i));
  };
  for (const f of BUILD_INPUT_FILES) follow(path.join(root, f));
  return [...found];
}

/** Why the build must run before starting, or undefined when it is newer than every input. */
export function staleBuildReason(fs: FileTimes, root: string): string | undefined {
  let oldestOutput = Infinity;
  for (const out of BUILD_OUTPUTS) {
    const s = fs.stat(path.join(root, out));
    if (!s) return `${out} is missing`;
    oldestOutput = Math.min(oldestOutput, s.mtimeMs);
  }
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const file of buildInputs(fs, root)) {
    const mtimeMs = fs.stat(file)?.mtimeMs ?? 0;
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  if (newest && newest.mtimeMs > oldestOutput) return `${path.relative(root, newest.file).split(path.sep).join('/')} changed after the last build`;
  return undefined;
}
