/**
 * Strategic merge patch (`application/strategic-merge-patch+json`) for the built-in kinds, as
 * apimachinery's strategicpatch applies it: maps merge; lists with a patch merge key merge
 * element by element (`$patch: delete` removes one, `$patch: replace` replaces the list);
 * lists of primitives with the merge strategy are unioned (`$deleteFromPrimitiveList/<field>`
 * removes values); `$setElementOrder/<field>` orders the result; `$retainKeys` drops the
 * other keys; every other list is atomic and replaced. The merge keys come from the Go types'
 * `patchMergeKey` tags for the fields the sandbox's built-in kinds have.
 */

const PRIMITIVE_UNION = Symbol('union');
type MergeKey = string | typeof PRIMITIVE_UNION | undefined;

const BY_NAME = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'volumes',
  'imagePullSecrets',
  'env',
]);

function mergeKeyFor(kind: string, path: string[]): MergeKey {
  const field = path[path.length - 1];
  if (BY_NAME.has(field)) return 'name';
  if (field === 'secrets' && kind === 'ServiceAccount') return 'name';
  if (field === 'ports') return kind === 'Service' ? 'port' : 'containerPort';
  if (field === 'conditions') return 'type';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'volumeDevices') return 'devicePath';
  if (field === 'hostAliases') return 'ip';
  if (path.length === 2 && path[0] === 'metadata') {
    if (field === 'finalizers') return PRIMITIVE_UNION;
    if (field === 'ownerReferences') return 'uid';
  }
  return undefined;
}

export function strategicMergePatch(
  target: unknown,
  patch: unknown,
  kind: string,
): unknown {
  return mergeMap(target, patch, [], kind);
}

function mergeMap(
  target: unknown,
  patch: unknown,
  path: string[],
  kind: string,
): unknown {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return withoutDirectives(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const at = [...path, key];
    let merged: unknown;
    if (value === null) merged = undefined;
    else if (Array.isArray(value))
      merged = mergeList(result[key], value, at, kind);
    else if (isObject(value)) merged = mergeMap(result[key], value, at, kind);
    else merged = value;
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  for (const [key, value] of Object.entries(patch)) {
    const field = key.slice(key.indexOf('/') + 1);
    if (key.startsWith('$deleteFromPrimitiveList/') && Array.isArray(value))
      result[field] = asList(result[field]).filter(v => !value.includes(v));
    if (key.startsWith('$setElementOrder/') && Array.isArray(value))
      result[field] = ordered(
        asList(result[field]),
        value,
        mergeKeyFor(kind, [...path, field]),
      );
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain))
    for (const key of Object.keys(result))
      if (!retain.includes(key)) delete result[key];
  return result;
}

function mergeList(
  target: unknown,
  patch: unknown[],
  path: string[],
  kind: string,
): unknown[] {
  const key = mergeKeyFor(kind, path);
  const replace = patch.some(i => isObject(i) && i.$patch === 'replace');
  if (key === undefined || replace)
    return patch
      .filter(i => !(isObject(i) && i.$patch === 'replace'))
      .map(withoutDirectives);
  const result = [...asList(target)];
  if (key === PRIMITIVE_UNION) {
    for (const item of patch) if (!result.includes(item)) result.push(item);
    return result;
  }
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex(e => isObject(e) && e[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeMap(result[index], item, path, kind);
    } else {
      result.push(mergeMap(undefined, item, path, kind));
    }
  }
  return result;
}

/** The elements `order` names, in its order, then the others as they were. */
function ordered(list: unknown[], order: unknown[], key: MergeKey): unknown[] {
  const identity = (item: unknown) =>
    typeof key === 'string' && isObject(item) ? item[key] : item;
  const wanted = order.map(identity);
  const named = wanted
    .map(id => list.find(item => identity(item) === id))
    .filter(item => item !== undefined);
  return [...named, ...list.filter(item => !wanted.includes(identity(item)))];
}

function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDirectives);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('$'))
      .map(([key, v]) => [key, withoutDirectives(v)]),
  );
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
