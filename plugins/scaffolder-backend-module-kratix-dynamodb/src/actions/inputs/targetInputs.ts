/**
 * The inputs both actions share: where the object goes, who owns it, how it is delivered and
 * whether to wait for it. The schemas only give types: every value rule is checked in the
 * handler, so one run reports every invalid field together (see validateTarget.ts).
 */
import type { InputOf, Z } from './inputTypes';

export const DELIVERY_MODES = ['apply', 'workspace'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const targetInputs = {
  cluster: (z: Z) =>
    z.string({
      description:
        'The cluster to create the object on: a name from kratixDynamodb.clusters',
    }),
  namespace: (z: Z) =>
    z
      .string({
        description:
          'The Kubernetes namespace (DNS-1123 label). Default: kratixDynamodb.defaults.namespace, else "default"',
      })
      .optional(),
  name: (z: Z) =>
    z.string({
      description:
        'The Kubernetes object name, also the catalog entity name: a DNS-1123 label (lowercase letters, digits and "-", at most 63)',
    }),
  owner: (z: Z) =>
    z
      .string({
        description:
          'The catalog owner as an entity ref, e.g. group:default/team-a',
      })
      .optional(),
  delivery: (z: Z) =>
    z
      .enum(DELIVERY_MODES, {
        description:
          'apply (default) creates the object on the cluster; workspace writes its YAML into the task workspace for a later GitOps publish step',
      })
      .optional(),
  targetPath: (z: Z) =>
    z
      .string({
        description:
          'With delivery workspace: where to write the YAML, relative to the workspace. Default kratix/<name>.yaml',
      })
      .optional(),
  waitForReady: (z: Z) =>
    z
      .boolean({
        description:
          'Wait until the object is ready before the step ends (apply only). Default false',
      })
      .optional(),
  timeoutSeconds: (z: Z) =>
    z
      .number({
        description:
          'How long to wait for readiness, in seconds (1-3600). Default 600',
      })
      .optional(),
};

/** The target inputs as the handler receives them. */
export type TargetInput = InputOf<typeof targetInputs>;
