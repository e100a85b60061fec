import { ApiError, badRequest } from '../errors/ApiError';
import { strategicMergePatch } from './strategicMergePatch';

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export function patchTypeOf(contentType: string | undefined): PatchType {
  const type = (contentType ?? '').split(';')[0].trim();
  switch (type) {
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/json-patch+json':
      return 'json';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+json':
      return 'apply';
    default:
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      );
  }
}

/**
 * Applies a patch to a copy of `target`. Strategic merge patches are for built-in kinds only
 * (the API layer answers 415 for custom resources, as the apiserver does). Apply patches are
 * approximated by a JSON merge patch.
 */
export function applyPatch(
  target: unknown,
  patch: unknown,
  type: PatchType,
): any {
  if (type === 'json') return applyJsonPatch(structuredClone(target), patch);
  if (type === 'strategic')
    return strategicMergePatch(
      structuredClone(target),
      patch,
      (target as { kind?: string })?.kind ?? '',
    );
  return mergePatch(structuredClone(target), patch);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

type JsonPatchOp = { op: string; path: string; value?: unknown; from?: string };

function applyJsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations))
    throw badRequest('json patch must be a list of operations');
  let doc = document;
  for (const operation of operations as JsonPatchOp[]) {
    switch (operation.op) {
      case 'add':
        doc = setAt(
          doc,
          pointer(operation.path),
          structuredClone(operation.value),
          'add',
        );
        break;
      case 'replace':
        getAt(doc, pointer(operation.path));
        doc = setAt(
          doc,
          pointer(operation.path),
          structuredClone(operation.value),
          'replace',
        );
        break;
      case 'remove':
        doc = removeAt(doc, pointer(operation.path));
        break;
      case 'test':
        if (
          JSON.stringify(getAt(doc, pointer(operation.path))) !==
          JSON.stringify(operation.value)
        ) {
          throw new ApiError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: testing value ${operation.path} failed`,
          );
        }
        break;
      case 'move':
      case 'copy': {
        const value = structuredClone(
          getAt(doc, pointer(operation.from ?? '')),
        );
        if (operation.op === 'move')
          doc = removeAt(doc, pointer(operation.from ?? ''));
        doc = setAt(doc, pointer(operation.path), value, 'add');
        break;
      }
      default:
        throw badRequest(`unexpected json patch operation "${operation.op}"`);
    }
  }
  return doc;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  return path
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, parts: string[]): unknown {
  let node: any = doc;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !(part in node)) {
      throw new ApiError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: doc is missing path: "/${parts.join(
          '/',
        )}"`,
      );
    }
    node = node[part];
  }
  return node;
}

function setAt(
  doc: unknown,
  parts: string[],
  value: unknown,
  mode: 'add' | 'replace',
): unknown {
  if (parts.length === 0) return value;
  const parent: any = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else {
    parent[last] = value;
  }
  return doc;
}

function removeAt(doc: unknown, parts: string[]): unknown {
  getAt(doc, parts);
  const parent: any = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return doc;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
