/**
 * What a card viewer who may not read the cluster objects does not get to see in the status
 * texts: the addresses, identities and AWS accounts that controller messages, API errors and
 * health bodies carry (an ACK condition quotes the role ARN it assumed; a 403 names the
 * service account; a /ready body may print the pod's IP). Each is replaced by a marker that
 * says what was there, so the text still explains the fault.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // Every ARN, whatever the partition: it names the account and the role or resource.
  [/\barn:aws[a-z-]*:[^\s"'`,;)\]}]+/g, '[arn]'],
  // Access key ids (long-term AKIA, temporary ASIA).
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '[access key]'],
  // A Kubernetes service account as the API server names it in refusals.
  [
    /\bsystem:serviceaccount:[a-z0-9][a-z0-9.-]*:[a-z0-9][a-z0-9.-]*/g,
    'system:serviceaccount:[service account]',
  ],
  // A service account as a manifest field names it (`serviceAccountName: x`).
  [
    /\b(serviceAccount(?:Name)?["']?\s*[:=]\s*["']?)[a-z0-9][a-z0-9.-]*/g,
    '$1[service account]',
  ],
  // Cluster-internal and cloud-internal host names.
  [
    /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:svc(?:\.cluster\.local)?|cluster\.local|internal|compute\.internal|ec2\.internal)\b/gi,
    '[internal host]',
  ],
  // IPv4 addresses, with a port if any.
  [
    /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5})?\b/g,
    '[ip]',
  ],
  // IPv6 addresses: with `::` and a group beside it, or eight groups (times like 12:30:45
  // have neither).
  [
    /(?:\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}\b)?/gi,
    '[ip]',
  ],
  [/\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  // A bare AWS account id: twelve digits on their own.
  [/(?<![\d.])\d{12}(?![\d.])/g, '[account]'],
];

/** The text with every address, identity and account replaced by its marker. */
export function redactText(text: string): string {
  return PATTERNS.reduce(
    (redacted, [pattern, marker]) => redacted.replace(pattern, marker),
    text,
  );
}
