import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { SANDBOX_PACKAGE_DIR } from './packageDir';

/** Writes a kubeconfig whose only context points at the sandbox, readable by the owner only (it holds the token). */
export function writeKubeconfig(
  file: string,
  server: string,
  token: string,
  caCertificate: string,
): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'sandbox',
        cluster: {
          server,
          'certificate-authority-data':
            Buffer.from(caCertificate).toString('base64'),
        },
      },
    ],
    users: [{ name: 'sandbox', user: { token } }],
    contexts: [
      {
        name: 'sandbox',
        context: { cluster: 'sandbox', user: 'sandbox', namespace: 'default' },
      },
    ],
    'current-context': 'sandbox',
    preferences: {},
  };
  fs.writeFileSync(file, stringify(config), { mode: 0o600 });
}

/** The monorepo root: the nearest folder upwards whose package.json declares workspaces. */
export function findRepoRoot(start: string = SANDBOX_PACKAGE_DIR): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).workspaces
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
