/**
 * The wizard's check before anything is created: the backend's `POST /validate` asks the
 * chosen cluster for a server-side dry run (`dryRun=All`) of what the template will create,
 * and answers what the model, the platform's policy and the cluster's admission said.
 */

/**
 * What the wizard sends: where the request goes and its spec, as the form holds them.
 * @public
 */
export type DryRunRequest = {
  cluster: string;
  namespace: string;
  /** The DynamoDBRequest's name (for an app's table: its table component's name). */
  name: string;
  /** The DynamoDBRequest spec; checked by the model before the cluster sees it. */
  spec: unknown;
  /**
   * Set for the app template: the KubeVela Application `name` is dry-run too, with its
   * aws-dynamodb-kratix component named as the request above.
   */
  application?: { name: string };
};

/**
 * Who refused: the request model, the platform's policy (config), or the cluster.
 * @public
 */
export type DryRunProblemSource = 'model' | 'policy' | 'cluster';

/**
 * One problem, at the field it names when there is one. Model and policy fields are the
 * form's (`keySchema[1].keyType`, `namespace`); cluster fields are the object's as the API
 * server names them (`spec.region`, `metadata.name`).
 * @public
 */
export type DryRunProblem = {
  source: DryRunProblemSource;
  field?: string;
  message: string;
};

/**
 * `accepted`: every object passed the cluster's admission, nothing was created. `refused`:
 * see `problems`. `unchecked`: the cluster could not be asked (the action will check again).
 * @public
 */
export type DryRunOutcome = 'accepted' | 'refused' | 'unchecked';

/** @public */
export type DryRunResult = {
  outcome: DryRunOutcome;
  cluster: string;
  /** The objects the cluster was asked about, e.g. `DynamoDBRequest default/orders`. */
  checked: string[];
  problems: DryRunProblem[];
};

/**
 * One line per problem, `field: message`, as the wizard lists them.
 * @public
 */
export function describeDryRunProblems(
  problems: readonly DryRunProblem[],
): string[] {
  return problems.map(p => (p.field ? `${p.field}: ${p.message}` : p.message));
}
