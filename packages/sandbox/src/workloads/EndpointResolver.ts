import type { KubeObject } from '../store/ObjectStore';

export type ServicePort = {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
};

/**
 * Whoever runs the workloads (the sandbox's local process runner) tells the service proxy where
 * a Service's pods listen. The contract lives here, beside its implementation, so the proxy in
 * api/ depends on workloads and never the other way round.
 */
export interface EndpointResolver {
  endpointsFor(
    service: KubeObject,
    port: ServicePort,
  ): Array<{ host: string; port: number }>;
}
