import type { OpenApiSchema } from './openApiSchema';
import { validateStructuralSchema } from './validateStructuralSchema';

const schema: OpenApiSchema = {
  type: 'object',
  properties: {
    size: { type: 'integer' },
    port: { 'x-kubernetes-int-or-string': true },
    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    note: { type: 'string', nullable: true },
    mode: { type: 'string' },
  },
};

describe('validateStructuralSchema: the rules the API server applies', () => {
  it('refuses a field the schema does not declare', () => {
    expect(
      validateStructuralSchema({ size: 1, colour: 'red' }, schema, 'spec')
        .errors,
    ).toEqual([
      { path: 'spec.colour', message: 'field not declared in schema' },
    ]);
  });

  it('keeps unknown fields where the schema preserves them', () => {
    const result = validateStructuralSchema(
      { extra: { anything: [1, { deep: true }] } },
      schema,
    );
    expect(result).toEqual({
      value: { extra: { anything: [1, { deep: true }] } },
      errors: [],
    });
  });

  it('drops nulls of fields that are not nullable, and keeps nullable ones', () => {
    expect(
      validateStructuralSchema({ mode: null, note: null }, schema).value,
    ).toEqual({ note: null });
  });

  it('refuses a wrong type, naming the type', () => {
    expect(validateStructuralSchema({ size: 1.5 }, schema).errors).toEqual([
      { path: 'size', message: 'Invalid value: 1.5: must be of type integer' },
    ]);
  });

  it('takes an integer or a string for int-or-string, and nothing else', () => {
    expect(validateStructuralSchema({ port: 80 }, schema).errors).toEqual([]);
    expect(validateStructuralSchema({ port: 'http' }, schema).errors).toEqual(
      [],
    );
    expect(validateStructuralSchema({ port: true }, schema).errors).toEqual([
      {
        path: 'port',
        message: 'Invalid value: true: must be an integer or a string',
      },
    ]);
  });

  it('counts characters, not UTF-16 units, for lengths', () => {
    const text: OpenApiSchema = { type: 'string', maxLength: 2 };
    expect(validateStructuralSchema('😀😀', text).errors).toEqual([]);
    expect(validateStructuralSchema('😀😀😀', text).errors).toHaveLength(1);
  });
});
