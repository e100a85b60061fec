import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  type DryRunProblem,
  type DryRunRequest,
  type DryRunResult,
  findRefusingPattern,
  type TableNamePrefixRule,
  tableNamePrefixProblem,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import {
  apiNotInstalledMessage,
  ClusterRefusedError,
  type KubernetesClient,
} from '@kratix-dynamodb/node';
import { type DryRunObject, renderDryRunObjects } from './renderDryRunObjects';

/** The same field manager the scaffolder's actions use, so a dry run is judged as they are. */
const FIELD_MANAGER = 'backstage-scaffolder';

/** What the cluster's refusal of one object means for the form. */
function problemsFromRefusal(
  error: unknown,
  item: DryRunObject,
  request: DryRunRequest,
  cluster: string,
): DryRunProblem[] {
  if (error instanceof ClusterRefusedError && error.causes.length) {
    return error.causes.map(cause => ({
      source: 'cluster',
      field: cause.field,
      message: `${item.description}: ${cause.message}`,
    }));
  }
  if (error instanceof ConflictError) {
    return [
      {
        source: 'cluster',
        field: 'name',
        message: `${item.description} already exists on cluster '${cluster}'; choose another name`,
      },
    ];
  }
  // A 404 is either the API (discovery says so in its own words) or the namespace.
  if (
    error instanceof NotFoundError &&
    error.message !== apiNotInstalledMessage(cluster, item.gvk)
  ) {
    return [
      {
        source: 'cluster',
        field: 'namespace',
        message: `namespace '${request.namespace}' does not exist on cluster '${cluster}'`,
      },
    ];
  }
  // e.g. the backend's own identity may not create there: the action would fail alike.
  if (error instanceof Error) {
    return [{ source: 'cluster', message: error.message }];
  }
  throw error;
}

/**
 * Checks what the wizard would create, in the order the action does: the platform's refused
 * namespaces, the request model and the namespace's table-name prefix, then the cluster's admission through a server-side dry run
 * (`dryRun=All`: every admission step runs, nothing is stored).
 */
export async function dryRunOnCluster(
  client: KubernetesClient,
  request: DryRunRequest,
  refusedNamespaces: readonly string[],
  tableNamePrefix: TableNamePrefixRule = { kind: 'none' },
): Promise<DryRunResult> {
  const { cluster } = request;
  const problems: DryRunProblem[] = [];
  const pattern = findRefusingPattern(request.namespace, refusedNamespaces);
  if (pattern) {
    problems.push({
      source: 'policy',
      field: 'namespace',
      message: `namespace '${request.namespace}' is refused by kratixDynamodb.scaffolder.refusedNamespaces ('${pattern}')`,
    });
  }
  const model = validateDynamoDBRequestSpec(request.spec);
  if (!model.valid) {
    problems.push(
      ...model.errors.map(e => ({
        source: 'model' as const,
        field: e.path || undefined,
        message: e.message,
      })),
    );
  }
  const prefixProblem =
    model.valid &&
    tableNamePrefixProblem(tableNamePrefix, request.namespace, model.spec.name);
  if (prefixProblem) {
    problems.push({
      source: 'policy',
      field: 'spec.name',
      message: `table name '${model.spec.name}' ${prefixProblem}`,
    });
  }
  if (!model.valid || problems.length) {
    // The cluster is not asked about what the plugin itself refuses.
    return { outcome: 'refused', cluster, checked: [], problems };
  }

  const objects = renderDryRunObjects(request, model.spec);
  for (const item of objects) {
    try {
      await client.create(item.gvk, item.object, {
        dryRun: true,
        fieldManager: FIELD_MANAGER,
      });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) {
        return {
          outcome: 'unchecked',
          cluster,
          checked: [],
          problems: [{ source: 'cluster', message: error.message }],
        };
      }
      problems.push(...problemsFromRefusal(error, item, request, cluster));
    }
  }
  return {
    outcome: problems.length ? 'refused' : 'accepted',
    cluster,
    checked: objects.map(o => o.description),
    problems,
  };
}
