/**
 * Kubernetes' DNS-1123 label: the rule for namespaces and, here, for object names too, because
 * the name also becomes a label value and a catalog entity name, and both allow 63 characters.
 */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LENGTH = 63;

/** Undefined when valid, else what is wrong in words a form user understands. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length === 0) return 'is required';
  if (value.length > MAX_LENGTH)
    return `must be at most ${MAX_LENGTH} characters (it is ${value.length})`;
  if (!DNS_1123_LABEL.test(value)) {
    return 'must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  }
  return undefined;
}
