'use strict';
/*
 * Whether the catalog provider's full sync runs once across the replicas, or once in each.
 *
 * The provider logs one line per full sync ("kratix-dynamodb: full catalog sync applied N
 * entities"). Its schedule is global, so the scheduler's lock in the shared database lets one
 * replica run each tick. Were it local (or the lock broken), each replica would run its own
 * ticks: about twice the runs.
 */
const fs = require('node:fs');
const { sleep } = require('../processes');

const FULL_SYNC = 'kratix-dynamodb: full catalog sync applied';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The start times (ms) of the full syncs in one backend's log: the line's time less the run's
 * duration ("... in N ms"). The line comes after the catalog mutation, which took 0 to 4 s on
 * a loaded machine; a run counts in the window it started in.
 */
function fullSyncTimes(logFile) {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .map(line => line.replace(ANSI, ''))
    .filter(line => line.includes(FULL_SYNC))
    .map(
      line =>
        Date.parse(line.match(/\d{4}-\d\d-\d\dT[\d:.]+Z/)?.[0]) -
        Number(line.match(/ in (\d+) ms/)?.[1] ?? 0),
    )
    .filter(Number.isFinite);
}

/**
 * Watches both replicas for `windowMs` and returns every full sync in that window, in time
 * order, with the replica that ran it, and the problems found:
 * - too few runs (the provider does not run at all);
 * - more runs than one schedule allows.
 *
 * Only the count tells one schedule from two. Backstage's scheduler keeps a global task's due
 * times a whole period apart in the database, and each replica's worker looks for a due run
 * every period, each at its own moment: one replica can take a due run late, just before the
 * other takes the next one on time, so two runs a second apart are normal. Each due time is
 * run once, though: the runs in the window are those due from one period before it to its
 * end, at most window / period + 2. Two replicas each running their own schedule make about
 * twice window / period.
 */
async function watchFullSyncs(backends, { frequencyMs, windowMs }) {
  const from = Date.now();
  await sleep(windowMs);
  const to = Date.now();
  const runs = backends
    .flatMap(b => fullSyncTimes(b.logFile).map(at => ({ replica: b.name, at })))
    .filter(r => r.at >= from && r.at <= to)
    .sort((x, y) => x.at - y.at);

  const problems = [];
  const oneScheduleAtMost = Math.floor(windowMs / frequencyMs) + 2;
  const atLeast = Math.floor(windowMs / frequencyMs / 2);
  if (runs.length < atLeast)
    problems.push(
      `only ${runs.length} full syncs in ${
        windowMs / 1000
      } s (at least ${atLeast} expected)`,
    );
  if (runs.length > oneScheduleAtMost)
    problems.push(
      `${runs.length} full syncs in ${
        windowMs / 1000
      } s, more than the ${oneScheduleAtMost} one schedule allows: ${runs
        .map(r => r.replica)
        .join(', ')}`,
    );
  return { runs, problems };
}

module.exports = { watchFullSyncs };
