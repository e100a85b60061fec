// These tests start sandbox clusters, backends and local processes: on a loaded 2-core machine
// a start alone can take several seconds, more than Jest's 5 s default for a test or a hook.
// (Jest's `testTimeout` option is global, so a package's own setting is made here.)
jest.setTimeout(30_000);

export {};
