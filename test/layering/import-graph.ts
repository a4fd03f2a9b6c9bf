/**
 * The project's import graph, read with a real parser (Vite's, the one the build uses), so
 * comments, strings and type positions cannot hide an import or fake one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parseSync, Visitor } from 'vite';
import { ELECTRON, NODE, NPM, VIRTUAL, type PackageKind } from './layers.ts';

/** One module reference as written in a file. */
export interface ImportSite {
  specifier: string;
  line: number;
  /** Erased at build time (`import type`, `export type … from`, `import('…')` in a type). */
  typeOnly: boolean;
  /** The module is named at run time (`require(file)`): `specifier` is the expression's text. */
  computed?: true;
}

export type ImportTarget = { file: string } | { package: PackageKind } | { unresolved: true } | { computed: true };
export interface Import extends ImportSite {
  target: ImportTarget;
}
/** Project file (path from the root, with `/`) → what it imports. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const NOT_SOURCE_FOLDERS = new Set(['node_modules', 'dist', 'release', 'test-results']);

const parserLang = (file: string) => (file.endsWith('.tsx') ? 'tsx' : file.endsWith('.jsx') ? 'jsx' : /\.[mc]?ts$/.test(file) ? 'ts' : 'js');

/**
 * Every module reference in one source file: import and export-from statements (type-only
 * ones too), dynamic import(), `import('…')` types, `import x = require()`, require() and
 * `new URL('…', import.meta.url)` (how Vite finds a worker).
 */
export function importsIn(file: string, source: string): ImportSite[] {
  const parsed = parseSync(file, source, { lang: parserLang(file), sourceType: 'module' });
  if (parsed.errors.length) throw new Error(`${file}: cannot be parsed to read its imports: ${parsed.errors[0].message}`);
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => lineStarts.findLastIndex((start) => start <= offset) + 1;

  const sites: ImportSite[] = [];
  const add = (node: { type: string; value?: unknown; start: number; end: number } | null | undefined, typeOnly: boolean) => {
    if (!node) return;
    const computed = node.type !== 'Literal' || typeof node.value !== 'string';
    // A module named at run time (`import(name)`) is kept, as its source text, for the layer rules to refuse.
    sites.push({ specifier: computed ? source.slice(node.start, node.end) : (node.value as string), line: lineOf(node.start), typeOnly, ...(computed && { computed }) });
  };
  const allTypes = (kinds: Array<string | undefined>) => kinds.length > 0 && kinds.every((k) => k === 'type');
  new Visitor({
    ImportDeclaration: (n) => add(n.source, n.importKind === 'type' || allTypes(n.specifiers.map((s) => ('importKind' in s ? s.importKind : undefined)))),
    ExportNamedDeclaration: (n) => n.source && add(n.source, n.exportKind === 'type' || allTypes(n.specifiers.map((s) => s.exportKind))),
    ExportAllDeclaration: (n) => add(n.source, n.exportKind === 'type'),
    ImportExpression: (n) => add(n.source, false),
    TSImportType: (n) => add(n.source, true),
    TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && add(n.moduleReference.expression, n.importKind === 'type'),
    CallExpression: (n) => {
      if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) add(n.arguments[0], false);
    },
    NewExpression: (n) => {
      const [url, base] = n.arguments;
      const isImportMetaUrl = base?.type === 'MemberExpression' && base.object.type === 'MetaProperty' && base.property.type === 'Identifier' && base.property.name === 'url';
      if (n.callee.type === 'Identifier' && n.callee.name === 'URL' && isImportMetaUrl) add(url, false);
    },
  }).visit(parsed.program);
  return sites;
}

const NODE_BUILTINS = new Set(builtinModules);

function packageKind(specifier: string): PackageKind {
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) return NODE;
  if (specifier === 'electron' || specifier.startsWith('electron/')) return ELECTRON;
  if (specifier.startsWith('virtual:')) return VIRTUAL;
  return NPM;
}

/** Where a specifier leads: a project file (path from the root), a kind of package, or nowhere. */
export function resolveImport(root: string, fromFile: string, specifier: string): ImportTarget {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return { package: packageKind(specifier) };
  const base = path.resolve(root, path.dirname(fromFile), specifier.replace(/[?#].*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return found ? { file: path.relative(root, found).split(path.sep).join('/') } : { unresolved: true };
}

/** Every source file of the project (paths from the root), build output and dependencies left out. */
export function projectSourceFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name.startsWith('.') || NOT_SOURCE_FOLDERS.has(entry.name) ? [] : projectSourceFiles(root, rel);
    return SOURCE.test(entry.name) ? [rel] : [];
  });
}

export function readImportGraph(root: string): ImportGraph {
  return new Map(projectSourceFiles(root).map((file) => [
    file,
    importsIn(file, readFileSync(path.join(root, file), 'utf8')).map((site) => ({ ...site, target: site.computed ? { computed: true } : resolveImport(root, file, site.specifier) })),
  ]));
}
