/** Checks an import graph against the layer table: each problem names the file, the import and the rule it breaks. */
import type { Import, ImportGraph } from './import-graph.ts';
import { ANYTHING, type Layer } from './layers.ts';

function globToRegExp(glob: string): RegExp {
  const body = glob.split('**').map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*');
  return new RegExp(`^${body}$`);
}

/** The layer a file belongs to: the first whose pattern matches. */
export function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  return layers.find((layer) => layer.files.some((glob) => globToRegExp(glob).test(file)));
}

const isFileEntry = (entry: string) => entry.includes('/');

function allows(layers: readonly Layer[], entries: readonly string[], target: Import['target']): boolean {
  if (entries.includes(ANYTHING)) return true;
  if ('unresolved' in target || 'computed' in target) return false;
  if ('package' in target) return entries.includes(target.package);
  const targetLayer = layerOf(layers, target.file)?.name;
  return entries.some((entry) => (isFileEntry(entry) ? entry === target.file : entry === targetLayer));
}

function describeTarget(layers: readonly Layer[], target: Import['target']): string {
  if ('unresolved' in target) return 'a file that does not exist';
  if ('computed' in target) return 'a module named at run time, which no rule can check';
  if ('package' in target) return target.package;
  const layer = layerOf(layers, target.file);
  return layer ? `${target.file}, layer ${layer.name}` : `${target.file}, which belongs to no layer`;
}

function ruleOf(layer: Layer): string {
  const types = layer.mayImportTypes?.length ? `, and the types of ${layer.mayImportTypes.join(', ')}` : '';
  return `layer ${layer.name} may import only ${layer.mayImport.join(', ')}${types}`;
}

/** Imports that break the table, and files the table does not place in any layer. */
export function layeringProblems(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const layer = layerOf(layers, file);
    if (!layer) {
      problems.push(`${file} belongs to no layer: add its folder to the table in test/layering/layers.ts`);
      continue;
    }
    for (const i of imports) {
      if (allows(layers, layer.mayImport, i.target)) continue;
      if (i.typeOnly && allows(layers, layer.mayImportTypes ?? [], i.target)) continue;
      problems.push(`${file}:${i.line} imports${i.typeOnly ? ' the types of' : ''} '${i.specifier}' (${describeTarget(layers, i.target)}): ${ruleOf(layer)}`);
    }
  }
  return problems;
}

/**
 * Import cycles between project files, type-only imports included (a cycle of types still
 * ties two modules together). Each is shown as a path of imports that returns to its start.
 */
export function importCycles(graph: ImportGraph): string[] {
  const edges = (file: string) =>
    (graph.get(file) ?? []).flatMap((i) => ('file' in i.target && graph.has(i.target.file) ? [{ to: i.target.file, site: i }] : []));

  // Tarjan's strongly connected components: every cycle lies inside one component of two or more files (or a file importing itself).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const { to } of edges(file)) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      components.push(component);
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);

  return components
    .filter((c) => c.length > 1 || edges(c[0]).some((e) => e.to === c[0]))
    .map((component) => {
      // The shortest way back to the component's first file (by name), within the component.
      const inside = new Set(component);
      const start = [...component].sort()[0];
      const cameFrom = new Map<string, { from: string; site: Import }>();
      const queue = [start];
      let closing: { from: string; site: Import } | undefined;
      while (queue.length && !closing) {
        const file = queue.shift()!;
        for (const { to, site } of edges(file)) {
          if (to === start) {
            closing = { from: file, site };
            break;
          }
          if (inside.has(to) && !cameFrom.has(to)) {
            cameFrom.set(to, { from: file, site });
            queue.push(to);
          }
        }
      }
      const hops: string[] = [];
      for (let step = closing; step; step = cameFrom.get(step.from)) {
        hops.unshift(`${step.from}:${step.site.line} imports${step.site.typeOnly ? ' the types of' : ''} '${step.site.specifier}'`);
        if (step.from === start) break;
      }
      const knot = component.length > hops.length ? `; ${component.length} files are tied in this knot: ${[...component].sort().join(', ')}` : '';
      return `import cycle: ${hops.join(' → ')} (back to ${start})${knot}; move what they share into a module of its own`;
    });
}
