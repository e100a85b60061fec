import type { z as zod } from 'zod/v3';
import type { ActionDefaults } from './actionDefaults';
import { FieldError, underPath } from './fieldErrors';
import { dns1123LabelProblem } from './kubernetesNames';
import type { Z } from './inputTypes';
import { requestFieldsObject } from './requestFieldInputs';
import { requestSpecFromInput } from './requestSpecFromInput';

/** The `table` input of kubevela:application:create: the aws-dynamodb-kratix component. */
export const tableSectionInput = (z: Z) =>
  z
    .object({
      componentName: z.string({
        description:
          'The component name; also the name of the DynamoDBRequest and its catalog Resource (DNS-1123 label)',
      }),
      ...requestFieldsObject(z),
    })
    .passthrough();

export type TableSectionInput = zod.infer<ReturnType<typeof tableSectionInput>>;

/**
 * The table component, checked by the same request model as kratix:dynamodb:create.
 * Everything but componentName goes to the model, so it names any unknown field.
 */
export function validateTableSection(
  table: TableSectionInput,
  defaults: ActionDefaults,
) {
  const errors: FieldError[] = [];
  const { componentName, ...fields } = table as TableSectionInput & {
    name?: unknown;
  };
  const nameProblem = dns1123LabelProblem(componentName ?? '');
  if (nameProblem)
    errors.push({ path: 'table.componentName', message: nameProblem });
  // The KubeVela component itself calls the table name `name`; here it is tableName, as in
  // kratix:dynamodb:create, and a `name` left in would otherwise be read as the table name.
  if ('name' in fields) {
    errors.push({
      path: 'table.name',
      message:
        "is not a field of table: give the DynamoDB table's name as tableName",
    });
    delete fields.name;
  }
  const { spec, errors: specErrors } = requestSpecFromInput(fields, defaults);
  errors.push(...underPath('table', specErrors));
  return { spec, componentName, errors };
}
