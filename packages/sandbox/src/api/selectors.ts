import { badRequest } from '../errors/ApiError';
import type { KubeObject, LabelPin, ListPins } from '../store/ObjectStore';

type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/** One object predicate built from `labelSelector` and `fieldSelector` query parameters. */
export type ObjectFilter = (object: KubeObject) => boolean;

/**
 * Parses a label selector as the apiserver does: `a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, comma-separated (commas inside parentheses belong to the set).
 */
export function parseLabelSelector(selector: string | null): ObjectFilter {
  if (!selector?.trim()) return () => true;
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return object => {
    const labels = object.metadata.labels ?? {};
    return requirements.every(r => {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      switch (r.op) {
        case 'exists':
          return has;
        case '!exists':
          return !has;
        case 'in':
          return has && r.values.includes(labels[r.key]);
        case 'notin':
          return !has || !r.values.includes(labels[r.key]);
        default:
          return false;
      }
    });
  };
}

/** Field selectors: `a.b=c`, `a.b==c`, `a.b!=c` on any dotted path (metadata.name, involvedObject.uid…). */
export function parseFieldSelector(selector: string | null): ObjectFilter {
  if (!selector?.trim()) return () => true;
  const terms = selector.split(',').map(term => {
    const match = /^\s*([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(term);
    if (!match)
      throw badRequest(
        `invalid selector: '${selector}'; can't understand '${term}'`,
      );
    return {
      path: match[1].split('.'),
      negate: match[2] === '!=',
      value: match[3],
    };
  });
  return object =>
    terms.every(t => {
      let node: any = object;
      for (const part of t.path) node = node?.[part];
      const actual = node === undefined || node === null ? '' : String(node);
      return t.negate ? actual !== t.value : actual === t.value;
    });
}

/**
 * What a request's selectors pin down: the one name a field selector allows (`metadata.name=x`)
 * and one `key=value` the label selector requires.
 */
export function pinsOf(query: URLSearchParams): ListPins {
  return {
    name: nameInFieldSelector(query.get('fieldSelector')),
    label: labelInSelector(query.get('labelSelector')),
  };
}

function nameInFieldSelector(selector: string | null): string | undefined {
  for (const term of selector?.split(',') ?? []) {
    const match = /^\s*metadata\.name\s*(==|=)\s*(.*?)\s*$/.exec(term);
    if (match) return match[2];
  }
  return undefined;
}

function labelInSelector(selector: string | null): LabelPin | undefined {
  if (!selector?.trim()) return undefined;
  for (const r of splitTopLevel(selector).map(parseRequirement)) {
    if (r.op === 'in' && r.values.length === 1)
      return { key: r.key, value: r.values[0] };
  }
  return undefined;
}

export function combineFilters(...filters: ObjectFilter[]): ObjectFilter {
  return object => filters.every(f => f(object));
}

function parseRequirement(term: string): Requirement {
  const text = term.trim();
  let match = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (match) {
    return {
      key: match[1],
      op: match[2] as 'in' | 'notin',
      values: match[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    };
  }
  match = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/.exec(text);
  if (match) {
    return match[2] === '!='
      ? { key: match[1], op: 'notin', values: [match[3]] }
      : { key: match[1], op: 'in', values: [match[3]] };
  }
  match = /^(!?)\s*([^\s!=()]+)$/.exec(text);
  if (match) return { key: match[2], op: match[1] ? '!exists' : 'exists' };
  throw badRequest(
    `unable to parse requirement: found '${text}', expected: in, notin, =, ==, !=, gt, lt`,
  );
}

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.filter(p => p.trim());
}
