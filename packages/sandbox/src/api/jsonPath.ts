/**
 * The subset of Kubernetes JSONPath that printer columns use: `.a.b`, escaped dots (`a\.b`),
 * `[0]`, `[*]` and filters `[?(@.type=="Ready")]`. Returns every match.
 */
export function evaluateJsonPath(root: unknown, expression: string): unknown[] {
  let nodes: unknown[] = [root];
  for (const step of tokenize(
    expression.replace(/^\{|\}$/g, '').replace(/^\$/, ''),
  )) {
    nodes = nodes.flatMap(node => applyStep(node, step));
  }
  return nodes.filter(n => n !== undefined);
}

type Step =
  | { field: string }
  | { index: number }
  | { all: true }
  | { filter: { path: string[]; value: string } };

function tokenize(expression: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (ch === '.') {
      i++;
      let field = '';
      while (
        i < expression.length &&
        expression[i] !== '.' &&
        expression[i] !== '['
      ) {
        if (expression[i] === '\\' && i + 1 < expression.length) i++;
        field += expression[i++];
      }
      if (field) steps.push({ field });
    } else if (ch === '[') {
      const end = expression.indexOf(']', i);
      const inner = expression.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? expression.length : end + 1;
      const filter = /^\?\(@\.([\w.]+)\s*==\s*["']?([^"')]*)["']?\)$/.exec(
        inner,
      );
      if (inner === '*') steps.push({ all: true });
      else if (filter)
        steps.push({
          filter: { path: filter[1].split('.'), value: filter[2] },
        });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else steps.push({ field: inner.replace(/^['"]|['"]$/g, '') });
    } else {
      i++;
    }
  }
  return steps;
}

function applyStep(node: unknown, step: Step): unknown[] {
  if (node === null || node === undefined) return [];
  if ('field' in step) return [(node as Record<string, unknown>)[step.field]];
  if ('index' in step) return Array.isArray(node) ? [node[step.index]] : [];
  if ('all' in step) {
    if (Array.isArray(node)) return node;
    return typeof node === 'object' ? Object.values(node as object) : [];
  }
  if (!Array.isArray(node)) return [];
  return node.filter(item => {
    let value: any = item;
    for (const part of step.filter.path) value = value?.[part];
    return value !== undefined && String(value) === step.filter.value;
  });
}
