import fs from 'node:fs';
import path from 'node:path';
import { toManifestYaml } from '@kratix-dynamodb/common';
import { SANDBOX_PACKAGE_DIR } from './packageDir';

/** The exec credential plugin (`bin/sandbox-credential`): mints tokens through TokenRequest. */
export const SANDBOX_CREDENTIAL_PLUGIN = path.join(
  SANDBOX_PACKAGE_DIR,
  'bin',
  'sandbox-credential',
);

export type ExecKubeconfigOptions = {
  /** The sandbox (or any object with its url, CA and main token). */
  sandbox: { url: string; caCertificate: string; token: string };
  /** Where to write the kubeconfig (mode 600); the bootstrap token goes to `<path>.bootstrap-token`. */
  path: string;
  /** The ServiceAccount whose tokens the plugin mints, `namespace/name`. It must exist. */
  serviceAccount: string;
  /** Lifetime of each token; below 600 only with `shortTokenLifetimes`. Default: the server's (3600). */
  expirationSeconds?: number;
  /** The token the plugin calls TokenRequest with. Default: the sandbox's main token. */
  bootstrapToken?: string;
  /** Name of the cluster, user and context entries. Default `sandbox-exec`. */
  name?: string;
};

/**
 * Writes a kubeconfig whose user gets its credentials from the exec plugin, as an EKS
 * kubeconfig does with `aws eks get-token`: short-lived tokens, renewed by the client when they
 * expire. The server is the sandbox's https URL with its CA, since kubectl sends exec tokens
 * over TLS only; the plugin reads both from KUBERNETES_EXEC_INFO (`provideClusterInfo`).
 * Returns the kubeconfig's path.
 */
export function writeExecKubeconfig(options: ExecKubeconfigOptions): string {
  const { sandbox, serviceAccount } = options;
  if (!/^[^/]+\/[^/]+$/.test(serviceAccount))
    throw new Error(
      `serviceAccount must be namespace/name, not ${serviceAccount}`,
    );
  const name = options.name ?? 'sandbox-exec';
  const file = path.resolve(options.path);
  const tokenFile = `${file}.bootstrap-token`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tokenFile, options.bootstrapToken ?? sandbox.token, {
    mode: 0o600,
  });
  // Server and CA as arguments too: kubectl passes them in KUBERNETES_EXEC_INFO
  // (provideClusterInfo), but not every client does (@kubernetes/client-node does not).
  const caFile = `${file}.ca.crt`;
  fs.writeFileSync(caFile, sandbox.caCertificate);
  const args = [
    SANDBOX_CREDENTIAL_PLUGIN,
    '--server',
    sandbox.url,
    '--certificate-authority',
    caFile,
    '--service-account',
    serviceAccount,
    '--bootstrap-token-file',
    tokenFile,
    ...(options.expirationSeconds !== undefined
      ? ['--expiration-seconds', String(options.expirationSeconds)]
      : []),
  ];
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: sandbox.url,
          'certificate-authority-data': Buffer.from(
            sandbox.caCertificate,
          ).toString('base64'),
        },
      },
    ],
    users: [
      {
        name,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            // The running Node, not whatever `node` is on the client's PATH.
            command: process.execPath,
            args,
            interactiveMode: 'Never',
            provideClusterInfo: true,
          },
        },
      },
    ],
    contexts: [
      { name, context: { cluster: name, user: name, namespace: 'default' } },
    ],
    'current-context': name,
    preferences: {},
  };
  fs.writeFileSync(file, toManifestYaml(config), { mode: 0o600 });
  return file;
}
