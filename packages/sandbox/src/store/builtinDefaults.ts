import type { KubeObject } from './ObjectStore';

let nextClusterIp = 10;

/**
 * The defaulting the real API server does for the built-in kinds this project writes, so that
 * `kubectl get svc` and the plugins see the fields they expect (cluster IP, port protocol, replicas).
 */
export function applyBuiltinDefaults(
  object: KubeObject,
  isCreate: boolean,
): void {
  switch (object.kind) {
    case 'Namespace':
      object.spec = { finalizers: ['kubernetes'], ...object.spec };
      if (isCreate || !object.status?.phase)
        object.status = { phase: 'Active' };
      return;
    case 'Service': {
      const spec = (object.spec ??= {});
      spec.type ??= 'ClusterIP';
      if (isCreate && !spec.clusterIP) {
        spec.clusterIP = `10.96.${Math.floor(nextClusterIp / 250)}.${
          (nextClusterIp % 250) + 1
        }`;
        nextClusterIp++;
        spec.clusterIPs = [spec.clusterIP];
      }
      spec.sessionAffinity ??= 'None';
      for (const port of spec.ports ?? []) {
        port.protocol ??= 'TCP';
        port.targetPort ??= port.port;
      }
      object.status ??= { loadBalancer: {} };
      return;
    }
    case 'Secret':
      object.type ??= 'Opaque';
      return;
    case 'Deployment': {
      const spec = (object.spec ??= {});
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      };
      return;
    }
    default:
      return;
  }
}
