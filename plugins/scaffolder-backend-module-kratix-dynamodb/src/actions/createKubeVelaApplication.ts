import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DynamoDBRequestSpec,
  entityRefOfClusterObject,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import { readTenancy } from '@kratix-dynamodb/node';
import { KratixDynamoDBActionDependencies } from './actionDependencies';
import { checkCreatePermission } from './checkCreatePermission';
import { examples } from './createKubeVelaApplication.examples';
import { deliver } from './delivery/deliver';
import { renderKubeVelaApplication } from './delivery/renderKubeVelaApplication';
import { ActionDefaults, readActionDefaults } from './inputs/actionDefaults';
import { checkInputShape } from './inputs/checkInputShape';
import { throwIfInvalid } from './inputs/fieldErrors';
import type { InputOf, Z } from './inputs/inputTypes';
import { serviceInput } from './inputs/serviceInputs';
import { tableSectionInput, validateTableSection } from './inputs/tableSection';
import { targetInputs } from './inputs/targetInputs';
import { Target, validateTarget } from './inputs/validateTarget';
import { validateServices } from './inputs/validateServices';
import { readKubeVelaApplicationReadiness } from './readiness/waitForKubeVelaApplication';
import { waitAfterDelivery } from './readiness/waitAfterDelivery';
import {
  checkCapacity,
  checkImagesAllowed,
  checkNamespaceAllowed,
  checkTableNamePrefix,
} from './policy/checkCreateLimits';
import { tableNameUnused } from './policy/tableNameUnused';
import { CreateLimits, readCreateLimits } from './policy/createLimits';
import { withUserFacingErrors } from './withUserFacingErrors';

export const CREATE_KUBEVELA_APPLICATION_ACTION_ID =
  'kubevela:application:create';

const applicationInputs = {
  ...targetInputs,
  table: (z: Z) => tableSectionInput(z),
  services: (z: Z) =>
    z
      .array(serviceInput(z), {
        description: 'The webservice components',
      })
      .optional(),
};

type ApplicationInput = InputOf<typeof applicationInputs>;

/** Every problem with the input, reported together, before anything touches a cluster. */
function validateInput(
  input: ApplicationInput,
  defaults: ActionDefaults,
  limits: CreateLimits,
  clusterNames: string[],
) {
  const { target, errors: targetErrors } = validateTarget(
    input,
    defaults,
    clusterNames,
  );
  const table = validateTableSection(input.table ?? {}, defaults);
  const services = input.services ?? [];
  throwIfInvalid(CREATE_KUBEVELA_APPLICATION_ACTION_ID, [
    ...targetErrors,
    ...checkNamespaceAllowed(target.namespace, limits),
    ...table.errors,
    ...(table.spec ? checkCapacity(table.spec, limits, 'table.') : []),
    ...(table.spec
      ? checkTableNamePrefix(
          table.spec.name,
          target.namespace,
          limits,
          'table.tableName',
        )
      : []),
    ...validateServices(services, table.componentName),
    ...checkImagesAllowed(services, limits),
  ]);
  const spec: DynamoDBRequestSpec = table.spec!;
  return {
    target: target as Target,
    table: { componentName: table.componentName, spec },
    services,
  };
}

/**
 * Creates a KubeVela Application with an aws-dynamodb-kratix table component (checked by
 * the same request model as kratix:dynamodb:create) and webservice components.
 */
export function createKubeVelaApplicationAction(
  deps: KratixDynamoDBActionDependencies,
) {
  const { clients, config } = deps;
  const defaults = readActionDefaults(config);
  const limits = readCreateLimits(config);
  const tenancy = readTenancy(config);
  return withUserFacingErrors(
    createTemplateAction({
      id: CREATE_KUBEVELA_APPLICATION_ACTION_ID,
      description:
        'Creates a KubeVela Application (core.oam.dev/v1beta1) with a DynamoDB table from Kratix and webservice components, or writes it to the workspace, and can wait until it runs healthy',
      examples,
      supportsDryRun: true,
      schema: {
        input: applicationInputs,
        output: {
          applicationRef: z =>
            z.string({
              description: '<cluster>/<namespace>/<name> of the Application',
            }),
          uid: z =>
            z
              .string({
                description: 'The uid of the created Application (apply only)',
              })
              .optional(),
          cluster: z => z.string(),
          tableName: z => z.string({ description: 'The DynamoDB table name' }),
          entityRef: z =>
            z.string({
              description:
                'The catalog entity of the Application, component:<namespace>/<name>_<cluster>',
            }),
          tableEntityRef: z =>
            z.string({
              description:
                'The catalog entity of its table, resource:<namespace>/<componentName>_<cluster>',
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
          CREATE_KUBEVELA_APPLICATION_ACTION_ID,
          applicationInputs,
          ctx.input,
        );
        const { target, table, services } = validateInput(
          ctx.input,
          defaults,
          limits,
          clients.clusterNames(),
        );
        const description = `Application ${target.namespace}/${target.name}`;
        ctx.logger.info(
          `validated: ${description} with table component ${table.componentName} (table ${table.spec.name} in ${table.spec.region}) and ${services.length} webservice component(s)`,
        );

        await checkCreatePermission(
          deps,
          tenancy,
          await ctx.getInitiatorCredentials(),
          target,
        );

        // The Application is a single object: it is created whole or not at all, and KubeVela
        // creates the DynamoDBRequest and the workloads from it.
        const delivered = await deliver(ctx, clients, {
          target,
          gvk: KUBEVELA_APPLICATION_GVK,
          manifest: renderKubeVelaApplication(
            target,
            table,
            services,
            ctx.task.id,
          ),
          description,
          precondition: tableNameUnused({
            actionId: CREATE_KUBEVELA_APPLICATION_ACTION_ID,
            claim: {
              tableName: table.spec.name,
              region: table.spec.region,
              namespace: target.namespace,
              requestName: table.componentName,
            },
            path: 'table.tableName',
          }),
        });
        ctx.output(
          'applicationRef',
          `${target.cluster}/${target.namespace}/${target.name}`,
        );
        ctx.output('cluster', target.cluster);
        ctx.output('tableName', table.spec.name);
        ctx.output(
          'entityRef',
          entityRefOfClusterObject({ kind: 'component', ...target }),
        );
        ctx.output(
          'tableEntityRef',
          entityRefOfClusterObject({
            kind: 'resource',
            ...target,
            name: table.componentName,
          }),
        );
        if (delivered.uid) ctx.output('uid', delivered.uid);
        if (delivered.manifestPath)
          ctx.output('manifestPath', delivered.manifestPath);

        await waitAfterDelivery(ctx, deps, {
          target,
          delivered,
          description,
          objectWord: 'the Application',
          readiness: client =>
            readKubeVelaApplicationReadiness(
              client,
              target.namespace,
              target.name,
              [table.componentName, ...services.map(s => s.name)],
            ),
        });
      },
    }),
  );
}
