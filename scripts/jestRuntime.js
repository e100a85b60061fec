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
 *  - V8's code cache for the compiled module, used only for exactly the same code.
 * Each test file still gets its own module instances: only the work of producing the code is
 * shared, never a module's state. `plugins/kratix-dynamodb-backend` in one process: 36-43 s of
 * CPU without these caches, 27 s with them.
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
/** @type {Map<string, { code: string, data: Buffer }>} */
const compiledCode = new Map();
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
    const known = compiledCode.get(key);
    const cachedData = known?.code === scriptSource ? known.data : undefined;
    let compiled;
    try {
      compiled = vm.compileFunction(scriptSource, params, {
        filename,
        cachedData,
        produceCachedData: !cachedData,
        importModuleDynamically: async specifier =>
          this.linkAndEvaluateModule(
            await this.resolveModule(specifier, filename, vmContext),
          ),
        parsingContext: vmContext,
      });
    } catch {
      // Jest's own path turns a syntax error into its readable report.
      return super.createScriptFromCode(scriptSource, filename);
    }
    if (!cachedData && compiled.cachedDataProduced)
      compiledCode.set(key, { code: scriptSource, data: compiled.cachedData });
    return compiled;
  }
};
