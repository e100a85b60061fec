import { MESSAGES, type MessageSchema } from './messageSchemas';
import {
  isZeroField,
  ProtobufDecodeError,
  readFields,
  signedNumber,
  type WireField,
} from './wireReader';

/** Every Kubernetes protobuf body starts with these four bytes, then a runtime.Unknown. */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

export { ProtobufDecodeError };

/**
 * Turns a `application/vnd.kubernetes.protobuf` request body into the JSON object the apiserver
 * would have decoded. kubectl 1.32 sends its typed commands' objects this way and does not
 * retry with JSON on a 415 (checked against a stub server), so reading them is the only way
 * `kubectl create namespace` and friends can work.
 *
 * Fields are written the way Go's `encoding/json` would: zero values dropped (the types use
 * `omitempty`), except Go pointers, whose zero is meaningful (`replicas: 0`).
 */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw new ProtobufDecodeError('missing the k8s protobuf prefix');
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  for (const f of readFields(body.subarray(4))) {
    if (f.number === 1 && f.wire === 'bytes') {
      for (const t of readFields(f.value)) {
        if (t.wire !== 'bytes') continue;
        if (t.number === 1) apiVersion = text(t.value);
        if (t.number === 2) kind = text(t.value);
      }
    } else if (f.number === 2 && f.wire === 'bytes') raw = f.value;
  }
  const schema = MESSAGES[kind];
  if (!schema)
    throw new ProtobufDecodeError(
      `no protobuf decoding for kind ${JSON.stringify(kind)}`,
    );
  return { apiVersion, kind, ...decodeMessage(raw, schema, kind) };
}

function decodeMessage(
  bytes: Uint8Array,
  schema: MessageSchema,
  name: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readFields(bytes)) {
    const spec = schema[f.number];
    if (!spec) {
      if (isZeroField(f)) continue;
      throw new ProtobufDecodeError(
        `field ${f.number} of ${name} is not supported by the sandbox`,
      );
    }
    const [jsonName, declared] = spec;
    const pointer = declared.endsWith('?');
    const repeated = declared.startsWith('[]');
    const type = declared.replace(/^\[\]/, '').replace(/\?$/, '');
    if (type.startsWith('map')) {
      const [key, value] = mapEntry(f, type);
      ((out[jsonName] ??= {}) as Record<string, unknown>)[key] = value;
      continue;
    }
    const value = decodeValue(f, type);
    if (repeated) {
      ((out[jsonName] ??= []) as unknown[]).push(value);
    } else if (pointer || !isZeroValue(value)) {
      out[jsonName] = value;
    }
  }
  return out;
}

function decodeValue(f: WireField, type: string): unknown {
  switch (type) {
    case 's':
      return text(bytesOf(f));
    case 'b':
      return Buffer.from(bytesOf(f)).toString('base64');
    case 'i':
      return signedNumber(varintOf(f));
    case 'bool':
      return varintOf(f) !== 0n;
    case 'time':
      return decodeTime(bytesOf(f));
    case 'ios':
      return decodeIntOrString(bytesOf(f));
    case 'qty':
      return quantity(bytesOf(f));
    default: {
      const schema = MESSAGES[type];
      if (!schema) throw new ProtobufDecodeError(`unknown message ${type}`);
      return decodeMessage(bytesOf(f), schema, type);
    }
  }
}

/** A map field travels as repeated entry messages: key = field 1, value = field 2. */
function mapEntry(f: WireField, type: string): [string, unknown] {
  let key = '';
  let value: unknown = '';
  for (const e of readFields(bytesOf(f))) {
    if (e.number === 1) key = text(bytesOf(e));
    if (e.number === 2) {
      if (type === 'map') value = text(bytesOf(e));
      else if (type === 'mapb')
        value = Buffer.from(bytesOf(e)).toString('base64');
      else value = quantity(bytesOf(e));
    }
  }
  return [key, value];
}

/** meta.v1.Time: seconds (1) and nanos (2); JSON has RFC 3339 at second precision. */
function decodeTime(bytes: Uint8Array): string | null {
  let seconds = 0;
  for (const f of readFields(bytes))
    if (f.number === 1) seconds = signedNumber(varintOf(f));
  if (!bytes.length) return null;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** intstr.IntOrString: type (1; 1 = string), intVal (2), strVal (3). */
function decodeIntOrString(bytes: Uint8Array): number | string {
  let isString = false;
  let intVal = 0;
  let strVal = '';
  for (const f of readFields(bytes)) {
    if (f.number === 1) isString = varintOf(f) === 1n;
    if (f.number === 2) intVal = signedNumber(varintOf(f));
    if (f.number === 3) strVal = text(bytesOf(f));
  }
  return isString ? strVal : intVal;
}

function quantity(bytes: Uint8Array): string {
  for (const f of readFields(bytes))
    if (f.number === 1) return text(bytesOf(f));
  return '0';
}

function isZeroValue(value: unknown): boolean {
  if (value === '' || value === 0 || value === false || value === null)
    return true;
  return (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value as object).length === 0
  );
}

function bytesOf(f: WireField): Uint8Array {
  if (f.wire !== 'bytes')
    throw new ProtobufDecodeError(`field ${f.number}: expected bytes`);
  return f.value;
}

function varintOf(f: WireField): bigint {
  if (f.wire !== 'varint')
    throw new ProtobufDecodeError(`field ${f.number}: expected a varint`);
  return f.value;
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}
