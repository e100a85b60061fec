/** A DynamoDB LastEvaluatedKey for this table: string attributes only. */
export type PageKey = Record<string, string>;

/** Raised for a nextToken the client tampered with or took from another listing. */
export class InvalidPageTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPageTokenError';
  }
}

/** Opaque to clients: base64url of the LastEvaluatedKey JSON. */
export function encodePageToken(key: PageKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a token and checks it has exactly the key attributes this listing
 * produces, so DynamoDB never sees a foreign ExclusiveStartKey (which it would
 * reject with an error we could not tell apart from a real fault).
 */
export function decodePageToken(
  token: string,
  expectedAttributes: readonly string[],
): PageKey {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) {
    throw new InvalidPageTokenError('nextToken is not valid base64url');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPageTokenError('nextToken does not decode to JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidPageTokenError('nextToken does not decode to a key');
  }
  const entries = Object.entries(parsed);
  const names = entries.map(([name]) => name).sort();
  const expected = [...expectedAttributes].sort();
  const sameShape =
    names.length === expected.length &&
    names.every((name, i) => name === expected[i]) &&
    entries.every(([, value]) => typeof value === 'string' && value !== '');
  if (!sameShape) {
    throw new InvalidPageTokenError(
      'nextToken does not belong to this listing',
    );
  }
  return parsed as PageKey;
}
