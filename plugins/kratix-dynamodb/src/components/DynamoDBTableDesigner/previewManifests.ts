/**
 * What the wizard will create, as YAML: the DynamoDBRequest built by -common as the action
 * builds it, and the ACK Table rendered by -common as the workflow pipeline renders it.
 */
import { renderAckTable, toManifestYaml } from '@kratix-dynamodb/common';
import { requestFromForm, type RequestFormValues } from './requestFromForm';
import type { TableDesign } from './tableDesign';

/** The template's other fields, as far as the preview needs them. */
export type PreviewSource = RequestFormValues;

export function previewManifests(
  design: TableDesign,
  form: PreviewSource,
  requestNameSuffix = '',
): { request: string; table?: string } {
  const request = requestFromForm(design, form, requestNameSuffix);
  let table: string | undefined;
  try {
    table = toManifestYaml(renderAckTable(request));
  } catch {
    // An invalid spec has no Table; the designer shows its errors instead.
  }
  return { request: toManifestYaml(request), table };
}
