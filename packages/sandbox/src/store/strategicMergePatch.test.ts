import { strategicMergePatch } from './strategicMergePatch';

const deployment = {
  kind: 'Deployment',
  metadata: { name: 'web', finalizers: ['a'] },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:1',
            ports: [{ containerPort: 8080 }],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
          { name: 'sidecar', image: 'side:1' },
        ],
        tolerations: [{ key: 'x' }],
      },
    },
  },
};
const patch = (p: unknown) =>
  strategicMergePatch(structuredClone(deployment), p, 'Deployment') as any;
const containers = (p: unknown) => patch(p).spec.template.spec.containers;

describe('strategicMergePatch', () => {
  it('merges keyed lists element by element', () => {
    expect(
      containers({
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'app:2',
                  env: [{ name: 'B', value: '3' }],
                },
              ],
            },
          },
        },
      }),
    ).toEqual([
      {
        name: 'app',
        image: 'app:2',
        ports: [{ containerPort: 8080 }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
        ],
      },
      { name: 'sidecar', image: 'side:1' },
    ]);
  });

  it('honours $patch delete and replace, $setElementOrder and $deleteFromPrimitiveList', () => {
    expect(
      containers({
        spec: {
          template: {
            spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] },
          },
        },
      }).map((c: any) => c.name),
    ).toEqual(['app']);
    expect(
      containers({
        spec: {
          template: {
            spec: {
              containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }],
            },
          },
        },
      }),
    ).toEqual([{ name: 'only', image: 'x' }]);
    expect(
      containers({
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [
                { name: 'sidecar' },
                { name: 'app' },
              ],
            },
          },
        },
      }).map((c: any) => c.name),
    ).toEqual(['sidecar', 'app']);
    const meta = patch({
      metadata: {
        finalizers: ['b'],
        '$deleteFromPrimitiveList/finalizers': ['a'],
      },
    }).metadata;
    expect(meta.finalizers).toEqual(['b']);
  });

  it('replaces lists without a merge key and deletes keys set to null', () => {
    const spec = patch({
      spec: {
        template: { spec: { tolerations: [{ key: 'y' }], containers: null } },
      },
    }).spec.template.spec;
    expect(spec).toEqual({ tolerations: [{ key: 'y' }] });
  });

  it('merges Service ports by port', () => {
    const service = {
      kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }] },
    };
    expect(
      (
        strategicMergePatch(
          service,
          { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
          'Service',
        ) as any
      ).spec.ports,
    ).toEqual([{ port: 80, targetPort: 9090, name: 'http' }]);
  });
});
