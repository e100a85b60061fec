/**
 * The DynamoDBRequest the wizard will create, from the form's values: the preview shows it
 * and the dry run sends it, so what the user sees is what the cluster judges.
 */
import {
  buildDynamoDBRequest,
  type DynamoDBRequest,
  type DynamoDBRequestSpecInput,
} from '@kratix-dynamodb/common';
import type { TableDesign } from './tableDesign';

/** The template's other fields, as far as the request needs them. */
export type RequestFormValues = {
  name?: unknown;
  namespace?: unknown;
  tableName?: unknown;
  region?: unknown;
  deletionPolicy?: unknown;
  tags?: unknown;
};

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function requestFromForm(
  design: TableDesign,
  form: RequestFormValues,
  requestNameSuffix = '',
): DynamoDBRequest {
  const requestName = `${text(form.name) ?? 'my-table'}${requestNameSuffix}`;
  const spec = {
    // The templates default the table name to the request name, and so does the request.
    name: text(form.tableName) ?? requestName,
    region: text(form.region) ?? 'us-east-1',
    ...design,
    ...(typeof form.tags === 'object' &&
      form.tags !== null && { tags: form.tags }),
    ...(text(form.deletionPolicy) && { deletionPolicy: form.deletionPolicy }),
  } as DynamoDBRequestSpecInput;
  return buildDynamoDBRequest(
    { name: requestName, namespace: text(form.namespace) ?? 'default' },
    spec,
  );
}
