import { ServiceUnavailableError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  entityRefOfClusterObject,
  formValuesToSpec,
  KRATIX_PROMISE_GVK,
  promiseApiOf,
  validateStructuralSchema,
  type PromiseApi,
} from '@kratix-dynamodb/common';
import { readTenancy, type KubernetesClient } from '@kratix-dynamodb/node';
import type { KratixDynamoDBActionDependencies } from './actionDependencies';
import { createKratixRequest } from './createKratixRequest';
import { clientForTask } from './delivery/clientForTask';
import { examples } from './createKratixResource.examples';
import { renderKratixRequest } from './delivery/renderKratixRequest';
import { readActionDefaults } from './inputs/actionDefaults';
import { checkInputShape } from './inputs/checkInputShape';
import { FieldError, throwIfInvalid, underPath } from './inputs/fieldErrors';
import type { InputOf, Z } from './inputs/inputTypes';
import { targetInputs } from './inputs/targetInputs';
import { validateTarget } from './inputs/validateTarget';
import { checkNamespaceAllowed } from './policy/checkCreateLimits';
import { readCreateLimits } from './policy/createLimits';
import { defaultRequestKinds } from './requestKinds';
import { requestOutputs } from './requestOutputs';
import { withUserFacingErrors } from './withUserFacingErrors';

export const CREATE_KRATIX_RESOURCE_ACTION_ID = 'kratix:resource:create';

const resourceInputs = {
  promise: (z: Z) =>
    z.string({
      description:
        'The name of the Promise on the cluster whose request kind to create, e.g. object-bucket',
    }),
  spec: (z: Z) =>
    z
      .record(z.unknown(), {
        description:
          "The request's spec as the Promise's API defines it (instead of formValues)",
      })
      .optional(),
  formValues: (z: Z) =>
    z
      .record(z.unknown(), {
        description:
          "The values of a form generated from the Promise's API (the template's parameters): the spec is read from them",
      })
      .optional(),
  ...targetInputs,
};

type ResourceInput = InputOf<typeof resourceInputs>;

/** The Promise's API, read from the cluster: the CRD that decides what the request may hold. */
async function readPromiseApi(
  client: KubernetesClient,
  promise: string,
): Promise<PromiseApi> {
  const found = await client.get(KRATIX_PROMISE_GVK, undefined, promise);
  const api = found && promiseApiOf(found);
  if (!api)
    throwIfInvalid(CREATE_KRATIX_RESOURCE_ACTION_ID, [
      {
        path: 'promise',
        message: found
          ? `the Promise '${promise}' on cluster '${client.cluster}' offers no request API`
          : `there is no Promise '${promise}' on cluster '${client.cluster}'`,
      },
    ]);
  return api!;
}

/** The spec from the input, checked as the API server would check it, then by the kind's rules. */
function specErrorsAndValue(
  input: ResourceInput,
  api: PromiseApi,
  kindRules: ((spec: Record<string, unknown>) => FieldError[]) | undefined,
): { spec: Record<string, unknown>; errors: FieldError[] } {
  if (input.spec && input.formValues)
    return {
      spec: {},
      errors: [{ path: 'spec', message: 'give spec or formValues, not both' }],
    };
  const fromForm = input.formValues
    ? formValuesToSpec(api.specSchema, input.formValues)
    : { spec: input.spec ?? {}, errors: [] };
  const checked = api.specSchema
    ? validateStructuralSchema(fromForm.spec, api.specSchema, 'spec')
    : { value: fromForm.spec, errors: [] };
  const spec = (checked.value ?? {}) as Record<string, unknown>;
  const errors = [...fromForm.errors, ...checked.errors];
  if (errors.length === 0 && kindRules)
    errors.push(...underPath('spec', kindRules(spec)));
  return { spec, errors };
}

/**
 * Creates a request of any Promise's kind. The Promise is read from the chosen cluster, and
 * its API decides the rules: the spec is checked with the API server's structural-schema
 * rules (every problem at once, by field), then by the rules its kind registered, before
 * the same delivery, permission and wait as kratix:dynamodb:create.
 */
export function createKratixResourceAction(
  deps: KratixDynamoDBActionDependencies,
) {
  const { clients, config } = deps;
  const defaults = readActionDefaults(config);
  const limits = readCreateLimits(config);
  const tenancy = readTenancy(config);
  const kinds = deps.requestKinds ?? defaultRequestKinds();
  return withUserFacingErrors(
    createTemplateAction({
      id: CREATE_KRATIX_RESOURCE_ACTION_ID,
      description:
        "Creates a request of any Kratix Promise's kind on a cluster, checked against the Promise's API, or writes it to the workspace, and can wait for its workflow to complete",
      examples,
      supportsDryRun: true,
      schema: {
        input: resourceInputs,
        output: {
          ...requestOutputs('request'),
          kind: z =>
            z.string({ description: 'The request kind, e.g. BucketRequest' }),
        },
      },
      async handler(ctx) {
        const id = CREATE_KRATIX_RESOURCE_ACTION_ID;
        checkInputShape(id, resourceInputs, ctx.input);
        const input = ctx.input;
        const { target, errors: targetErrors } = validateTarget(
          input,
          defaults,
          clients.clusterNames(),
        );
        throwIfInvalid(id, [
          ...(input.promise
            ? []
            : [{ path: 'promise', message: 'name the Promise to request' }]),
          ...targetErrors,
          ...checkNamespaceAllowed(target.namespace, limits),
        ]);

        let api: PromiseApi;
        try {
          api = await readPromiseApi(
            await clientForTask(clients, target.cluster, ctx),
            input.promise,
          );
        } catch (e) {
          // A dry run from the template editor often has no cluster around; it must not fail.
          if (!(ctx.isDryRun && e instanceof ServiceUnavailableError)) throw e;
          ctx.logger.warn(
            `dry run: ${e.message}; without the ${input.promise} Promise's API only the target was checked; nothing was created`,
          );
          ctx.output(
            'requestRef',
            `${target.cluster}/${target.namespace}/${target.name}`,
          );
          ctx.output('cluster', target.cluster);
          ctx.output(
            'entityRef',
            entityRefOfClusterObject({ kind: 'resource', ...target }),
          );
          return;
        }
        const kindHandler = kinds.find(api.gvk);
        const { spec, errors } = specErrorsAndValue(
          input,
          api,
          kindHandler?.validate &&
            (s => kindHandler.validate!(s, limits, target.namespace)),
        );
        throwIfInvalid(id, errors);
        ctx.logger.info(
          `validated: ${api.gvk.kind} ${target.namespace}/${target.name} against the API of the Promise ${input.promise} on cluster '${target.cluster}'`,
        );

        await createKratixRequest(ctx, deps, tenancy, {
          actionId: id,
          target,
          gvk: api.gvk,
          manifest: renderKratixRequest(target, api.gvk, spec, ctx.task.id),
          kindHandler,
          specPath: field => `spec.${field}`,
          kindOutputs: { kind: api.gvk.kind },
        });
      },
    }),
  );
}
