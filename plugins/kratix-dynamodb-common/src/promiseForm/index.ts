export type { OpenApiSchema } from './openApiSchema';
export { isFreeFormField, specSchemaOfCrd } from './openApiSchema';
export type { FormField, FormFieldContext } from './openApiToFormField';
export { openApiToFormField, titleOfField } from './openApiToFormField';
export {
  PROMISE_TEMPLATE_ANNOTATIONS,
  PROMISE_OWNER_LABEL,
  readPromiseFormHints,
} from './promiseFormAnnotations';
export type { PromiseFormHints } from './promiseFormAnnotations';
export {
  REQUEST_FORM_KEYS,
  formKeyOfSpecField,
  promiseTemplateParameters,
} from './promiseTemplateParameters';
export type {
  PromiseFormInput,
  TemplateParameterStep,
} from './promiseTemplateParameters';
export { formValuesToSpec } from './formValuesToSpec';
export type { FormValueError } from './formValuesToSpec';
export { validateStructuralSchema } from './validateStructuralSchema';
export type {
  StructuralSchemaError,
  StructuralSchemaResult,
} from './validateStructuralSchema';
export { promiseApiOf } from './promiseApi';
export type { PromiseApi } from './promiseApi';
