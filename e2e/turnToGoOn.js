'use strict';
/*
 * A suite's side of scripts/e2e.js's turns: the runner gives one suite at a time what several
 * need (the fixed ports, a start of the sample app's dev server).
 *  - A suite that needs it only for its last part says `prepared` when it gets there and
 *    waits for `go`; one that needs it for a moment only says `done-with-turn` after.
 *  - The browser scenarios, which hold both from their start, say `between-groups` when no
 *    page of theirs is open, and wait for `go-on`: a suite waiting for a start of its dev
 *    server has it meanwhile.
 * Without scripts/e2e.js (a suite run on its own) each of these goes on at once.
 */

/** Resolves once `message` comes from the runner. */
function messageFromRunner(message) {
  return new Promise(resolve => {
    const listener = received => {
      if (received !== message) return;
      process.off('message', listener);
      resolve();
    };
    process.on('message', listener);
  });
}

/** Resolves when this suite may go on. */
function turnToGoOn() {
  if (!process.send) return Promise.resolve();
  const go = messageFromRunner('go');
  process.send('prepared');
  return go;
}

/** Gives the turn back before the suite ends. */
function doneWithTurn() {
  process.send?.('done-with-turn');
}

/** Between two groups of browser scenarios: resolves when they may go on. */
function betweenGroups() {
  if (!process.send) return Promise.resolve();
  const goOn = messageFromRunner('go-on');
  process.send('between-groups');
  return goOn;
}

module.exports = { turnToGoOn, doneWithTurn, betweenGroups };
