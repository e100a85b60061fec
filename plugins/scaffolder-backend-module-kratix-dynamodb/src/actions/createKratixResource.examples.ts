import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (input: Record<string, unknown>) =>
  stringify({
    steps: [
      {
        id: 'create',
        action: 'kratix:resource:create',
        name: 'Request a bucket',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'A request of the object-bucket Promise from a spec, waiting for its workflow',
    example: step({
      promise: 'object-bucket',
      cluster: 'sandbox',
      namespace: 'team-a',
      name: 'assets',
      owner: 'group:default/team-a',
      spec: {
        name: 'team-a-assets',
        quota: '10Gi',
        versioning: true,
        retention: { days: 30, mode: 'COMPLIANCE' },
      },
      waitForReady: true,
      timeoutSeconds: 120,
    }),
  },
  {
    description:
      "What a template generated from a Promise runs: the spec read from the form's values",
    example: step({
      promise: 'object-bucket',
      cluster: '${{ parameters.cluster }}',
      namespace: '${{ parameters.namespace }}',
      name: '${{ parameters.requestName }}',
      owner: '${{ parameters.owner }}',
      formValues: '${{ parameters }}',
    }),
  },
  {
    description:
      'Written to the workspace for a GitOps publish step instead of applied',
    example: step({
      promise: 'object-bucket',
      cluster: 'sandbox',
      name: 'assets',
      spec: { name: 'team-a-assets', quota: 1073741824 },
      delivery: 'workspace',
      targetPath: 'kratix/assets.yaml',
    }),
  },
];
