'use strict';
/* A tiny assertion helper: the scenarios check states, not sleeps. */
function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}
module.exports = { expect };
