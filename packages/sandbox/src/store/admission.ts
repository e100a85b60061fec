import {
  ApiError,
  badRequest,
  invalid,
  type StatusCause,
} from '../errors/ApiError';
import { applyStructuralSchema } from '../schema/applyStructuralSchema';
import { applyBuiltinDefaults } from './builtinDefaults';
import { crdCauses } from './crdLifecycle';
import { validateName } from './objectMetadata';
import type { KubeObject } from './ObjectStore';
import type { CrdObject } from './ResourceRegistry';
import { apiVersionOf, type ResourceType } from './ResourceType';
import type { WriteOptions } from './ClusterOperations';

/** Schema, defaults and name checks common to every write; returns the warnings to send back. */
export function admitObject(
  type: ResourceType,
  object: KubeObject,
  options: WriteOptions,
  isCreate: boolean,
): string[] {
  const causes: StatusCause[] = [
    ...validateName(
      object.metadata.name,
      type.group === 'rbac.authorization.k8s.io',
    ),
  ];
  let warnings: string[] = [];
  if (type.schema) {
    const outcome = applyStructuralSchema(object, type.schema);
    if (outcome.unknownFields.length && options.fieldValidation === 'Strict') {
      const listed = outcome.unknownFields
        .map(f => `unknown field "${f}"`)
        .join(', ');
      throw new ApiError(
        400,
        'BadRequest',
        `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${listed}`,
        {
          causes: outcome.unknownFields.map(f => ({
            reason: 'FieldValueInvalid',
            message: `unknown field "${f}"`,
            field: f,
          })),
        },
      );
    }
    if (options.fieldValidation !== 'Ignore')
      warnings = outcome.unknownFields.map(f => `unknown field "${f}"`);
    Object.assign(object, outcome.value);
    for (const key of Object.keys(object))
      if (!(key in outcome.value)) delete object[key];
    causes.push(...outcome.causes);
  } else {
    applyBuiltinDefaults(object, isCreate);
  }
  if (type.kind === 'CustomResourceDefinition')
    causes.push(...crdCauses(object as unknown as CrdObject));
  if (causes.length)
    throw invalid(
      type,
      object.metadata.name || object.metadata.generateName || '',
      causes,
    );
  return warnings;
}

export function normaliseObject(
  type: ResourceType,
  namespace: string | undefined,
  body: KubeObject,
): KubeObject {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body of the request must be a JSON object');
  if (body.kind && body.kind !== type.kind) {
    throw badRequest(
      `the kind in the data (${body.kind}) does not match the expected kind (${type.kind})`,
    );
  }
  const object = structuredClone(body);
  object.apiVersion = apiVersionOf(type);
  object.kind = type.kind;
  object.metadata = { ...(object.metadata ?? {}) } as KubeObject['metadata'];
  if (type.namespaced) {
    const ns = object.metadata.namespace ?? namespace ?? 'default';
    if (namespace && ns !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = ns;
  } else {
    delete object.metadata.namespace;
  }
  return object;
}
