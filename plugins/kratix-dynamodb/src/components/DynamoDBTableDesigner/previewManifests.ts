/**
 * What the wizard will create, as YAML: the DynamoDBRequest built by -common as the action
 * builds it, and the ACK Table rendered by -common as the workflow pipeline renders it.
 */
import { stringify } from 'yaml';
import {
  buildDynamoDBRequest,
  renderAckTable,
  type DynamoDBRequestSpecInput,
} from '@kratix-dynamodb/common';
import type { TableDesign } from './tableDesign';

/** The template's other fields, as far as the preview needs them. */
export type PreviewSource = {
  name?: unknown;
  namespace?: unknown;
  tableName?: unknown;
  region?: unknown;
  deletionPolicy?: unknown;
  tags?: unknown;
};

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function previewManifests(
  design: TableDesign,
  form: PreviewSource,
  requestNameSuffix = '',
): { request: string; table?: string } {
  const requestName = `${text(form.name) ?? 'my-table'}${requestNameSuffix}`;
  const spec = {
    // The templates default the table name to the request name, and so does the preview.
    name: text(form.tableName) ?? requestName,
    region: text(form.region) ?? 'us-east-1',
    ...design,
    ...(typeof form.tags === 'object' &&
      form.tags !== null && { tags: form.tags }),
    ...(text(form.deletionPolicy) && { deletionPolicy: form.deletionPolicy }),
  } as DynamoDBRequestSpecInput;
  const request = buildDynamoDBRequest(
    { name: requestName, namespace: text(form.namespace) ?? 'default' },
    spec,
  );
  let table: string | undefined;
  try {
    table = stringify(renderAckTable(request));
  } catch {
    // An invalid spec has no Table; the designer shows its errors instead.
  }
  return { request: stringify(request), table };
}
