import type { StatusCause } from '../errors/ApiError';
import { isoSeconds } from './objectMetadata';
import type { CrdObject } from './ResourceRegistry';

/** The checks the apiserver makes before it accepts a CustomResourceDefinition. */
export function crdCauses(crd: CrdObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = crd.spec ?? ({} as CrdObject['spec']);
  if (!spec.group)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.group',
    });
  if (!spec.names?.plural)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.plural',
    });
  if (!spec.names?.kind)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.kind',
    });
  if (!['Namespaced', 'Cluster'].includes(spec.scope)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${
        spec.scope ?? ''
      }": supported values: "Cluster", "Namespaced"`,
      field: 'spec.scope',
    });
  }
  if (!spec.versions?.length)
    causes.push({
      reason: 'FieldValueRequired',
      message:
        'Required value: must have exactly one version marked as storage version',
      field: 'spec.versions',
    });
  if (
    spec.group &&
    spec.names?.plural &&
    crd.metadata.name !== `${spec.names.plural}.${spec.group}`
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${crd.metadata.name}": must be spec.names.plural+"."+spec.group`,
      field: 'metadata.name',
    });
  }
  return causes;
}

export function establishedCrdStatus(
  crd: CrdObject,
  previous: any,
): Record<string, unknown> {
  const since =
    previous?.conditions?.[0]?.lastTransitionTime ?? isoSeconds(new Date());
  const names = crd.spec.names;
  return {
    acceptedNames: {
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind}List`,
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      ...(names.shortNames ? { shortNames: names.shortNames } : {}),
      ...(names.categories ? { categories: names.categories } : {}),
    },
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        reason: 'NoConflicts',
        message: 'no conflicts found',
        lastTransitionTime: since,
      },
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
        lastTransitionTime: since,
      },
    ],
    storedVersions: crd.spec.versions.filter(v => v.storage).map(v => v.name),
  };
}
