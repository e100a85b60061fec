import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The sandbox's folders form layers (the README's code map): a folder imports only from its
 * own layer's folders or lower ones, so a change to the HTTP layer can never reach the store,
 * and the store can be read without knowing the controllers. Tests are exempt: they may start
 * a whole sandbox.
 */
const LAYERS: string[][] = [
  ['errors', 'net'],
  ['schema'],
  ['store'],
  ['auth', 'faults', 'reconcile'],
  ['workloads'],
  ['controllers'],
  ['server'],
  ['api'],
  ['seed'],
];

/** Files at the root of src/ that any layer may import: constants, option types, leaf helpers. */
const SHARED_ROOT_FILES = [
  'packageDir',
  'kubeconfig',
  'SandboxOptions',
  'yamlText',
];

const SRC = __dirname;

function layerOf(folder: string): number {
  return LAYERS.findIndex(layer => layer.includes(folder));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name))
      return [];
    return [full];
  });
}

/** The relative module specifiers of a file's imports and re-exports. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)].map(m => m[1]);
}

/** Every import that goes up a layer, as `from -> to` lines. */
function upwardImports(srcDir: string): string[] {
  const found: string[] = [];
  for (const folder of LAYERS.flat()) {
    const dir = path.join(srcDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of sourceFiles(dir)) {
      for (const specifier of relativeImports(file)) {
        const target = path.relative(
          srcDir,
          path.resolve(path.dirname(file), specifier),
        );
        const [top, ...rest] = target.split(path.sep);
        const from = path.relative(srcDir, file);
        if (rest.length === 0) {
          if (!SHARED_ROOT_FILES.includes(top) && folder !== 'seed')
            found.push(`${from} -> ${target}`);
          continue;
        }
        const targetLayer = layerOf(top);
        if (targetLayer < 0 || targetLayer > layerOf(folder))
          found.push(`${from} -> ${target}`);
      }
    }
  }
  return found;
}

describe('sandbox layering', () => {
  it('has every folder of src/ in a layer', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter(e => e.isDirectory() && e.name !== '__testUtils__')
      .map(e => e.name);
    expect(folders.filter(f => layerOf(f) < 0)).toEqual([]);
  });

  it('imports only from the same layer or lower ones', () => {
    expect(upwardImports(SRC)).toEqual([]);
  });

  it('reports an import that goes up a layer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
    try {
      fs.mkdirSync(path.join(dir, 'store'));
      fs.mkdirSync(path.join(dir, 'api'));
      fs.writeFileSync(
        path.join(dir, 'store', 'Bad.ts'),
        "import { x } from '../api/handler';\nimport type { y } from '../startSandbox';\n",
      );
      fs.writeFileSync(path.join(dir, 'api', 'handler.ts'), 'export {};\n');
      expect(upwardImports(dir)).toEqual([
        `${path.join('store', 'Bad.ts')} -> ${path.join('api', 'handler')}`,
        `${path.join('store', 'Bad.ts')} -> startSandbox`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
