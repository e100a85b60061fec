import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DYNAMODB_REQUEST_GVK,
  DynamoDBRequestSpec,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';
import { readTenancy } from '@kratix-dynamodb/node';
import { KratixDynamoDBActionDependencies } from './actionDependencies';
import { checkCreatePermission } from './checkCreatePermission';
import { examples } from './createDynamoDBRequest.examples';
import { deliver } from './delivery/deliver';
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
import { readDynamoDBTableReadiness } from './readiness/waitForDynamoDBTable';
import { waitAfterDelivery } from './readiness/waitAfterDelivery';
import {
  checkCapacity,
  checkNamespaceAllowed,
  checkTableNamePrefix,
} from './policy/checkCreateLimits';
import { tableNameUnused } from './policy/tableNameUnused';
import { CreateLimits, readCreateLimits } from './policy/createLimits';
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
 * after checking it with the request model every other producer uses.
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
          requestRef: z =>
            z.string({
              description:
                '<cluster>/<namespace>/<name> of the DynamoDBRequest',
            }),
          uid: z =>
            z
              .string({
                description: 'The uid of the created object (apply only)',
              })
              .optional(),
          cluster: z => z.string(),
          tableName: z => z.string({ description: 'The DynamoDB table name' }),
          entityRef: z =>
            z.string({
              description:
                'The catalog entity of the request, resource:<namespace>/<name>_<cluster>',
            }),
          manifestPath: z =>
            z
              .string({
                description:
                  'Where the YAML was written (workspace delivery only)',
              })
              .optional(),
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

        await checkCreatePermission(
          deps,
          tenancy,
          await ctx.getInitiatorCredentials(),
          target,
        );

        const delivered = await deliver(ctx, clients, {
          target,
          gvk: DYNAMODB_REQUEST_GVK,
          manifest: renderDynamoDBRequest(target, spec, ctx.task.id),
          description,
          precondition: tableNameUnused({
            actionId: CREATE_DYNAMODB_REQUEST_ACTION_ID,
            claim: {
              tableName: spec.name,
              region: spec.region,
              namespace: target.namespace,
              requestName: target.name,
            },
            path: 'tableName',
          }),
        });
        ctx.output(
          'requestRef',
          `${target.cluster}/${target.namespace}/${target.name}`,
        );
        ctx.output('cluster', target.cluster);
        ctx.output('tableName', spec.name);
        ctx.output(
          'entityRef',
          entityRefOfClusterObject({ kind: 'resource', ...target }),
        );
        if (delivered.uid) ctx.output('uid', delivered.uid);
        if (delivered.manifestPath)
          ctx.output('manifestPath', delivered.manifestPath);

        await waitAfterDelivery(ctx, deps, {
          target,
          delivered,
          description,
          objectWord: 'the request',
          readiness: client =>
            readDynamoDBTableReadiness(client, target.namespace, target.name),
        });
      },
    }),
  );
}
