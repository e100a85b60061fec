import type { Config } from '@backstage/config';
import { DEFAULT_DELETION_POLICY } from '@kratix-dynamodb/common';

/** What a request gets when the template leaves a field out (kratixDynamodb.defaults). */
export type ActionDefaults = {
  namespace: string;
  region?: string;
  deletionPolicy: string;
};

export function readActionDefaults(config: Config): ActionDefaults {
  const defaults = config.getOptionalConfig('kratixDynamodb.defaults');
  return {
    namespace: defaults?.getOptionalString('namespace') ?? 'default',
    region: defaults?.getOptionalString('region'),
    deletionPolicy:
      defaults?.getOptionalString('deletionPolicy') ?? DEFAULT_DELETION_POLICY,
  };
}
