import { KubernetesObject } from '@kratix-dynamodb/node';

/**
 * The labels KubeVela's application controller puts on every resource it renders for a
 * component (kubevela `pkg/oam/labels.go`: LabelAppName, LabelAppComponent).
 */
export const KUBEVELA_APP_LABEL = 'app.oam.dev/name';
export const KUBEVELA_COMPONENT_LABEL = 'app.oam.dev/component';

export const SERVICE_GVK = { group: '', version: 'v1', kind: 'Service' };

/**
 * Why this Service may not be probed for the Application, or undefined when it may: it must
 * be the one KubeVela rendered for that Application's component of the same name. The
 * component's name alone is only a claim; any Service in the namespace could carry it.
 */
export function notOfApplicationReason(
  service: KubernetesObject | undefined,
  target: { namespace: string; service: string; application: string },
): string | undefined {
  const where = `${target.namespace}/${target.service}`;
  if (!service) return `There is no Service ${where}`;
  const labels = service.metadata.labels ?? {};
  if (
    labels[KUBEVELA_APP_LABEL] === target.application &&
    labels[KUBEVELA_COMPONENT_LABEL] === target.service
  ) {
    return undefined;
  }
  return (
    `The Service ${where} was not made by KubeVela for the Application ${target.application} ` +
    `(its labels ${KUBEVELA_APP_LABEL}=${
      labels[KUBEVELA_APP_LABEL] ?? '(none)'
    }, ${KUBEVELA_COMPONENT_LABEL}=${
      labels[KUBEVELA_COMPONENT_LABEL] ?? '(none)'
    }), so it is not probed`
  );
}
