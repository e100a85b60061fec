/** The wizard's field extensions for the new frontend system, loaded when the wizard opens. */
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  DynamoDBTableDesigner,
  dynamoDBTableDesignerValidation,
} from '../components/DynamoDBTableDesigner';

export const dynamoDBTableDesignerField = createFormField({
  name: 'DynamoDBTableDesigner',
  component: DynamoDBTableDesigner,
  validation: dynamoDBTableDesignerValidation,
});
