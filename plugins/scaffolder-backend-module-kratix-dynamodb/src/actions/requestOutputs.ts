import type { Z } from './inputs/inputTypes';

/** The outputs of an action that creates a Kratix request, whatever its kind. */
export function requestOutputs(kind: string) {
  return {
    requestRef: (z: Z) =>
      z.string({
        description: `<cluster>/<namespace>/<name> of the ${kind}`,
      }),
    uid: (z: Z) =>
      z
        .string({
          description: 'The uid of the created object (apply only)',
        })
        .optional(),
    cluster: (z: Z) => z.string(),
    entityRef: (z: Z) =>
      z.string({
        description:
          'The catalog entity of the request, resource:<namespace>/<name>_<cluster>',
      }),
    manifestPath: (z: Z) =>
      z
        .string({
          description: 'Where the YAML was written (workspace delivery only)',
        })
        .optional(),
  };
}
