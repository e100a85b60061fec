import type { FieldError } from './fieldErrors';
import { dns1123LabelProblem } from './kubernetesNames';
import type { ProbeInput, ServiceInput } from './serviceInputs';

// Kubernetes resource quantities, e.g. 250m, 0.5, 1 (CPU) and 256Mi, 1G (memory).
const CPU_QUANTITY = /^(\d+m|\d+(\.\d+)?)$/;
const MEMORY_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/;
// Environment variable names as Kubernetes accepts them.
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const MAX_REPLICAS = 100;

const isPort = (port: unknown) =>
  Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535;

function checkProbe(
  probe: ProbeInput | undefined,
  path: string,
  errors: FieldError[],
) {
  if (!probe) return;
  if (typeof probe.path !== 'string' || !probe.path.startsWith('/')) {
    errors.push({
      path: `${path}.path`,
      message: 'must be an HTTP path starting with "/", e.g. /ready',
    });
  }
  if (probe.port !== undefined && !isPort(probe.port)) {
    errors.push({
      path: `${path}.port`,
      message: 'must be a port number from 1 to 65535',
    });
  }
  for (const field of ['initialDelaySeconds', 'periodSeconds'] as const) {
    const value = probe[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      errors.push({
        path: `${path}.${field}`,
        message: 'must be a whole number of seconds, 0 or more',
      });
    }
  }
}

const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/** An environment variable has a value or names a Secret key, not both. */
function envSourceProblems(
  variable: NonNullable<ServiceInput['env']>[number],
  path: string,
): FieldError[] {
  const ref = variable.valueFrom?.secretKeyRef;
  if ((variable.value === undefined) === (ref === undefined))
    return [{ path, message: 'needs either value or valueFrom.secretKeyRef' }];
  if (!ref) return [];
  const errors: FieldError[] = [];
  const nameProblem = dns1123LabelProblem(ref.name ?? '');
  if (nameProblem)
    errors.push({
      path: `${path}.valueFrom.secretKeyRef.name`,
      message: nameProblem,
    });
  if (!SECRET_KEY.test(ref.key ?? ''))
    errors.push({
      path: `${path}.valueFrom.secretKeyRef.key`,
      message: 'must be a Secret key: letters, digits, "-", "_" and "."',
    });
  return errors;
}

function checkService(
  service: ServiceInput,
  path: string,
  errors: FieldError[],
) {
  const nameProblem = dns1123LabelProblem(service.name ?? '');
  if (nameProblem) errors.push({ path: `${path}.name`, message: nameProblem });
  if (!service.image?.trim())
    errors.push({
      path: `${path}.image`,
      message: 'is required: the container image',
    });
  (service.ports ?? []).forEach((port, i) => {
    if (!isPort(port.port))
      errors.push({
        path: `${path}.ports[${i}].port`,
        message: 'must be a port number from 1 to 65535',
      });
  });
  const envNames = new Set<string>();
  (service.env ?? []).forEach((variable, i) => {
    if (!ENV_NAME.test(variable.name ?? '')) {
      errors.push({
        path: `${path}.env[${i}].name`,
        message:
          'must be an environment variable name: letters, digits, "_", "-" and ".", not starting with a digit',
      });
    } else if (envNames.has(variable.name)) {
      errors.push({
        path: `${path}.env[${i}].name`,
        message: `'${variable.name}' is set twice`,
      });
    }
    envNames.add(variable.name);
    errors.push(...envSourceProblems(variable, `${path}.env[${i}]`));
  });
  checkProbe(service.readinessProbe, `${path}.readinessProbe`, errors);
  checkProbe(service.livenessProbe, `${path}.livenessProbe`, errors);
  const probeWithoutPort = [service.readinessProbe, service.livenessProbe].some(
    p => p && p.port === undefined,
  );
  if (probeWithoutPort && !(service.ports ?? []).length) {
    errors.push({
      path: `${path}.ports`,
      message:
        'is required when a probe gives no port: the probe uses the first port',
    });
  }
  if (
    service.replicas !== undefined &&
    !(
      Number.isInteger(service.replicas) &&
      service.replicas >= 0 &&
      service.replicas <= MAX_REPLICAS
    )
  ) {
    errors.push({
      path: `${path}.replicas`,
      message: `must be a whole number from 0 to ${MAX_REPLICAS}`,
    });
  }
  if (service.cpu !== undefined && !CPU_QUANTITY.test(service.cpu)) {
    errors.push({
      path: `${path}.cpu`,
      message: 'must be a CPU quantity such as 250m or 0.5',
    });
  }
  if (service.memory !== undefined && !MEMORY_QUANTITY.test(service.memory)) {
    errors.push({
      path: `${path}.memory`,
      message: 'must be a memory quantity such as 256Mi or 1Gi',
    });
  }
}

/**
 * Every problem with the webservice components, and component names that clash with each
 * other or with the table component (KubeVela needs them unique within an Application).
 */
export function validateServices(
  services: ServiceInput[],
  tableComponentName: string | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const taken = new Map<string, string>();
  if (tableComponentName) taken.set(tableComponentName, 'table.componentName');
  services.forEach((service, i) => {
    const path = `services[${i}]`;
    checkService(service, path, errors);
    const earlier = taken.get(service.name);
    if (service.name && earlier) {
      errors.push({
        path: `${path}.name`,
        message: `'${service.name}' is already the name of ${earlier}: component names must be unique`,
      });
    } else if (service.name) {
      taken.set(service.name, `${path}.name`);
    }
  });
  return errors;
}
