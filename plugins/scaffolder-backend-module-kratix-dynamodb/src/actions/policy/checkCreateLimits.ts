import {
  findRefusingPattern,
  tableNamePrefixProblem,
  type DynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import type { FieldError } from '../inputs/fieldErrors';
import type { CreateLimits } from './createLimits';

/** Namespaces the platform keeps to itself: a table or app there could tamper with its controllers. */
export function checkNamespaceAllowed(
  namespace: string,
  limits: CreateLimits,
): FieldError[] {
  const refusedBy = findRefusingPattern(namespace, limits.refusedNamespaces);
  if (!refusedBy) return [];
  return [
    {
      path: 'namespace',
      message: `'${namespace}' is a system namespace (kratixDynamodb.scaffolder.refusedNamespaces: ${refusedBy}); choose your team's namespace`,
    },
  ];
}

// An image reference: [registry[:port]/]path[:tag][@digest], lowercase path components.
const IMAGE_REFERENCE =
  /^([a-zA-Z0-9.-]+(:\d+)?\/)?[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

/** Whether `image` is on the allow-list; a prefix must end at a separator, so `ghcr.io/acme` never allows `ghcr.io/acme-evil/x`. */
export function isImageAllowed(
  image: string,
  allowedImages: string[],
): boolean {
  return allowedImages.some(entry => {
    if (entry.endsWith('*')) return image.startsWith(entry.slice(0, -1));
    if (/[/:@]$/.test(entry)) return image.startsWith(entry);
    return (
      image === entry ||
      ['/', ':', '@'].some(separator => image.startsWith(entry + separator))
    );
  });
}

/** Each webservice runs only an image from the registries and prefixes the platform team allows. */
export function checkImagesAllowed(
  services: Array<{ image?: unknown }>,
  limits: CreateLimits,
): FieldError[] {
  const errors: FieldError[] = [];
  services.forEach((service, i) => {
    const image = service.image;
    if (typeof image !== 'string' || !image.trim()) return; // validateServices reports it
    const path = `services[${i}].image`;
    if (image.length > 512 || !IMAGE_REFERENCE.test(image)) {
      errors.push({
        path,
        message:
          'must be a container image reference such as registry.example.com/team/app:1.2.3',
      });
    } else if (!isImageAllowed(image, limits.allowedImages)) {
      errors.push({
        path,
        message: `'${image}' is not from an allowed registry; allowed: ${
          limits.allowedImages.join(', ') ||
          '(none: set kratixDynamodb.scaffolder.allowedImages)'
        }`,
      });
    }
  });
  return errors;
}

/** The platform team's capacity caps, so one request cannot run up the account's bill or quota. */
export function checkCapacity(
  spec: DynamoDBRequestSpec,
  limits: CreateLimits,
  prefix = '',
): FieldError[] {
  const caps = limits.capacity;
  const errors: FieldError[] = [];
  const over = (
    path: string,
    value: number | undefined,
    max: number,
    key: string,
  ) => {
    if (value !== undefined && value > max)
      errors.push({
        path: `${prefix}${path}`,
        message: `${value} is over the limit of ${max} (kratixDynamodb.scaffolder.capacity.${key})`,
      });
  };
  over(
    'provisionedThroughput.readCapacityUnits',
    spec.provisionedThroughput?.readCapacityUnits,
    caps.maxReadCapacityUnits,
    'maxReadCapacityUnits',
  );
  over(
    'provisionedThroughput.writeCapacityUnits',
    spec.provisionedThroughput?.writeCapacityUnits,
    caps.maxWriteCapacityUnits,
    'maxWriteCapacityUnits',
  );
  const indexes = spec.globalSecondaryIndexes ?? [];
  if (indexes.length > caps.maxGlobalSecondaryIndexes)
    errors.push({
      path: `${prefix}globalSecondaryIndexes`,
      message: `${indexes.length} indexes are over the limit of ${caps.maxGlobalSecondaryIndexes} (kratixDynamodb.scaffolder.capacity.maxGlobalSecondaryIndexes)`,
    });
  indexes.forEach((index, i) => {
    const at = `globalSecondaryIndexes[${i}].provisionedThroughput`;
    over(
      `${at}.readCapacityUnits`,
      index.provisionedThroughput?.readCapacityUnits,
      caps.maxIndexReadCapacityUnits,
      'maxIndexReadCapacityUnits',
    );
    over(
      `${at}.writeCapacityUnits`,
      index.provisionedThroughput?.writeCapacityUnits,
      caps.maxIndexWriteCapacityUnits,
      'maxIndexWriteCapacityUnits',
    );
  });
  return errors;
}

/** A namespace's table-name prefix, when the platform team sets one, at the input field `path`. */
export function checkTableNamePrefix(
  tableName: string,
  namespace: string,
  limits: CreateLimits,
  path: string,
): FieldError[] {
  const problem = tableNamePrefixProblem(
    limits.tableNamePrefix,
    namespace,
    tableName,
  );
  return problem ? [{ path, message: `'${tableName}' ${problem}` }] : [];
}
