'use strict';
/*
 * Cloud SDKs and other libraries that Backstage's backend packages import at load time and
 * that most test files never call: Azure and Google storage, S3 and CodeCommit, git, Redis and
 * Valkey caches, zip archives, GitHub's API, certificates, a JavaScript parser for YAML. Every
 * backend test file loaded them all again (Jest gives each file its own module registry): about
 * a third of a backend test file's 3,300 modules.
 *
 * jestRuntime.js hands a test file a stand-in for such a module, which loads the real one the
 * first time anything is read from it, called, or constructed. Code that uses the module gets
 * the real module; a test file that never touches it never pays for it. The stand-in is only
 * handed out once a worker has loaded the real module once and recorded its shape: whether it
 * is a function, whether it has `default` and `__esModule`, and its enumerable keys. That is
 * what the interop helpers of Backstage's built packages read at load time, so they can be
 * answered without loading.
 */
const DEFERRED_PACKAGES = new Set([
  '@aws-sdk/client-codecommit',
  '@aws-sdk/client-s3',
  '@azure/identity',
  '@azure/storage-blob',
  '@google-cloud/storage',
  '@keyv/redis',
  '@keyv/valkey',
  '@octokit/auth-app',
  '@octokit/rest',
  'archiver',
  'esprima',
  'isomorphic-git',
  'node-forge',
]);

/** @typedef {{ isFunction: boolean, has: Record<string, boolean>, esModule: unknown, keys: string[] }} ModuleShape */

/** @returns {ModuleShape} what the interop helpers read from a module at load time */
function shapeOf(exports) {
  return {
    isFunction: typeof exports === 'function',
    has: { default: 'default' in exports, __esModule: '__esModule' in exports },
    esModule: exports.__esModule,
    keys: Object.keys(exports),
  };
}

/**
 * A stand-in for a module of this shape, which calls `load` (once) when it is really used.
 * @param {ModuleShape} shape
 * @param {() => any} load
 */
function deferredModule(shape, load) {
  let loaded;
  const real = () => (loaded ??= load());
  // The target's type decides what `typeof` says and whether the stand-in can be called.
  const target = shape.isFunction ? function deferred() {} : {};
  const known = new Set(shape.keys);
  const standIn = new Proxy(target, {
    get(_, key) {
      if (key === '__esModule' && !loaded) return shape.esModule;
      return Reflect.get(real(), key);
    },
    has(_, key) {
      if (!loaded && (key === 'default' || key === '__esModule'))
        return shape.has[key];
      return Reflect.has(real(), key);
    },
    ownKeys() {
      const keys = loaded ? Reflect.ownKeys(loaded) : [...shape.keys];
      // A proxy must list its target's fixed keys (a function's `prototype`).
      for (const key of Reflect.ownKeys(target)) {
        const own = Reflect.getOwnPropertyDescriptor(target, key);
        if (!own.configurable && !keys.includes(key)) keys.push(key);
      }
      return keys;
    },
    getOwnPropertyDescriptor(_, key) {
      const fixed = Reflect.getOwnPropertyDescriptor(target, key);
      if (fixed && !fixed.configurable) return fixed;
      if (!loaded && known.has(key)) {
        return {
          enumerable: true,
          configurable: true,
          get: () => real()[key],
          set: value => {
            real()[key] = value;
          },
        };
      }
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may call a property fixed only if its target has it fixed too.
      if (descriptor && !descriptor.configurable)
        Reflect.defineProperty(target, key, descriptor);
      return descriptor;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_, key, descriptor) =>
      Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    // `new standIn()` builds the real class; a subclass's `super()` keeps the subclass.
    construct: (_, args, newTarget) =>
      Reflect.construct(
        real(),
        args,
        newTarget === standIn ? real() : newTarget,
      ),
  });
  return standIn;
}

module.exports = { DEFERRED_PACKAGES, deferredModule, shapeOf };
