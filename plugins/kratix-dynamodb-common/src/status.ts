/**
 * The status chain that the backend sends and the card shows: one entry per stage, from the
 * Kratix Promise down to the live service.
 */

/** @public The stages, in the order a request travels through them. */
export const STATUS_STAGE_IDS = [
  'promise',
  'request',
  'workflow',
  'table',
  'application',
  'health',
] as const;

/** @public */
export type StatusStageId = (typeof STATUS_STAGE_IDS)[number];

/** @public ok and skipped need no action; the rest say what to do in `hint`. */
export type StageState =
  | 'ok'
  | 'progressing'
  | 'warning'
  | 'error'
  | 'unknown'
  | 'skipped';

/** @public A Kubernetes-style condition, as the controller wrote it. */
export type StageCondition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

/** @public */
export type StageLink = { title: string; url: string };

/** @public One stage of the chain. */
export type StatusStage = {
  id: StatusStageId;
  state: StageState;
  /** One line, plain words: what is true now. */
  summary: string;
  /** What to do, when the state is not ok. */
  hint?: string;
  conditions: StageCondition[];
  /** When the stage entered its current state, if known. */
  since?: string;
  links: StageLink[];
  /** Facts worth showing (tableStatus, ARN, HTTP status, latency...). */
  details?: Record<string, string | number | boolean>;
};

/** @public A cluster object the chain was read from, for the entity's detail tab. */
export type ChainObject = {
  kind: string;
  namespace?: string;
  name: string;
  /** The object as the cluster returned it, without managedFields. */
  manifest: Record<string, unknown>;
};

/** @public The whole chain for one catalog entity. */
export type StatusChain = {
  entityRef: string;
  cluster?: string;
  overall: StageState;
  stages: StatusStage[];
  checkedAt: string;
  /** Only when asked for (`?objects=true`): the objects behind the stages. */
  objects?: ChainObject[];
  /**
   * Set when addresses, identities or AWS account ids were taken out of the texts, because
   * the viewer may not read the cluster objects (`kratix.dynamodb.objects.read`).
   */
  redacted?: boolean;
};

const SEVERITY: Record<StageState, number> = {
  skipped: 0,
  ok: 1,
  progressing: 2,
  unknown: 3,
  warning: 4,
  error: 5,
};

/**
 * The overall state is the worst stage's state: one error anywhere makes the chain an error.
 * @public
 */
export function overallState(stages: Pick<StatusStage, 'state'>[]): StageState {
  let worst: StageState = 'skipped';
  for (const stage of stages) {
    if (SEVERITY[stage.state] > SEVERITY[worst]) worst = stage.state;
  }
  return worst === 'skipped' ? 'unknown' : worst;
}
