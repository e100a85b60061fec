import { randomBytes, randomUUID } from 'node:crypto';
import type { StatusCause } from '../errors/ApiError';
import type { KubeObject } from './ObjectStore';

/** Fields the server owns: what a client sends for them on create is ignored. */
export function initialMetadata(object: KubeObject, now: Date): void {
  const meta = object.metadata;
  if (!meta.name && meta.generateName)
    meta.name = meta.generateName + randomSuffix();
  meta.uid = randomUUID();
  meta.creationTimestamp = isoSeconds(now);
  meta.generation = 1;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
}

/** Keeps what a client may not change on update; bumps generation when the desired state changed. */
export function carryOverMetadata(
  next: KubeObject,
  previous: KubeObject,
  statusIsSubresource: boolean,
): void {
  const meta = next.metadata;
  const prev = previous.metadata;
  meta.name = prev.name;
  if (prev.namespace !== undefined) meta.namespace = prev.namespace;
  else delete meta.namespace;
  meta.uid = prev.uid;
  meta.creationTimestamp = prev.creationTimestamp;
  if (prev.deletionTimestamp) {
    meta.deletionTimestamp = prev.deletionTimestamp;
    meta.deletionGracePeriodSeconds = prev.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  const changed = !sameJson(
    desiredState(next, statusIsSubresource),
    desiredState(previous, statusIsSubresource),
  );
  meta.generation = (prev.generation ?? 1) + (changed ? 1 : 0);
}

/** Everything but metadata (and status, when status has its own endpoint) counts as desired state. */
function desiredState(
  object: KubeObject,
  statusIsSubresource: boolean,
): Record<string, unknown> {
  const { metadata: _metadata, status, ...rest } = object;
  return statusIsSubresource ? rest : { ...rest, status };
}

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The apiserver's name check: a DNS subdomain for most kinds, a path segment for the RBAC kinds
 * (so that `system:discovery` is a valid ClusterRole name).
 */
export function validateName(
  name: string | undefined,
  pathSegmentOnly = false,
): StatusCause[] {
  if (name && pathSegmentOnly) {
    const bad =
      name === '.' || name === '..'
        ? `may not be '${name}'`
        : ['/', '%'].find(c => name.includes(c));
    return bad
      ? [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: "${name}": ${
              bad.startsWith('may') ? bad : `may not contain '${bad}'`
            }`,
            field: 'metadata.name',
          },
        ]
      : [];
  }
  if (!name) {
    return [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ];
  }
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        field: 'metadata.name',
      },
    ];
  }
  return [];
}

/**
 * Whether two JSON values are equal as JSON: key order does not matter, and a key whose value is
 * undefined counts as absent (JSON.stringify drops it). Every write compares the object it is
 * given with the stored one, so this walks both instead of serialising them.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
      return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const left = definedKeys(a as Record<string, unknown>);
  const right = definedKeys(b as Record<string, unknown>);
  return (
    left.length === right.length &&
    left.every(key =>
      sameJson(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
      ),
    )
  );
}

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter(key => o[key] !== undefined);
}

export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map(b => alphabet[b % alphabet.length]).join('');
}
