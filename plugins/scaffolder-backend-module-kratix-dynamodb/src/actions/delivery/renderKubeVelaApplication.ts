import {
  DYNAMODB_COMPONENT_TYPE,
  DynamoDBRequestSpec,
  entityRefOfClusterObject,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';
import { linkMetadata } from './linkMetadata';
import type { ProbeInput, ServiceInput } from '../inputs/serviceInputs';
import type { Target } from '../inputs/validateTarget';

function renderProbe(probe: ProbeInput, defaultPort: number | undefined) {
  const { path, port, ...timing } = probe;
  return { httpGet: { path, port: port ?? defaultPort }, ...timing };
}

function renderTraits(service: ServiceInput) {
  const traits: { type: string; properties: Record<string, unknown> }[] = [];
  if (service.replicas !== undefined)
    traits.push({ type: 'scaler', properties: { replicas: service.replicas } });
  const resources = Object.fromEntries(
    Object.entries({ cpu: service.cpu, memory: service.memory }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  if (Object.keys(resources).length)
    traits.push({ type: 'resource', properties: resources });
  return traits;
}

/** One KubeVela `webservice` component. */
function renderWebservice(service: ServiceInput) {
  const firstPort = service.ports?.[0]?.port;
  const properties: Record<string, unknown> = { image: service.image };
  if (service.ports?.length) {
    properties.ports = service.ports.map(p => ({
      port: p.port,
      expose: p.expose ?? false,
    }));
  }
  if (service.env?.length) {
    // Containers only see strings, and KubeVela refuses other types here.
    properties.env = service.env.map(v =>
      v.valueFrom
        ? {
            name: v.name,
            valueFrom: {
              secretKeyRef: {
                name: v.valueFrom.secretKeyRef.name,
                key: v.valueFrom.secretKeyRef.key,
              },
            },
          }
        : { name: v.name, value: String(v.value) },
    );
  }
  if (service.readinessProbe)
    properties.readinessProbe = renderProbe(service.readinessProbe, firstPort);
  if (service.livenessProbe)
    properties.livenessProbe = renderProbe(service.livenessProbe, firstPort);
  const traits = renderTraits(service);
  return {
    name: service.name,
    type: 'webservice',
    properties,
    ...(traits.length ? { traits } : {}),
  };
}

/** The Application: the table component first, so readers see what the services depend on. */
export function renderKubeVelaApplication(
  target: Target,
  table: { componentName: string; spec: DynamoDBRequestSpec },
  services: ServiceInput[],
  taskId: string,
): KubernetesObject {
  return {
    apiVersion: `${KUBEVELA_APPLICATION_GVK.group}/${KUBEVELA_APPLICATION_GVK.version}`,
    kind: KUBEVELA_APPLICATION_GVK.kind,
    metadata: linkMetadata(
      target,
      entityRefOfClusterObject({ kind: 'component', ...target }),
      taskId,
    ),
    spec: {
      components: [
        {
          name: table.componentName,
          type: DYNAMODB_COMPONENT_TYPE,
          properties: table.spec,
        },
        ...services.map(renderWebservice),
      ],
    },
  };
}
