import path from 'node:path';
import { parseUsers } from './auth/identities';
import { faultsFromEnv } from './faults/FaultSettings';
import { findRepoRoot } from './kubeconfig';
import { startSandbox } from './startSandbox';

/** `node bin/sandbox`: settings from the environment, a summary on stdout, clean exit on SIGTERM/SIGINT. */
export async function runFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const started = Date.now();
  const repoRoot = findRepoRoot();
  const persistDir =
    env.SANDBOX_PERSIST_DIR ??
    (env.SANDBOX_PERSIST === '1'
      ? path.join(repoRoot, '.sandbox', 'state')
      : undefined);
  const sandbox = await startSandbox({
    port: env.SANDBOX_PORT !== undefined ? Number(env.SANDBOX_PORT) : 6443,
    token: env.SANDBOX_TOKEN,
    kubeconfigPath:
      env.SANDBOX_KUBECONFIG ?? path.join(repoRoot, '.sandbox', 'kubeconfig'),
    persistDir,
    dynamodbPort:
      env.SANDBOX_DYNAMODB_PORT !== undefined
        ? Number(env.SANDBOX_DYNAMODB_PORT)
        : 8000,
    createTableMs: env.SANDBOX_CREATE_TABLE_MS
      ? Number(env.SANDBOX_CREATE_TABLE_MS)
      : undefined,
    awsRegion: env.SANDBOX_AWS_REGION,
    faults: faultsFromEnv(env),
    rbac: env.SANDBOX_RBAC === '1',
    users: parseUsers(env.SANDBOX_USERS),
    shortTokenLifetimes: env.SANDBOX_SHORT_TOKENS === '1',
    pathPrefix: env.SANDBOX_PATH_PREFIX,
    log:
      env.SANDBOX_QUIET === '1'
        ? undefined
        : line => process.stderr.write(`${line}\n`),
  });
  const relative =
    sandbox.kubeconfigPath &&
    path.relative(process.cwd(), sandbox.kubeconfigPath);
  process.stdout.write(
    [
      `sandbox cluster ready in ${Date.now() - started} ms`,
      `  API server:        ${sandbox.url}`,
      `  kubeconfig:        ${sandbox.kubeconfigPath}`,
      `  DynamoDB endpoint: ${sandbox.dynamodbEndpoint}`,
      `  state:             ${persistDir ?? 'in memory'}`,
      `  authorization:     ${env.SANDBOX_RBAC === '1' ? 'RBAC' : 'allow all'}${
        Object.keys(sandbox.userTokens).length
          ? ` (users: ${Object.keys(sandbox.userTokens).join(', ')})`
          : ''
      }`,
      `  try:               KUBECONFIG=${relative} kubectl get dynamodbrequests -A`,
      '',
    ].join('\n'),
  );
  const shutdown = (signal: string) => {
    process.stdout.write(`sandbox: ${signal}, stopping\n`);
    sandbox.stop().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`sandbox: stop failed: ${error}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
