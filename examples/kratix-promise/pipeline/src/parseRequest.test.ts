import { parseRequest } from './parseRequest';

const header =
  'apiVersion: dynamodb.kratix.io/v1alpha1\nkind: DynamoDBRequest\n';

describe('parseRequest', () => {
  it('reads the metadata the Table needs and the spec as written', () => {
    const parsed = parseRequest(
      `${header}metadata:\n  name: orders\n  namespace: team-a\n  annotations: {a: b}\nspec: {name: x}\nstatus: {message: Pending}\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      request: {
        metadata: {
          name: 'orders',
          namespace: 'team-a',
          annotations: { a: 'b' },
        },
        spec: { name: 'x' },
      },
    });
  });

  it('refuses text that is not YAML', () => {
    const parsed = parseRequest('spec: [unclosed');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0].message).toMatch(
      /^object.yaml is not valid YAML/,
    );
  });

  it('refuses YAML that is not one object', () => {
    expect(parseRequest('- a\n- b\n')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'object.yaml must hold one object' }],
    });
  });

  it('refuses other kinds', () => {
    const parsed = parseRequest(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    );
    expect(!parsed.ok && parsed.errors.map(e => e.path)).toEqual(['kind']);
  });

  it('refuses a name too long for the Table label that finds it again', () => {
    const parsed = parseRequest(
      `${header}metadata:\n  name: ${'a'.repeat(64)}\nspec: {}\n`,
    );
    expect(!parsed.ok && parsed.errors).toEqual([
      {
        path: 'metadata.name',
        message: expect.stringContaining(
          'dynamodb.kratix.io/request-name label',
        ),
      },
    ]);
  });
});
