import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyPatch, patchTypeOf } from '../store/applyPatch';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import type { ResourceType } from '../store/ResourceType';
import { badRequest, conflict, methodNotAllowed } from '../errors/ApiError';
import { readObjectBody, sendJson } from './httpIo';

/**
 * The `scale` subresource of Deployments (`kubectl scale`): an `autoscaling/v1` Scale read
 * from, and written back to, the Deployment's `spec.replicas`. The selector is reported in its
 * string form, as the apiserver does for HPA's use.
 */
export async function handleScale(
  ops: ClusterOperations,
  type: ResourceType,
  namespace: string,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  const deployment = ops.get(type, namespace, name);
  const current = toScale(deployment);
  if (req.method === 'GET') {
    sendJson(res, 200, current);
    return 200;
  }
  let wanted: any;
  if (req.method === 'PUT') wanted = await readObjectBody(req);
  else if (req.method === 'PATCH')
    wanted = applyPatch(
      current,
      await readObjectBody(req),
      patchTypeOf(req.headers['content-type']),
    );
  else throw methodNotAllowed();
  const sent = wanted?.metadata?.resourceVersion;
  if (sent && sent !== deployment.metadata.resourceVersion)
    throw conflict(type, name);
  const replicas = wanted?.spec?.replicas ?? 0;
  if (!Number.isInteger(replicas) || replicas < 0)
    throw badRequest(`spec.replicas: Invalid value: ${replicas}`);
  const result = ops.patch(
    type,
    namespace,
    name,
    { spec: { replicas } },
    'merge',
    { dryRun: new URL(req.url ?? '/', 'http://x').searchParams.has('dryRun') },
  );
  sendJson(res, 200, toScale(result.object));
  return 200;
}

function toScale(deployment: KubeObject): Record<string, unknown> {
  const { name, namespace, uid, resourceVersion, creationTimestamp } =
    deployment.metadata;
  const labels: Record<string, string> =
    deployment.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: deployment.spec?.replicas ?? 1 },
    status: {
      replicas: deployment.status?.replicas ?? 0,
      selector: Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}
