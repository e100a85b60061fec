import { entityRefOfClusterObject } from './entityRefs';

describe('entityRefOfClusterObject', () => {
  it('names the entity after the object, in the default catalog namespace', () => {
    expect(
      entityRefOfClusterObject({
        kind: 'resource',
        cluster: 'sandbox',
        namespace: 'team-a',
        name: 'orders',
      }),
    ).toBe('resource:default/orders');
    expect(
      entityRefOfClusterObject({
        kind: 'component',
        cluster: 'sandbox',
        name: 'session-app',
      }),
    ).toBe('component:default/session-app');
  });
});
