import fs from 'node:fs';
import path from 'node:path';
import { ANNOTATIONS } from '@kratix-dynamodb/common';
import YAML from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

/** A YAML file of the repository (an example request, the Promise), parsed. */
export const readRepoYaml = (file: string) =>
  YAML.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

/** A hand-made catalog entity that links to objects on the sandbox cluster by annotations. */
export const sandboxEntity = (
  kind: string,
  name: string,
  annotations: Record<string, string>,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    annotations: { [ANNOTATIONS.cluster]: 'sandbox', ...annotations },
  },
  spec: {
    type: kind === 'Resource' ? 'dynamodb-table' : 'service',
    owner: 'guests',
    lifecycle: 'production',
  },
});
