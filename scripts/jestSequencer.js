'use strict';
/*
 * The order in which `npm test` hands test files to Jest's workers (scripts/test.js passes it as
 * --testSequencer): Jest's own order (files that failed last time, then the longest first, so
 * that no worker is left with a long file at the end), with the durations kept in one file for
 * the whole repository.
 *
 * Jest keeps the durations per Jest config id, and backstage-cli gives every package of a role
 * the same id, so all backend packages wrote one file in turn, each over the others' figures.
 * The order then came out nearly at random: the two longest files (30-40 s each) started 22 s
 * into a 95 s run.
 */
const fs = require('node:fs');
const path = require('node:path');

const backstageCli = path.dirname(
  require.resolve('@backstage/cli/package.json'),
);
const TestSequencer = require(require.resolve('@jest/test-sequencer', {
  paths: [
    path.dirname(
      require.resolve('@backstage/cli-module-test-jest/package.json', {
        paths: [backstageCli],
      }),
    ),
  ],
})).default;

const FAIL = 0;
const SUCCESS = 1;

module.exports = class RepositoryWideSequencer extends TestSequencer {
  /** `{ [test file]: [FAIL | SUCCESS, milliseconds] }`, as Jest's own file holds. */
  durations = undefined;
  durationsFile = undefined;

  _getCache(test) {
    if (!this.durations) {
      const { config } = test.context;
      this.durationsFile = config.cache
        ? path.join(config.cacheDirectory, 'test-durations.json')
        : undefined;
      try {
        this.durations = JSON.parse(
          fs.readFileSync(this.durationsFile, 'utf8'),
        );
      } catch {
        this.durations = {};
      }
    }
    return this.durations;
  }

  cacheResults(tests, results) {
    if (!tests.length) return;
    const durations = this._getCache(tests[0]);
    for (const result of results.testResults) {
      if (result.skipped) continue;
      const perf = result.perfStats;
      durations[result.testFilePath] = [
        result.numFailingTests > 0 ? FAIL : SUCCESS,
        perf.runtime ?? perf.end - perf.start,
      ];
    }
    if (this.durationsFile)
      fs.writeFileSync(this.durationsFile, JSON.stringify(durations));
  }
};
