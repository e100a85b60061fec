'use strict';
/*
 * Modules that a package inside node_modules requires at load time and that a test file may
 * never use. Backstage's backend packages import every cloud SDK, database driver and git
 * library they might need, and its frontend packages whole component libraries; Jest gives
 * each test file its own module registry, so every file loaded all of them again: about 3,000
 * modules for a backend test file and 3,000 to 6,500 for a frontend one.
 *
 * jestRuntime.js hands such a require a stand-in, which loads the real module the first time
 * anything is read from it, called, or constructed. Code that uses the module gets the real
 * module; a test file that never touches it never pays for it. A stand-in is only handed out
 * for a module whose shape is known (jestModuleShapes.js keeps them): whether it is a
 * function, whether it has `default` and `__esModule`, and its enumerable keys. That is what
 * the interop helpers of built packages (Rollup's, Babel's, TypeScript's) read at load time,
 * so they can be answered without loading. Per backend test file this leaves about 300 to
 * 1,200 modules.
 *
 * Not deferred, because a stand-in would change what they do:
 *  - a module that exports something other than a plain object or a function (an array, a
 *    class instance, a string): a Proxy cannot stand in for its internal slots or private
 *    fields;
 *  - a module with no keys: it is required for what it does when loaded (a polyfill, a
 *    register hook), not for its exports;
 *  - a function whose source looks at its caller through the stack (`bindings` finds a native
 *    addon beside the file that called it): the stand-in would be that caller;
 *  - JSON files and Node's own modules, which cost nothing to load.
 */

/** @param {string} moduleName as written in `require()` */
function mayDefer(moduleName) {
  return !moduleName.startsWith('node:') && !moduleName.endsWith('.json');
}

/** What the functions that find their caller from the stack, or call a library that does, use. */
const READS_CALLER =
  /prepareStackTrace|captureStackTrace|callsites|parent-module|caller-path|caller-callsite|get-caller-file/;

/**
 * @typedef {{ defer: false } | { defer: true, isFunction: boolean, has: Record<string, boolean>,
 *   esModule: unknown, keys: string[] }} ModuleShape
 */

/**
 * @param {unknown} exports a module's exports, once it has loaded
 * @param {() => string} readSource the module's code, read only for a function
 * @returns {ModuleShape} what the interop helpers read from a module at load time
 */
function shapeOf(exports, readSource) {
  const isFunction = typeof exports === 'function';
  // Object.prototype of any realm: a module that sets `module.exports = {...}` builds its
  // object in the test file's context, whose Object.prototype is not this file's.
  const prototype =
    typeof exports === 'object' && exports !== null
      ? Object.getPrototypeOf(exports)
      : undefined;
  const isPlainObject =
    prototype === null ||
    (prototype !== undefined && Object.getPrototypeOf(prototype) === null);
  if (!isFunction && !isPlainObject) return { defer: false };
  const keys = Object.keys(exports);
  if (isPlainObject && !keys.length) return { defer: false };
  if (isFunction && READS_CALLER.test(readSource())) return { defer: false };
  return {
    defer: true,
    isFunction,
    has: { default: 'default' in exports, __esModule: '__esModule' in exports },
    esModule: exports.__esModule,
    keys,
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
  standIns.add(standIn);
  return standIn;
}

/** Every stand-in handed out, so that one is never mistaken for a module's own exports. */
const standIns = new WeakSet();
const isStandIn = value => standIns.has(value);

module.exports = { mayDefer, deferredModule, shapeOf, isStandIn };
