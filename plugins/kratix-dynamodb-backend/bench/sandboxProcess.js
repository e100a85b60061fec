'use strict';
/* The benchmark's sandbox cluster, in its own process, so the backend's memory is measured alone. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

async function startSandboxProcess() {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'benchSandbox.js')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // The workflow pipeline's folders in RAM where possible: the sandbox creates and removes
      // a few per request, and on disk those calls set its pace at tens of thousands.
      env: {
        ...process.env,
        TMPDIR: fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
      },
    },
  );
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', code =>
      reject(new Error(`sandbox exited with ${code}`)),
    );
  });
  return { ...JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

module.exports = { startSandboxProcess };
