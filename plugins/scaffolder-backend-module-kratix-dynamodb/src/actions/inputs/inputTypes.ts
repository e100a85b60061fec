import type { z as zod } from 'zod/v3';

/** The zod that the scaffolder hands to each input schema (v3, as scaffolder-node uses). */
export type Z = typeof zod;

/** Action inputs as createTemplateAction takes them: one schema builder per input. */
export type InputSchemas = Record<string, (z: Z) => zod.ZodTypeAny>;

/**
 * What a handler receives for a set of inputs, inferred from their schemas so that the
 * types cannot drift from what the scaffolder checks.
 */
export type InputOf<T extends InputSchemas> = zod.infer<
  zod.ZodObject<{ [K in keyof T]: ReturnType<T[K]> }>
>;
