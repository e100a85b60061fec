import type { GroupVersionKind } from '@kratix-dynamodb/common';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import type { FieldError } from '../inputs/fieldErrors';
import type { CreateLimits } from '../policy/createLimits';
import type { Readiness } from '../readiness/waitForReadiness';
import type { Target } from '../inputs/validateTarget';

/**
 * What one request kind adds to the generic create: rules the CRD's schema cannot say, a
 * check on the cluster right before the create, and what "ready" means beyond Kratix's own
 * conditions. Every part is optional: a kind without a handler gets the CRD's schema rules
 * and waits for its workflow.
 */
export type RequestKindHandler = {
  group: string;
  kind: string;
  /** Rules on a spec the CRD's schema accepted, for the target namespace; paths relative to the spec. */
  validate?(
    spec: Record<string, unknown>,
    limits: CreateLimits,
    namespace: string,
  ): FieldError[];
  /** Checked on the cluster right before the create or dry run (e.g. a name already taken). */
  precondition?(options: {
    actionId: string;
    target: Target;
    spec: Record<string, unknown>;
    /** Where the spec sits in the action's input, e.g. `spec.` or `` for flat inputs. */
    specPath: (field: string) => string;
  }): (client: KubernetesClient) => Promise<void>;
  /** Replaces the wait for the workflow with the kind's own readiness. */
  readiness?(
    client: KubernetesClient,
    namespace: string,
    name: string,
  ): () => Promise<Readiness>;
};

const keyOf = (gvk: Pick<GroupVersionKind, 'group' | 'kind'>) =>
  `${gvk.kind}.${gvk.group}`;

/** The request kinds with rules of their own, found by group and kind (any version). */
export class RequestKindRegistry {
  readonly #handlers = new Map<string, RequestKindHandler>();

  register(handler: RequestKindHandler): this {
    const key = keyOf(handler);
    if (this.#handlers.has(key))
      throw new Error(`The request kind ${key} is already registered`);
    this.#handlers.set(key, handler);
    return this;
  }

  find(
    gvk: Pick<GroupVersionKind, 'group' | 'kind'>,
  ): RequestKindHandler | undefined {
    return this.#handlers.get(keyOf(gvk));
  }
}
