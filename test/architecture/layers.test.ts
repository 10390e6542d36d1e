/**
 * The layers of src/, bottom to top (ARCHITECTURE.md). A module may import its own layer or a lower one,
 * never a higher one, and no module may reach itself through its imports (static or dynamic).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Each folder of src/ and its height; folders of one height must not import each other. */
export const LAYERS: Readonly<Record<string, number>> = {
  domain: 0,
  config: 1,
  input: 2,
  validate: 3,
  core: 3,
  pipeline: 4,
  report: 5,
  init: 5,
  render: 6,
  /** Plumbing every command shares: options, errors and exit codes, terminal, writing files. */
  cli: 7,
  commands: 8,
  /** The entry point: wires the commands into one program and turns errors into exit codes. */
  'main.ts': 9,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative specifiers of `import … from`, `export … from` and `import(…)`, type-only ones included. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)) found.push(match[1] as string);
  return found;
}

interface Edge {
  from: string;
  to: string;
}

function edges(): Edge[] {
  const result: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      result.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return result;
}

const layerOf = (path: string): string => path.split('/')[0] as string;

describe('layers of src/', () => {
  const all = edges();

  it('every folder of src/ has a layer', () => {
    const folders = new Set(sourceFiles(SRC).map((f) => layerOf(relative(SRC, f))));
    expect([...folders].filter((folder) => !(folder in LAYERS))).toEqual([]);
  });

  it('no import runs back up, and none crosses between folders of one height', () => {
    const upward = all.filter(({ from, to }) => {
      const a = layerOf(from);
      const b = layerOf(to);
      return a !== b && (LAYERS[b] as number) >= (LAYERS[a] as number);
    });
    expect(upward.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('domain imports nothing of ours from outside it', () => {
    expect(all.filter(({ from, to }) => layerOf(from) === 'domain' && layerOf(to) !== 'domain')).toEqual([]);
  });

  it('no import cycle between modules', () => {
    const graph = new Map<string, string[]>();
    for (const { from, to } of all) graph.set(from, [...(graph.get(from) ?? []), to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('finds the imports it checks (a check that reads nothing passes nothing)', () => {
    expect(importsOf("import { a } from './x.js';\nexport * from '../y.js';\nconst m = await import('../z.js');\nimport type { T } from \"./t.js\";\nimport './side.js';")).toEqual([
      './x.js',
      '../y.js',
      '../z.js',
      './t.js',
      './side.js',
    ]);
    expect(all.length).toBeGreaterThan(100);
  });
});
