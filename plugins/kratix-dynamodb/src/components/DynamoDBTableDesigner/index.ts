export { DynamoDBTableDesigner } from './DynamoDBTableDesigner';
export type { DynamoDBTableDesignerUiOptions } from './DynamoDBTableDesigner';
export { dynamoDBTableDesignerValidation } from './designerValidation';
export { DEFAULT_TABLE_DESIGN } from './tableDesign';
export type { TableDesign } from './tableDesign';
export { requestFromForm } from './requestFromForm';
export type { RequestFormValues } from './requestFromForm';
