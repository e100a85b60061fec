import type { DryRunRequest } from '@kratix-dynamodb/common';
import { requestFromForm } from '../DynamoDBTableDesigner/requestFromForm';
import type { TableDesign } from '../DynamoDBTableDesigner/tableDesign';

/** @public `ui:options` of the KratixDryRun field. */
export type KratixDryRunUiOptions = {
  /** The form field that holds the DynamoDBTableDesigner's design. Default `table`. */
  designField?: string;
  /** As the designer's: appended to the form's `name` for the request's name (e.g. `-table`). */
  requestNameSuffix?: string;
  /** The app template: the form's `name` is a KubeVela Application, dry-run too. */
  application?: boolean;
};

/**
 * What to ask the cluster about, built from the form the way the designer's preview builds
 * it; undefined until the form names a cluster, a namespace and a design.
 */
export function dryRunRequestFromForm(
  form: Record<string, unknown>,
  options: KratixDryRunUiOptions = {},
): DryRunRequest | undefined {
  const design = form[options.designField ?? 'table'] as
    | TableDesign
    | undefined;
  const { cluster, namespace, name } = form;
  if (
    typeof cluster !== 'string' ||
    !cluster ||
    typeof namespace !== 'string' ||
    !namespace ||
    !Array.isArray(design?.keySchema)
  )
    return undefined;
  const request = requestFromForm(design!, form, options.requestNameSuffix);
  return {
    cluster,
    namespace,
    name: request.metadata.name,
    spec: request.spec,
    ...(options.application &&
      typeof name === 'string' && { application: { name } }),
  };
}
