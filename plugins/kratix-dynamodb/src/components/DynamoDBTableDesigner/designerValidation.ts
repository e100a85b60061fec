import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { describeValidationErrors } from '@kratix-dynamodb/common';
import { validateTableDesign } from './designErrors';
import type { TableDesign } from './tableDesign';

/**
 * Run by the wizard when Next is pressed: any error refuses the step, and the messages name
 * the field (`keySchema[1].keyType: must be RANGE ...`) as the designer also shows them there.
 */
export const dynamoDBTableDesignerValidation: CustomFieldValidator<
  TableDesign
> = (design, validation) => {
  for (const line of describeValidationErrors(validateTableDesign(design))) {
    validation.addError(line);
  }
};
