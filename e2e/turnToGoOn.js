'use strict';
/*
 * A suite's side of scripts/e2e.js's turns: the runner gives one suite at a time what several
 * need (the fixed ports, the sample app's dev server). A suite that needs it only for its last
 * part says `prepared` when it gets there and waits for `go`.
 */

/** Resolves when this suite may go on: at once when it was not started by scripts/e2e.js. */
function turnToGoOn() {
  if (!process.send) return Promise.resolve();
  process.send('prepared');
  return new Promise(resolve =>
    process.on('message', message => message === 'go' && resolve()),
  );
}

module.exports = { turnToGoOn };
