'use strict';
/*
 * Whether the catalog provider's full sync runs once across the replicas, or once in each.
 *
 * The provider logs one line per full sync ("kratix-dynamodb: full catalog sync applied N
 * entities"). Its schedule is global, so the scheduler's lock in the shared database lets one
 * replica run each tick. Were it local (or the lock broken), each replica would run its own
 * ticks: about twice the runs, and runs of the two replicas close together.
 */
const fs = require('node:fs');
const { sleep } = require('../processes');

const FULL_SYNC = 'kratix-dynamodb: full catalog sync applied';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The start times (ms) of the full syncs in one backend's log: the line's time less the run's
 * duration ("... in N ms"). The schedule spaces out the starts; the line comes after the
 * catalog mutation, which took 0 to 4 s on a loaded machine, so two replicas' lines for
 * successive ticks could be 1 s apart.
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
 * - more runs than one replica's schedule allows;
 * - two runs closer together than the frequency allows (both replicas ran the same tick).
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
  const oneReplicaAtMost = Math.floor(windowMs / frequencyMs) + 1;
  const atLeast = Math.floor(windowMs / frequencyMs / 2);
  if (runs.length < atLeast)
    problems.push(
      `only ${runs.length} full syncs in ${
        windowMs / 1000
      } s (at least ${atLeast} expected)`,
    );
  if (runs.length > oneReplicaAtMost)
    problems.push(
      `${runs.length} full syncs in ${
        windowMs / 1000
      } s, more than the ${oneReplicaAtMost} one schedule allows`,
    );
  // Two replicas running one tick start within a second or two of each other, while one
  // schedule starts a run a whole period after the last one; gaps under half the period count.
  const tooClose = runs.filter(
    (r, i) => i > 0 && r.at - runs[i - 1].at < frequencyMs / 2,
  );
  if (tooClose.length)
    problems.push(
      `${
        tooClose.length
      } full syncs followed the previous one within less than ${
        frequencyMs / 2000
      } s: ${tooClose.map(r => r.replica).join(', ')}`,
    );
  return { runs, problems };
}

module.exports = { watchFullSyncs };
