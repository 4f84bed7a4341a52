import { resolve } from 'node:path';
import { cycles, importGraph, moduleGraph } from '../scripts/module-graph';

/**
 * The modules of src/ from the bottom up: a module imports only modules of lower layers (run-time
 * imports; `import type` is erased), so there is no cycle and no arrow from a lower module up to a
 * higher one. A new module takes its place here.
 */
const LAYERS: string[][] = [
  ['config'],
  ['database'],
  ['common'],
  ['mail'],
  ['identity'],
  ['access', 'idempotency', 'jobs', 'integration'],
  ['register'],
  ['costing'],
  ['workflow'],
  ['consultation'],
  ['notifications'],
  ['decisions'],
  ['reporting'],
  ['demo', 'health', 'web'],
  ['(app)'],
  ['cli'],
];

describe('the module graph', () => {
  const files = importGraph(resolve(__dirname));

  it('reads the source tree', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(files.get('workflow/workflow.service.ts')).toContain(
      'idempotency/idempotency.service.ts',
    );
  });

  it('has no import cycle between files', () => {
    expect(cycles(files)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(cycles(moduleGraph(files))).toEqual([]);
  });

  it('imports only downwards, layer by layer', () => {
    const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));
    const upward: string[] = [];
    for (const [from, targets] of moduleGraph(files)) {
      expect(layerOf.has(from) ? from : `${from} has no layer`).toBe(from);
      for (const to of targets) {
        if ((layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -1))
          upward.push(`${from} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
