import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DynamoDBRequestSpec,
  entityRefOfClusterObject,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import { ActionDefaults, readActionDefaults } from './actionDefaults';
import { KratixDynamodbActionDependencies } from './actionDependencies';
import { checkCreatePermission } from './checkCreatePermission';
import { examples } from './createKubeVelaApplication.examples';
import { deliver } from './deliver';
import { throwIfInvalid } from './fieldErrors';
import { renderKubeVelaApplication } from './renderKubeVelaApplication';
import { ServiceInput, serviceInput } from './serviceInputs';
import {
  TableSectionInput,
  tableSectionInput,
  validateTableSection,
} from './tableSection';
import { TargetInput, targetInputs } from './targetInputs';
import { Target, validateTarget } from './validateTarget';
import { validateServices } from './validateServices';
import { readKubeVelaApplicationReadiness } from './waitForKubeVelaApplication';
import { waitAfterDelivery } from './waitAfterDelivery';

export const CREATE_KUBEVELA_APPLICATION_ACTION_ID =
  'kubevela:application:create';

type ApplicationInput = TargetInput & {
  table: TableSectionInput;
  services?: ServiceInput[];
};

/** Every problem with the input, reported together, before anything touches a cluster. */
function validateInput(
  input: ApplicationInput,
  defaults: ActionDefaults,
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
    ...table.errors,
    ...validateServices(services, table.componentName),
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
  deps: KratixDynamodbActionDependencies,
) {
  const { clients, permissions, config } = deps;
  const defaults = readActionDefaults(config);
  return createTemplateAction({
    id: CREATE_KUBEVELA_APPLICATION_ACTION_ID,
    description:
      'Creates a KubeVela Application (core.oam.dev/v1beta1) with a DynamoDB table from Kratix and webservice components, or writes it to the workspace, and can wait until it runs healthy',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInputs,
        table: z => tableSectionInput(z),
        services: z =>
          z
            .array(serviceInput(z), {
              description: 'The webservice components',
            })
            .optional(),
      },
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
              'The catalog entity of the Application, component:default/<name>',
          }),
        tableEntityRef: z =>
          z.string({
            description:
              'The catalog entity of its table, resource:default/<componentName>',
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
      const { target, table, services } = validateInput(
        ctx.input,
        defaults,
        clients.clusterNames(),
      );
      const description = `Application ${target.namespace}/${target.name}`;
      ctx.logger.info(
        `validated: ${description} with table component ${table.componentName} (table ${table.spec.name} in ${table.spec.region}) and ${services.length} webservice component(s)`,
      );

      await checkCreatePermission(
        permissions,
        await ctx.getInitiatorCredentials(),
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
  });
}
