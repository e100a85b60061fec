import type { KubeObject } from '../../store/ObjectStore';

export type Component = {
  name: string;
  type: string;
  properties?: any;
  traits?: Array<{ type: string; properties?: any }>;
};

export type Rendered = {
  /** The workload first (the object whose health the component reports), then auxiliaries. */
  objects: KubeObject[];
  workloadDefinition: { apiVersion: string; kind: string };
};

export const COMPONENT_TYPES = ['aws-dynamodb-kratix', 'webservice'];
export const TRAIT_TYPES = ['scaler', 'resource'];

/**
 * What KubeVela's definitions render, for the component types this project uses: the
 * aws-dynamodb-kratix ComponentDefinition (examples/kubevela) and the built-in webservice with
 * its scaler and resource traits. The CUE itself is not evaluated.
 */
export function renderComponent(
  app: KubeObject,
  component: Component,
): Rendered {
  const labels = {
    'app.oam.dev/name': app.metadata.name,
    'app.oam.dev/component': component.name,
    'app.oam.dev/namespace': app.metadata.namespace ?? 'default',
  };
  const metadata = (name: string) => ({
    name,
    namespace: app.metadata.namespace,
    labels: { ...labels },
  });
  if (component.type === 'aws-dynamodb-kratix') {
    const p = component.properties ?? {};
    const spec: Record<string, unknown> = {
      name: p.name,
      region: p.region,
      billingMode: p.billingMode ?? 'PAY_PER_REQUEST',
      attributeDefinitions: p.attributeDefinitions,
      keySchema: p.keySchema,
      deletionPolicy: p.deletionPolicy ?? 'retain',
    };
    for (const optional of [
      'provisionedThroughput',
      'globalSecondaryIndexes',
      'timeToLive',
      'tags',
    ]) {
      if (p[optional] !== undefined) spec[optional] = p[optional];
    }
    return {
      objects: [
        {
          apiVersion: 'dynamodb.kratix.io/v1alpha1',
          kind: 'DynamoDBRequest',
          metadata: metadata(component.name),
          spec,
        },
      ],
      workloadDefinition: {
        apiVersion: 'dynamodb.kratix.io/v1alpha1',
        kind: 'DynamoDBRequest',
      },
    };
  }
  return renderWebservice(component, metadata, labels);
}

function renderWebservice(
  component: Component,
  metadata: (name: string) => KubeObject['metadata'],
  labels: Record<string, string>,
): Rendered {
  const p = component.properties ?? {};
  const trait = (type: string) =>
    component.traits?.find(t => t.type === type)?.properties ?? {};
  const resourceTrait = component.traits?.some(t => t.type === 'resource')
    ? trait('resource')
    : undefined;
  const podLabels = { ...labels, ...(p.labels ?? {}) };
  const limits =
    resourceTrait ??
    (p.cpu || p.memory ? { cpu: p.cpu, memory: p.memory } : undefined);
  const resources = limits && {
    requests: limits.requests ?? { cpu: limits.cpu, memory: limits.memory },
    limits: limits.limits ?? { cpu: limits.cpu, memory: limits.memory },
  };
  const ports: any[] = p.ports ?? [];
  const container: Record<string, unknown> = {
    name: component.name,
    image: p.image,
    ...(ports.length
      ? {
          ports: ports.map(port => ({
            containerPort: port.containerPort ?? port.port,
            name: port.name ?? `port-${port.port}`,
            protocol: port.protocol ?? 'TCP',
          })),
        }
      : {}),
    ...(p.env ? { env: p.env } : {}),
    ...(p.cmd ? { command: p.cmd } : {}),
    ...(p.args ? { args: p.args } : {}),
    ...(p.readinessProbe ? { readinessProbe: p.readinessProbe } : {}),
    ...(p.livenessProbe ? { livenessProbe: p.livenessProbe } : {}),
    ...(resources ? { resources } : {}),
  };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...metadata(component.name),
      ...(p.annotations ? { annotations: p.annotations } : {}),
    },
    spec: {
      replicas: trait('scaler').replicas ?? 1,
      selector: { matchLabels: { 'app.oam.dev/component': component.name } },
      template: {
        metadata: { labels: podLabels },
        spec: { containers: [container] },
      },
    },
  };
  const objects = [deployment];
  // As webservice does: a Service only for the ports marked expose.
  const exposed = ports.filter(port => port.expose);
  if (exposed.length) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(component.name),
      spec: {
        type: p.exposeType ?? 'ClusterIP',
        selector: { 'app.oam.dev/component': component.name },
        ports: exposed.map(port => ({
          name: port.name ?? `port-${port.port}`,
          port: port.port,
          targetPort: port.containerPort ?? port.port,
          protocol: port.protocol ?? 'TCP',
        })),
      },
    });
  }
  return {
    objects,
    workloadDefinition: { apiVersion: 'apps/v1', kind: 'Deployment' },
  };
}
