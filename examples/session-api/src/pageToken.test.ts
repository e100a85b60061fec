import {
  InvalidPageTokenError,
  decodePageToken,
  encodePageToken,
} from './pageToken.ts';

describe('page tokens', () => {
  it('round-trips a LastEvaluatedKey as URL-safe text', () => {
    const key = { id: 'a1b2', userId: 'team/ops+1' };
    const token = encodePageToken(key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, ['userId', 'id'])).toEqual(key);
  });

  it.each([
    ['not base64url', '***'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['a missing attribute', encodePageToken({ id: 'a' })],
    [
      'a non-string value',
      Buffer.from('{"id":1,"userId":"u"}').toString('base64url'),
    ],
    ['an empty value', encodePageToken({ id: '', userId: 'u' })],
  ])('rejects a token that is %s', (_, token) => {
    expect(() => decodePageToken(token, ['id', 'userId'])).toThrow(
      InvalidPageTokenError,
    );
  });
});
