import { ConfigReader } from '@backstage/config';
import { readTenancy } from '@kratix-dynamodb/node';
import { entityOwnerOf, UNBOUND_OWNER } from './entityOwner';

const tenancy = readTenancy(
  new ConfigReader({
    kratixDynamodb: {
      tenancy: {
        namespaces: {
          'team-a': ['group:default/team-a'],
          'team-b': ['team-b', 'user:default/bob'],
        },
      },
    },
  }),
);

const CLUSTER = 'sandbox';

const object = (namespace: string, owner?: string) => ({
  metadata: {
    namespace,
    annotations: owner ? { 'kratix-dynamodb.io/owner': owner } : undefined,
  },
});

describe('entityOwnerOf', () => {
  it('takes the owner from the binding of the namespace', () => {
    expect(entityOwnerOf(object('team-a'), tenancy, CLUSTER)).toBe(
      'group:default/team-a',
    );
    expect(entityOwnerOf(object('team-b'), tenancy, CLUSTER)).toBe(
      'group:default/team-b',
    );
  });

  it('honours the annotation when it names an owner bound to the namespace', () => {
    expect(
      entityOwnerOf(object('team-b', 'user:default/bob'), tenancy, CLUSTER),
    ).toBe('user:default/bob');
    expect(entityOwnerOf(object('team-a', 'Team-A'), tenancy, CLUSTER)).toBe(
      'group:default/team-a',
    );
  });

  it('ignores an annotation naming another team, or nonsense, in favour of the binding', () => {
    expect(
      entityOwnerOf(object('team-b', 'group:default/team-a'), tenancy, CLUSTER),
    ).toBe('group:default/team-b');
    expect(entityOwnerOf(object('team-b', 'a:b:c/d/e'), tenancy, CLUSTER)).toBe(
      'group:default/team-b',
    );
  });

  it('gives objects of a namespace bound to nobody to the unbound owner, whatever they claim', () => {
    expect(
      entityOwnerOf(
        object('scratch', 'group:default/team-a'),
        tenancy,
        CLUSTER,
      ),
    ).toBe(UNBOUND_OWNER);
  });
});
