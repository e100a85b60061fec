import { decodeProtobufObject, ProtobufDecodeError } from './decodeProtobuf';

/*
 * Bodies captured from kubectl 1.32 (a stub server logged them): `create namespace team-b`,
 * `create secret generic s1 --from-literal=a=b --type=Opaque`, `create deployment d1
 * --image=nginx --replicas=2 --port=8080 -- node server.js`, `create rolebinding rb --role=r1
 * --user=alice --group=devs --serviceaccount=default:sa1` and `auth can-i get /healthz`.
 */
const captured = {
  namespace:
    '6b3873000a0f0a02763112094e616d657370616365121e0a160a067465616d2d6212001a0022002a0032003800420012001a020a001a002200',
  secret:
    '6b3873000a0c0a027631120653656372657412240a120a02733112001a0022002a0032003800420012060a01611201621a064f70617175651a002200',
  deployment:
    '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412c6010a1d0a02643112001a0022002a003200380042005a090a03617070120264311296010802120b0a090a03617070120264311a7d0a1b0a0012001a0022002a003200380042005a090a0361707012026431125e12400a056e67696e7812056e67696e781a046e6f64651a097365727665722e6a732a00320b0a00100018903f22002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200',
  roleBinding:
    '6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b526f6c6542696e64696e6712b5010a120a02726212001a0022002a00320038004200122a0a04557365721219726261632e617574686f72697a6174696f6e2e6b38732e696f1a05616c6963652200122a0a0547726f75701219726261632e617574686f72697a6174696f6e2e6b38732e696f1a0464657673220012200a0e536572766963654163636f756e7412001a03736131220764656661756c741a250a19726261632e617574686f72697a6174696f6e2e6b38732e696f1204526f6c651a0272311a002200',
  accessReview:
    '6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a656374416363657373526576696577122f0a100a0012001a0022002a003200380042001211120f0a082f6865616c74687a12036765741a08080012001a0020001a002200',
};
/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw}. */
function envelope(apiVersion: string, kind: string, raw: number[]): Buffer {
  const str = (field: number, value: string) => [
    (field << 3) | 2,
    value.length,
    ...Buffer.from(value),
  ];
  const typeMeta = [...str(1, apiVersion), ...str(2, kind)];
  return Buffer.from([
    0x6b,
    0x38,
    0x73,
    0x00,
    0x0a,
    typeMeta.length,
    ...typeMeta,
    0x12,
    raw.length,
    ...raw,
  ]);
}

const decode = (hex: string) => decodeProtobufObject(Buffer.from(hex, 'hex'));

describe('decodeProtobufObject', () => {
  it('reads the objects kubectl create sends, dropping Go zero values', () => {
    expect(decode(captured.namespace)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-b' },
    });
    expect(decode(captured.secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's1' },
      data: { a: 'Yg==' },
      type: 'Opaque',
    });
  });

  it('reads nested messages, pointers and repeated fields', () => {
    expect(decode(captured.deployment)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd1', labels: { app: 'd1' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'd1' } },
        template: {
          metadata: { labels: { app: 'd1' } },
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx',
                command: ['node', 'server.js'],
                ports: [{ containerPort: 8080 }],
              },
            ],
          },
        },
      },
    });
    expect(decode(captured.roleBinding)).toMatchObject({
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'sa1', namespace: 'default' },
      ],
      roleRef: { kind: 'Role', name: 'r1' },
    });
    expect(decode(captured.accessReview)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } },
    });
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => decode('7b7d')).toThrow(ProtobufDecodeError);
    // A Job (batch/v1) is not in the table.
    expect(() => decodeProtobufObject(envelope('batch/v1', 'Job', []))).toThrow(
      /kind "Job"/,
    );
    // A non-zero field outside the table (Namespace field 9) is an error, not dropped.
    const namespace = [0x0a, 0x03, 0x0a, 0x01, 0x61, 0x48, 0x01];
    expect(() =>
      decodeProtobufObject(envelope('v1', 'Namespace', namespace)),
    ).toThrow(/field 9 of Namespace/);
    // ...while a zero one is what Go writes for every unset non-pointer field.
    expect(
      decodeProtobufObject(
        envelope('v1', 'Namespace', [...namespace.slice(0, 5), 0x48, 0x00]),
      ),
    ).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
  });
});
