/**
 * The import graph of src/: files and the modules they belong to (the first folder under src/).
 * Read from the source text (relative imports; `import type` is erased at run time and skipped).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** file (relative to root) → the files it imports at run time. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, m[1]);
      if (target && target.startsWith(root)) targets.add(relative(root, target));
    }
    graph.set(relative(root, file), [...targets]);
  }
  return graph;
}

/** The strongly connected components with more than one node (or a self-import): the cycles. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return out;
}

/** The module of a file: its first folder under src/ (files at the top are the app's own). */
export function moduleOf(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '(app)';
}

/** module → the modules it imports. */
export function moduleGraph(files: Map<string, string[]>): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = moduleOf(file);
    const set = graph.get(from) ?? new Set<string>();
    for (const t of targets) if (moduleOf(t) !== from) set.add(moduleOf(t));
    graph.set(from, set);
  }
  return new Map([...graph].map(([k, v]) => [k, [...v].sort()]));
}

// `npx ts-node --transpile-only scripts/module-graph.ts`: the module graph and its cycles.
if (require.main === module) {
  const files = importGraph(resolve(__dirname, '..', 'src'));
  for (const c of cycles(files)) console.log(`file cycle: ${c.join(' → ')}`);
  const modules = moduleGraph(files);
  for (const c of cycles(modules)) console.log(`module cycle: ${c.join(', ')}`);
  for (const [m, deps] of modules) console.log(`${m} → ${deps.join(', ')}`);
}
