/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectFieldErrors"] }] */
/**
 * Input a hostile colleague (or a broken template) hands the actions: wrong types, huge values,
 * and names built to walk out of their place. Each must end as field errors (an InputError,
 * answered as a 400), never a TypeError with a stack trace, and nothing may reach the cluster.
 */
import { InputError } from '@backstage/errors';
import { createKratixDynamoDBActions } from './actions';
import { FakeKubernetesApi } from './__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from './__testUtils__/actionTestKit';
import {
  applicationActionInput,
  tableActionInput,
} from './__testUtils__/actionInputs';

const deeplyNested = (depth: number): unknown =>
  depth === 0 ? 'x' : { a: deeplyNested(depth - 1) };

const requestAttacks: Array<[string, Record<string, unknown>, RegExp]> = [
  [
    'a number for the name',
    { name: 42 },
    /^name: Expected string, received number$/m,
  ],
  [
    'a list for the cluster',
    { cluster: ['sandbox'] },
    /^cluster: Expected string, received array$/m,
  ],
  [
    'an object for the namespace',
    { namespace: { $ne: '' } },
    /^namespace: Expected string, received object$/m,
  ],
  [
    'a number for the target path',
    { delivery: 'workspace', targetPath: 7 },
    /^targetPath: Expected string/m,
  ],
  [
    'a string for waitForReady',
    { waitForReady: 'yes' },
    /^waitForReady: Expected boolean/m,
  ],
  [
    'null for the key schema',
    { keySchema: null },
    /^keySchema: Expected array, received null$/m,
  ],
  [
    'a string for capacity',
    {
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: '5', writeCapacityUnits: 5 },
    },
    /^provisionedThroughput.readCapacityUnits: Expected number, received string$/m,
  ],
  [
    'a number as a tag value',
    { tags: { team: 1 } },
    /^tags.team: Expected string, received number$/m,
  ],
  [
    'a megabyte table name',
    { tableName: 'a'.repeat(1_000_000) },
    /^tableName: is 1000000 characters long; at most 4096$/m,
  ],
  [
    'a megabyte cluster name',
    { cluster: 'c'.repeat(1_000_000) },
    /^cluster: is 1000000 characters long/m,
  ],
  [
    'ten thousand attribute definitions',
    {
      attributeDefinitions: Array.from({ length: 10_000 }, (_, i) => ({
        name: `a${i}`,
        type: 'S',
      })),
    },
    /^attributeDefinitions: has 10000 entries; at most 200$/m,
  ],
  [
    'tags nested a thousand deep',
    { tags: deeplyNested(1000) },
    /is nested deeper than 8 levels/,
  ],
  [
    'capacity of 1e300',
    {
      billingMode: 'PROVISIONED',
      provisionedThroughput: {
        readCapacityUnits: 1e300,
        writeCapacityUnits: 1,
      },
    },
    /^provisionedThroughput.readCapacityUnits: /m,
  ],
  [
    'a timeout of 1e300 seconds',
    { timeoutSeconds: 1e300 },
    /^timeoutSeconds: must be between 1 and 3600 seconds$/m,
  ],
  [
    'a name with a slash',
    { name: 'orders/../secrets' },
    /^name: must be a DNS-1123 label/m,
  ],
  ['a name of ..', { name: '..' }, /^name: must be a DNS-1123 label/m],
  [
    'a name with %2F',
    { name: 'orders%2Fsecrets' },
    /^name: must be a DNS-1123 label/m,
  ],
  ['a unicode name', { name: 'ordérs' }, /^name: must be a DNS-1123 label/m],
  [
    'a namespace of ..',
    { namespace: '..' },
    /^namespace: must be a DNS-1123 label/m,
  ],
  [
    'a namespace with %2F',
    { namespace: 'kube-system%2F..' },
    /^namespace: must be a DNS-1123 label/m,
  ],
  [
    'a table name with a slash',
    { tableName: '../other-team' },
    /^tableName: /m,
  ],
  ...(
    [
      ['an unknown cluster', 'prod'],
      ['a cluster with a slash', 'sandbox/../prod'],
      ['a cluster of ..', '..'],
      ['a cluster with %2F', 'sandbox%2Fprod'],
      ['a unicode cluster', 'sändbox'],
    ] as const
  ).map(([what, cluster]): [string, Record<string, unknown>, RegExp] => [
    what,
    { cluster },
    /^cluster: /m,
  ]),
  [
    'a workspace path that climbs out',
    { delivery: 'workspace', targetPath: '../../etc/passwd' },
    /^targetPath: must be a path inside the workspace/m,
  ],
];

