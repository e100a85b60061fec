import fs from 'node:fs';
import path from 'node:path';
import { toManifestYaml } from '@kratix-dynamodb/common';
import { SANDBOX_PACKAGE_DIR } from './packageDir';

/**
 * Writes a kubeconfig whose context points at the sandbox, readable by the owner only (it holds
 * the tokens). Extra users (RBAC identities) get their own user entry and context, named after
 * them, for `kubectl --user <name>` or `--context <name>`.
 */
export function writeKubeconfig(
  file: string,
  server: string,
  token: string,
  caCertificate: string,
  userTokens: Record<string, string> = {},
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
    users: [
      { name: 'sandbox', user: { token } },
      ...Object.entries(userTokens).map(([name, t]) => ({
        name,
        user: { token: t },
      })),
    ],
    contexts: ['sandbox', ...Object.keys(userTokens)].map(user => ({
      name: user,
      context: { cluster: 'sandbox', user, namespace: 'default' },
    })),
    'current-context': 'sandbox',
    preferences: {},
  };
  fs.writeFileSync(file, toManifestYaml(config), { mode: 0o600 });
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
