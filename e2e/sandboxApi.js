'use strict';
/* The sandbox cluster as the tests see it from outside: its API (plain HTTP side) and kubectl. */
const { execFile } = require('node:child_process');
const path = require('node:path');

const SANDBOX_PORT = process.env.KRATIX_SANDBOX_PORT || '6443';
const SANDBOX_TOKEN =
  process.env.KRATIX_SANDBOX_TOKEN || 'e2e-sandbox-token-3f1b9c2d7a';
const root = path.resolve(__dirname, '..');
const KUBECONFIG = path.join(root, '.sandbox', 'kubeconfig');
/** The second sandbox, `sandbox-eu`, that scripts/dev.js starts with KRATIX_SANDBOX_EU=1. */
const EU_KUBECONFIG = path.join(root, '.sandbox', 'kubeconfig-eu');

async function sandboxCall(method, apiPath, body, headers = {}) {
  const res = await fetch(`http://127.0.0.1:${SANDBOX_PORT}${apiPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${SANDBOX_TOKEN}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Sets sandbox faults (see packages/sandbox/README.md); `{}` with reset clears them all. */
async function setFaults(faults) {
  const res = await sandboxCall('PUT', '/sandbox/faults', faults);
  if (res.status >= 300)
    throw new Error(`setting faults failed: ${res.status}`);
}

async function resetFaults() {
  await sandboxCall('DELETE', '/sandbox/faults');
}

/** kubectl, a client nobody here wrote, with the kubeconfig the sandbox writes (or another one's). */
function kubectl(args, { kubeconfig = KUBECONFIG } = {}) {
  return new Promise(resolve => {
    execFile(
      'kubectl',
      args,
      {
        env: {
          ...process.env,
          KUBECONFIG: kubeconfig,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? error.code ?? 1 : 0, stdout, stderr }),
    );
  });
}

/** Applies the Promise, as a platform engineer would before anyone uses the wizard. */
async function installPromise(options) {
  const res = await kubectl(
    [
      'apply',
      '-f',
      path.join(root, 'examples', 'kratix-promise', 'promise.yaml'),
    ],
    options,
  );
  if (res.code !== 0)
    throw new Error(`kubectl apply promise.yaml failed: ${res.stderr}`);
  const wait = await kubectl(
    [
      'wait',
      '--for=jsonpath={.status.status}=Available',
      'promise/aws-dynamodb-kratix',
      '--timeout=60s',
    ],
    options,
  );
  if (wait.code !== 0)
    throw new Error(`the Promise did not become Available: ${wait.stderr}`);
}

module.exports = {
  SANDBOX_PORT,
  SANDBOX_TOKEN,
  EU_KUBECONFIG,
  sandboxCall,
  setFaults,
  resetFaults,
  kubectl,
  installPromise,
};
