import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DYNAMODB_REQUEST_GVK,
  DynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import { readTenancy } from '@kratix-dynamodb/node';
import { KratixDynamoDBActionDependencies } from './actionDependencies';
import { createKratixRequest } from './createKratixRequest';
import { examples } from './createDynamoDBRequest.examples';
import { renderDynamoDBRequest } from './delivery/renderDynamoDBRequest';
import { ActionDefaults, readActionDefaults } from './inputs/actionDefaults';
import { checkInputShape } from './inputs/checkInputShape';
import { throwIfInvalid } from './inputs/fieldErrors';
import {
  RequestFieldInput,
  requestFieldInputs,
} from './inputs/requestFieldInputs';
import {
  pickRequestFields,
  requestSpecFromInput,
} from './inputs/requestSpecFromInput';
import { TargetInput, targetInputs } from './inputs/targetInputs';
import { Target, validateTarget } from './inputs/validateTarget';
import { dynamoDBRequestKind } from './requestKinds/dynamoDBRequestKind';
import {
  checkCapacity,
  checkNamespaceAllowed,
  checkTableNamePrefix,
} from './policy/checkCreateLimits';
import { CreateLimits, readCreateLimits } from './policy/createLimits';
import { requestOutputs } from './requestOutputs';
import { withUserFacingErrors } from './withUserFacingErrors';

export const CREATE_DYNAMODB_REQUEST_ACTION_ID = 'kratix:dynamodb:create';

const requestInputs = { ...targetInputs, ...requestFieldInputs };

/** Every problem with the input, reported together, before anything touches a cluster. */
function validateInput(
  input: TargetInput & RequestFieldInput,
  defaults: ActionDefaults,
  limits: CreateLimits,
  clusterNames: string[],
): { target: Target; spec: DynamoDBRequestSpec } {
  const { target, errors: targetErrors } = validateTarget(
    input,
    defaults,
    clusterNames,
  );
  const { spec, errors: specErrors } = requestSpecFromInput(
    pickRequestFields(input),
    defaults,
  );
  throwIfInvalid(CREATE_DYNAMODB_REQUEST_ACTION_ID, [
    ...targetErrors,
    ...checkNamespaceAllowed(target.namespace, limits),
    ...specErrors,
    ...(spec ? checkCapacity(spec, limits) : []),
    ...(spec
      ? checkTableNamePrefix(spec.name, target.namespace, limits, 'tableName')
      : []),
  ]);
  return { target, spec: spec! };
}

/**
 * Creates a DynamoDBRequest that the aws-dynamodb-kratix Promise turns into an ACK Table,
 * after checking it with the request model every other producer uses. Its flat inputs are
 * the wizard's table designer's; past them it is kratix:resource:create for DynamoDBRequest
 * (the same delivery, permission and wait, and the kind's registered rules).
 */
export function createDynamoDBRequestAction(
  deps: KratixDynamoDBActionDependencies,
) {
  const { clients, config } = deps;
  const defaults = readActionDefaults(config);
  const limits = readCreateLimits(config);
  const tenancy = readTenancy(config);
  return withUserFacingErrors(
    createTemplateAction({
      id: CREATE_DYNAMODB_REQUEST_ACTION_ID,
      description:
        'Creates a Kratix DynamoDBRequest (dynamodb.kratix.io/v1alpha1) on a cluster, or writes it to the workspace, and can wait for the ACK Table to become ACTIVE',
      examples,
      supportsDryRun: true,
      schema: {
        input: requestInputs,
        output: {
          ...requestOutputs('DynamoDBRequest'),
          tableName: z => z.string({ description: 'The DynamoDB table name' }),
        },
      },
      async handler(ctx) {
        checkInputShape(
          CREATE_DYNAMODB_REQUEST_ACTION_ID,
          requestInputs,
          ctx.input,
        );
        const { target, spec } = validateInput(
          ctx.input,
          defaults,
          limits,
          clients.clusterNames(),
        );
        const description = `DynamoDBRequest ${target.namespace}/${target.name}`;
        ctx.logger.info(
          `validated: ${description} for table ${spec.name} in ${spec.region} (${spec.billingMode}, deletion policy ${spec.deletionPolicy})`,
        );

        await createKratixRequest(ctx, deps, tenancy, {
          actionId: CREATE_DYNAMODB_REQUEST_ACTION_ID,
          target,
          gvk: DYNAMODB_REQUEST_GVK,
          manifest: renderDynamoDBRequest(target, spec, ctx.task.id),
          kindHandler: dynamoDBRequestKind,
          // The action's input calls the table name tableName; the spec calls it name.
          specPath: field => (field === 'name' ? 'tableName' : field),
          kindOutputs: { tableName: spec.name },
        });
      },
    }),
  );
}
