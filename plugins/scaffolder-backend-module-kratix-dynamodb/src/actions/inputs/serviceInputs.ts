/**
 * The `services[]` input of kubevela:application:create: KubeVela `webservice` components.
 * Types only, as with the other inputs; validateServices.ts holds the rules.
 */
import type { z as zod } from 'zod/v3';
import type { Z } from './inputTypes';

const probe = (z: Z, which: string) =>
  z
    .object({
      path: z.string({
        description: `The HTTP path of the ${which} probe, e.g. /ready`,
      }),
      port: z.number({ description: 'Default: the first port' }).optional(),
      initialDelaySeconds: z.number().optional(),
      periodSeconds: z.number().optional(),
    })
    .passthrough()
    .optional();

export const serviceInput = (z: Z) =>
  z
    .object({
      name: z.string({ description: 'The component name (DNS-1123 label)' }),
      image: z.string({
        description: 'The container image, e.g. session-api:latest',
      }),
      ports: z
        .array(
          z
            .object({ port: z.number(), expose: z.boolean().optional() })
            .passthrough(),
        )
        .optional(),
      env: z
        .array(
          z
            .object({
              name: z.string(),
              value: z
                .union([z.string(), z.number(), z.boolean()], {
                  description:
                    'Numbers and booleans are passed as strings, as containers see them',
                })
                .optional(),
              valueFrom: z
                .object({
                  secretKeyRef: z.object({ name: z.string(), key: z.string() }),
                })
                .describe(
                  'Instead of value: a key of a Secret in the same namespace, so no secret passes through the template',
                )
                .optional(),
            })
            .passthrough(),
        )
        .optional(),
      readinessProbe: probe(z, 'readiness'),
      livenessProbe: probe(z, 'liveness'),
      replicas: z
        .number({ description: 'Becomes the scaler trait' })
        .optional(),
      cpu: z
        .string({
          description: 'CPU, e.g. 250m; with memory becomes the resource trait',
        })
        .optional(),
      memory: z.string({ description: 'Memory, e.g. 256Mi' }).optional(),
    })
    .passthrough();

export type ServiceInput = zod.infer<ReturnType<typeof serviceInput>>;

export type ProbeInput = NonNullable<ServiceInput['readinessProbe']>;
