import path from 'node:path';
import { writeExecKubeconfig } from './execKubeconfig';

/**
 * For token-rotation tests: creates the ServiceAccount `default/backstage` and writes a
 * kubeconfig (in `dir`) whose exec plugin mints its tokens, each living `expirationSeconds`
 * (default 2; the sandbox must run with `shortTokenLifetimes`). A client that copied its first
 * token is refused once it expires; one that asks the plugin again keeps working.
 * Returns the kubeconfig's path.
 */
export async function writeRotatingKubeconfig(options: {
  sandbox: {
    url: string;
    plainHttpUrl: string;
    caCertificate: string;
    token: string;
  };
  dir: string;
  expirationSeconds?: number;
}): Promise<string> {
  const { sandbox } = options;
  const res = await fetch(
    `${sandbox.plainHttpUrl}/api/v1/namespaces/default/serviceaccounts`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sandbox.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'backstage', namespace: 'default' },
      }),
    },
  );
  if (res.status !== 201 && res.status !== 409)
    throw new Error(
      `creating ServiceAccount default/backstage: ${
        res.status
      } ${await res.text()}`,
    );
  return writeExecKubeconfig({
    sandbox,
    path: path.join(options.dir, 'kubeconfig'),
    serviceAccount: 'default/backstage',
    expirationSeconds: options.expirationSeconds ?? 2,
  });
}
