/**
 * Writes a field path the way people read it in YAML and JavaScript: `keySchema[1].keyType`,
 * and `tags["aws:owner"]` for map keys that are not plain words.
 */
/** @public A field name or a list position. */
export type PathSegment = string | number | symbol;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** @public */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else {
      const key = String(segment);
      if (PLAIN_KEY.test(key)) path += path ? `.${key}` : key;
      else path += `[${JSON.stringify(key)}]`;
    }
  }
  return path;
}