const applicationAttacks: Array<[string, Record<string, unknown>, RegExp]> = [
  [
    'a Secret reference that climbs out',
    {
      services: [
        {
          name: 'api',
          image: 'session-api:latest',
          env: [
            {
              name: 'K',
              valueFrom: {
                secretKeyRef: { name: '../kube-system/x', key: 'k/../v' },
              },
            },
          ],
        },
      ],
    },
    /^services\[0\].env\[0\].valueFrom.secretKeyRef.name: must be a DNS-1123 label[\s\S]*^services\[0\].env\[0\].valueFrom.secretKeyRef.key: /m,
  ],
  [
    'an env var with both a value and a Secret',
    {
      services: [
        {
          name: 'api',
          image: 'session-api:latest',
          env: [
            {
              name: 'K',
              value: 'v',
              valueFrom: { secretKeyRef: { name: 's', key: 'k' } },
            },
          ],
        },
      ],
    },
    /^services\[0\].env\[0\]: needs either value or valueFrom.secretKeyRef$/m,
  ],
  [
    'a string for services',
    { services: 'all of them' },
    /^services: Expected array, received string$/m,
  ],
  [
    'null in services',
    { services: [null] },
    /^services\[0\]: Expected object, received null$/m,
  ],
  [
    'a number for an image',
    { services: [{ name: 'api', image: 5 }] },
    /^services\[0\].image: Expected string, received number$/m,
  ],
  [
    'null for the table section',
    { table: null },
    /^table: Expected object, received null$/m,
  ],
  [
    'an object as a port',
    {
      services: [
        {
          name: 'api',
          image: 'session-api:latest',
          ports: [{ port: { toString: 1 } }],
        },
      ],
    },
    /^services\[0\].ports\[0\].port: Expected number, received object$/m,
  ],
  [
    'a component name with %2F',
    {
      table: {
        ...(applicationActionInput().table as object),
        componentName: 'a%2F..',
      },
    },
    /^table.componentName: must be a DNS-1123 label/m,
  ],
  [
    'a service name of ..',
    {
      services: [
        { name: '..', image: 'session-api:latest', ports: [{ port: 8080 }] },
      ],
    },
    /^services\[0\].name: must be a DNS-1123 label/m,
  ],
  [
    'five hundred services',
    {
      services: Array.from({ length: 500 }, (_, i) => ({
        name: `s${i}`,
        image: 'session-api:latest',
      })),
    },
    /^services: has 500 entries; at most 200$/m,
  ],
];

describe('hostile input to the actions', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  async function expectFieldErrors(
    action: { handler: (ctx: any) => Promise<void> },
    input: unknown,
    says: RegExp,
  ) {
    const error = await action
      .handler(actionContext(input as Record<string, unknown>).ctx)
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /was given \d+ invalid inputs?; nothing was created/,
    );
    expect(error.message).toMatch(says);
    // The message is for people: bounded, and never the echo of a huge value.
    expect(error.message.length).toBeLessThan(2000);
    expect(api.requests).toEqual([]);
  }

  it.each(requestAttacks)(
    'kratix:dynamodb:create refuses %s',
    async (_, overrides, says) => {
      const [createRequest] = createKratixDynamoDBActions(
        actionDependencies(api.url),
      );
      await expectFieldErrors(createRequest, tableActionInput(overrides), says);
    },
  );

  it.each(applicationAttacks)(
    'kubevela:application:create refuses %s',
    async (_, overrides, says) => {
      const [, createApplication] = createKratixDynamoDBActions(
        actionDependencies(api.url),
      );
      await expectFieldErrors(
        createApplication,
        applicationActionInput(overrides),
        says,
      );
    },
  );

  it('refuses an input that is not an object at all', async () => {
    const [createRequest, createApplication] = createKratixDynamoDBActions(
      actionDependencies(api.url),
    );
    for (const input of ['orders', ['orders'], 42])
      for (const action of [createRequest, createApplication])
        await expectFieldErrors(
          action,
          input,
          /the input must be an object of named fields/,
        );
  });
});
