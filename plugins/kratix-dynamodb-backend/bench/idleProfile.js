'use strict';
/*
 * Where a process's CPU goes while it should rest: a V8 CPU profile of this process over a
 * window, through node:inspector (no debugger port is opened), summarised as the functions
 * with the most self time. bench/memory.js --idle-profiles DIR takes one after each idle
 * reading, in a window of its own so the sampling does not inflate the reading.
 */
const fs = require('node:fs');
const inspector = require('node:inspector');

/** Profiles `ms` of this process; writes `file` (.cpuprofile, for Chrome's DevTools) and returns the summary. */
async function profileIdleWindow(ms, file, top = 12) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  try {
    await post('Profiler.enable');
    // 10 ms between samples: coarse, but cheap enough not to be what it measures.
    await post('Profiler.setSamplingInterval', { interval: 10_000 });
    await post('Profiler.start');
    await new Promise(r => setTimeout(r, ms));
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    return selfTimeSummary(profile, top);
  } finally {
    session.disconnect();
  }
}

/** The functions with the most self time, as "12.3% name file:line" lines; idle time left out. */
function selfTimeSummary(profile, top) {
  const nodes = new Map(profile.nodes.map(n => [n.id, n]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') return;
    const where = frame.url
      ? `${frame.url.split('/').slice(-3).join('/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    selfMs.set(
      key,
      (selfMs.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000,
    );
  });
  const busyMs = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const windowMs = (profile.endTime - profile.startTime) / 1000;
  const lines = [...selfMs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `  ${((100 * ms) / windowMs).toFixed(2)}% ${key}`);
  return [
    `not idle: ${((100 * busyMs) / windowMs).toFixed(
      2,
    )}% of the window, the profiler's own work included; most self time:`,
    ...lines,
  ].join('\n');
}

module.exports = { profileIdleWindow };
