'use strict';
/*
 * The Jest runtime of every package's tests (each package.json's `jest.runtime`): Backstage's
 * own runtime, plus two caches that live as long as a Jest worker process.
 *
 * Jest gives each test file a fresh module registry, so a worker that runs 35 test files loads
 * Backstage's module graph (thousands of modules) 35 times. For every module, every time, it
 * reads the source, hashes it to find the transform in the disk cache, reads that, and has V8
 * parse and compile the result. A CPU profile of the suite put about 80% of a frontend test
 * file's time and most of a small backend one's in that loading. Here a worker keeps, per file:
 *  - the transformed code, keyed by the file's path, size and modification time (so an edit
 *    between watch-mode runs is seen) and the transform options;
 *  - the compiled module itself, a `vm.Script` that evaluates to the module's wrapper function,
 *    used only for exactly the same code.
 * Each test file still gets its own module instances: the script runs again in the test file's
 * own context, which makes new functions and new module state there. What is shared is V8's
 * work: parsing, and compiling each function the first time it is called, once per worker
 * instead of once per test file. Before, the worker kept V8's code cache for each module; but
 * that cache holds only what was compiled before the module ran, and reading it back cost
 * about 0.06 ms per module, which added up to 0.8 s in one package.
 * `plugins/kratix-dynamodb-backend` in one process: 36-43 s of CPU without any of this, 27 s
 * with the code cache, 17.5 s with the code cache and the stand-ins below, 13.5 s with the
 * kept scripts.
 *
 * A third saving is not a cache: where a package in node_modules requires another module, the
 * test file gets a stand-in that loads the module only when it is used (jestDeferredModules.js).
 * A backend test file loaded about 3,000 modules; most now load 300 to 1,200.
 *
 * The base class is Backstage's (`jestCachingModuleLoader`): it lets a test file load a `.js`
 * file as ESM only where the package's config allows `.mts` as ESM (backend roles), which is
 * what every package had before this file.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const {
  mayDefer,
  deferredModule,
  shapeOf,
  isStandIn,
} = require('./jestDeferredModules');
const { moduleShapesIn } = require('./jestModuleShapes');

const backstageCli = path.dirname(
  require.resolve('@backstage/cli/package.json'),
);
const BackstageRuntime = require(require.resolve(
  '@backstage/cli-module-test-jest/config/jestCachingModuleLoader',
  { paths: [backstageCli] },
));

/** @type {Map<string, { file: object }>} */
const transformedFiles = new Map();
/** @type {Map<string, { code: string, script: vm.Script, runtime: object }>} */
const compiledModules = new Map();
const insideNodeModules = `${path.sep}node_modules${path.sep}`;

module.exports = class WorkerCachingRuntime extends BackstageRuntime {
  /**
   * A stand-in for a module that a package in node_modules requires, where its shape is known
   * (jestDeferredModules.js). A module no stand-in is handed out for yet is loaded, and its
   * shape is recorded when the test file is done.
   */
  requireModuleOrMock(from, moduleName) {
    if (
      !mayDefer(moduleName) ||
      !from.includes(insideNodeModules) ||
      // A mocked module must be what the test file's mock says, not a stand-in for the real one.
      this._explicitShouldMock.size > 0 ||
      this._isolatedModuleRegistry
    )
      return super.requireModuleOrMock(from, moduleName);
    const modulePath = this._resolveCjsModule(from, moduleName);
    const loaded = this._moduleRegistry.get(modulePath);
    if (loaded || !modulePath.includes(insideNodeModules))
      return super.requireModuleOrMock(from, moduleName);
    this.standIns ??= new Map();
    const standIn = this.standIns.get(modulePath);
    if (standIn) return standIn;
    const load = () => super.requireModuleOrMock(from, moduleName);
    const shape = this.#moduleShapes().get(
      this._config.testEnvironment,
      modulePath,
    );
    if (!shape) {
      this.shapesToRecord ??= new Set();
      this.shapesToRecord.add(modulePath);
    }
    if (!shape?.defer) return load();
    const deferred = deferredModule(shape, load);
    this.standIns.set(modulePath, deferred);
    return deferred;
  }

  #moduleShapes() {
    return moduleShapesIn(this._config.cacheDirectory);
  }

  teardown() {
    // Shapes are read once the file is done, so a module first loaded inside a require cycle
    // is recorded whole, not as the partial exports the cycle saw.
    const shapes = [];
    for (const modulePath of this.shapesToRecord ?? []) {
      const { loaded, exports } = this._moduleRegistry.get(modulePath) ?? {};
      if (loaded && !isStandIn(exports))
        shapes.push([
          modulePath,
          shapeOf(exports, () => fs.readFileSync(modulePath, 'utf8')),
        ]);
    }
    this.#moduleShapes().addAll(this._config.testEnvironment, shapes);
    super.teardown();
  }

  transformFile(filename, options) {
    if (options?.isInternalModule)
      return super.transformFile(filename, options);
    const stat = fs.statSync(filename, { throwIfNoEntry: false });
    if (!stat) return super.transformFile(filename, options);
    const key = [
      this._config.id,
      filename,
      stat.size,
      stat.mtimeMs,
      JSON.stringify(options ?? {}),
    ].join('\0');
    const known = transformedFiles.get(key);
    if (known) {
      // What Jest's own transformFile records, for stack traces and coverage.
      this._fileTransforms.set(filename, known.file);
      if (known.file.sourceMapPath)
        this._sourceMapRegistry.set(filename, known.file.sourceMapPath);
      return known.file.code;
    }
    const code = super.transformFile(filename, options);
    const file = this._fileTransforms.get(filename);
    if (file?.code === code) transformedFiles.set(key, { file });
    return code;
  }

  createScriptFromCode(scriptSource, filename) {
    const vmContext = this._environment.getVmContext();
    if (!vmContext || this._resolver.isCoreModule(filename))
      return super.createScriptFromCode(scriptSource, filename);
    const params = this.constructInjectedModuleParameters();
    const key = `${filename}\0${params.join(',')}`;
    let compiled = compiledModules.get(key);
    if (compiled?.code !== scriptSource) {
      compiled = { code: scriptSource, runtime: this, script: undefined };
      const importer = compiled;
      try {
        compiled.script = new vm.Script(
          // The wrapper on a line of its own, so that line 1 of the module stays line 1.
          `(function (${params.join(', ')}) {\n${scriptSource}\n})`,
          {
            filename,
            lineOffset: -1,
            // The compiled module outlives this test file: an `import()` in it belongs to
            // whichever test file is running it now.
            importModuleDynamically: async specifier => {
              const runtime = importer.runtime;
              return runtime.linkAndEvaluateModule(
                await runtime.resolveModule(
                  specifier,
                  filename,
                  runtime._environment.getVmContext(),
                ),
              );
            },
          },
        );
      } catch {
        // Jest's own path turns a syntax error into its readable report.
        return super.createScriptFromCode(scriptSource, filename);
      }
      compiledModules.set(key, compiled);
    }
    compiled.runtime = this;
    return compiled.script.runInContext(vmContext);
  }
};
