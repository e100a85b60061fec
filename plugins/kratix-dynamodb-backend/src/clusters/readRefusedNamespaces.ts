import type { Config } from '@backstage/config';
import { DEFAULT_REFUSED_NAMESPACES } from '@kratix-dynamodb/common';

/** The namespaces the scaffolder refuses to create in; the wizard's routes refuse them too. */
export function readRefusedNamespaces(config: Config): readonly string[] {
  return (
    config.getOptionalStringArray(
      'kratixDynamodb.scaffolder.refusedNamespaces',
    ) ?? DEFAULT_REFUSED_NAMESPACES
  );
}
