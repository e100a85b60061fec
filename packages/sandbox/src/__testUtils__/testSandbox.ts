import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../startSandbox';
import type { SandboxOptions } from '../SandboxOptions';

export type TestSandbox = Sandbox & { tempDir: string };

/** A sandbox on free ports, with its kubeconfig and kubectl cache in a fresh temp folder. */
export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<TestSandbox> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  const sandbox = await startSandbox({
    port: 0,
    dynamodbPort: 0,
    createTableMs: 100,
    kubeconfigPath: path.join(tempDir, 'kubeconfig'),
    log: process.env.SANDBOX_TEST_LOG
      ? line => process.stderr.write(`${line}\n`)
      : undefined,
    ...options,
  });
  const stop = sandbox.stop;
  return {
    ...sandbox,
    tempDir,
    stop: async () => {
      await stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

export type ApiAnswer = { status: number; body: any; headers: Headers };

/** A request to the sandbox over plain HTTP with its bearer token. */
export async function api(
  sandbox: Sandbox,
  method: string,
  urlPath: string,
  body?: unknown,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${sandbox.plainHttpUrl}${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${sandbox.token}`,
      ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (a proxied body)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Runs the real kubectl against the sandbox, with a private HOME and discovery cache. */
export function kubectl(
  sandbox: TestSandbox,
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = execFile(
      'kubectl',
      [
        '--kubeconfig',
        sandbox.kubeconfigPath!,
        '--cache-dir',
        path.join(sandbox.tempDir, 'kube-cache'),
        '--request-timeout=20s',
        ...args,
      ],
      {
        env: {
          ...process.env,
          HOME: sandbox.tempDir,
          KUBECONFIG: sandbox.kubeconfigPath!,
        },
        timeout: 90_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error as any).code ?? 1 : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last}` : ''}`,
      );
    await new Promise(r => setTimeout(r, 100));
  }
}

/** A custom resource kind with a schema that exercises the validator, for API tests that need no controllers. */
export const WIDGET_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.io' },
  spec: {
    group: 'example.io',
    scope: 'Namespaced',
    names: {
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      listKind: 'WidgetList',
    },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        additionalPrinterColumns: [
          { name: 'Color', type: 'string', jsonPath: '.spec.color' },
        ],
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['color', 'keys'],
                properties: {
                  color: { type: 'string', enum: ['red', 'blue'] },
                  size: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 10,
                    default: 3,
                  },
                  name: {
                    type: 'string',
                    pattern: '^[a-z]+$',
                    minLength: 3,
                    maxLength: 8,
                  },
                  keys: {
                    type: 'array',
                    maxItems: 2,
                    items: {
                      type: 'object',
                      required: ['keyType'],
                      properties: {
                        keyType: { type: 'string', enum: ['HASH', 'RANGE'] },
                      },
                    },
                  },
                  extra: {
                    type: 'object',
                    'x-kubernetes-preserve-unknown-fields': true,
                  },
                },
              },
              status: {
                type: 'object',
                properties: { phase: { type: 'string' } },
              },
            },
          },
        },
      },
    ],
  },
};

export function widget(
  name: string,
  spec: Record<string, unknown> = { color: 'red', keys: [{ keyType: 'HASH' }] },
  labels?: Record<string, string>,
) {
  return {
    apiVersion: 'example.io/v1',
    kind: 'Widget',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec,
  };
}

export const WIDGETS = '/apis/example.io/v1/namespaces/default/widgets';

/** A sandbox without controllers, serving the example Widget CRD: the API server on its own. */
export async function startWidgetSandbox(): Promise<TestSandbox> {
  const sandbox = await startTestSandbox({ controllers: false });
  const crd = await api(
    sandbox,
    'POST',
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    WIDGET_CRD,
  );
  if (crd.status !== 201) {
    await sandbox.stop();
    throw new Error(
      `could not create the test CRD: ${JSON.stringify(crd.body)}`,
    );
  }
  return sandbox;
}

/**
 * The Secret the session-api example reads its token-signing key from (session-api-auth,
 * key jwt-secret), as an operator creates it once per namespace. Answers the secret.
 */
export async function createSessionApiSecret(
  sandbox: Sandbox,
  namespace = 'default',
): Promise<string> {
  const secret = randomBytes(32).toString('hex');
  const answer = await api(
    sandbox,
    'POST',
    `/api/v1/namespaces/${namespace}/secrets`,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'session-api-auth', namespace },
      data: { 'jwt-secret': Buffer.from(secret).toString('base64') },
    },
  );
  if (answer.status !== 201)
    throw new Error(
      `creating the session-api-auth Secret answered ${answer.status}`,
    );
  return secret;
}
