import { chainReads, kindRead } from './__testUtils__/chainReads';
import { linkedRequestRef, readRequestStage } from './readRequestStage';

const app = {
  metadata: { name: 'session-app', namespace: 'team-a' },
  spec: {
    components: [
      { name: 'api', type: 'webservice' },
      { name: 'sessions', type: 'aws-dynamodb-kratix' },
    ],
  },
};

describe('linkedRequestRef', () => {
  it("prefers the entity's own annotation", () => {
    expect(linkedRequestRef('team-a/orders', app)).toBe('team-a/orders');
  });

  it("else takes the request KubeVela renders for the Application's table component", () => {
    expect(linkedRequestRef(undefined, app)).toBe('team-a/sessions');
    expect(
      linkedRequestRef(undefined, { ...app, spec: { components: [] } }),
    ).toBeUndefined();
    expect(linkedRequestRef(undefined, undefined)).toBeUndefined();
  });
});

describe('readRequestStage', () => {
  it('judges the request at the ref, and notes it', () => {
    const request = {
      metadata: {
        name: 'orders',
        namespace: 'team-a',
        creationTimestamp: '2026-03-16T11:59:50Z',
      },
    };
    const { reads, seen } = chainReads({ requests: kindRead([request]) });
    expect(readRequestStage(reads, 'team-a/orders').state).toBe('progressing');
    expect(seen).toEqual([request]);
  });

  it('says the cluster could not be read, and what to check', () => {
    const { reads } = chainReads({
      requests: kindRead({ kind: 'failed', message: 'connect ECONNREFUSED' }),
    });
    expect(readRequestStage(reads, 'team-a/orders')).toMatchObject({
      state: 'unknown',
      summary: 'Could not read the cluster: connect ECONNREFUSED',
    });
  });
});
