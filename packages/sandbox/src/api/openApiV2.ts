/**
 * `/openapi/v2`, as an empty Swagger 2.0 document. kubectl 1.32 reads it (as gnostic protobuf,
 * `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`) in exactly one place: the
 * client-side validation of a `kind: List` file, which it cannot hand to the server. A document
 * without definitions makes kubectl skip the per-item check ("resource not present, skip
 * validation"); each item is then still sent with `fieldValidation=Strict`, so the server's own
 * checks still apply. Without any document kubectl refuses the file outright.
 */
const TITLE = 'Kubernetes';
const VERSION = 'v1.32.0';

export function openApiV2(accept: string | undefined): {
  contentType: string;
  body: Buffer;
} {
  if (accept?.includes('protobuf')) {
    // openapi.v2.Document{swagger: 1, info: 2 = Info{title: 1, version: 2}}
    const info = Buffer.concat([field(1, TITLE), field(2, VERSION)]);
    return {
      // The apiserver answers with the dotted form: Go's mime parser rejects the '@' kubectl asks with.
      contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
      body: Buffer.concat([field(1, '2.0'), field(2, info)]),
    };
  }
  return {
    contentType: 'application/json',
    body: Buffer.from(
      JSON.stringify({
        swagger: '2.0',
        info: { title: TITLE, version: VERSION },
        paths: {},
        definitions: {},
      }),
    ),
  };
}

/** One length-delimited protobuf field (lengths here stay below 128: a one-byte varint). */
function field(number: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
}
