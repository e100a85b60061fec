/**
 * The protobuf wire format, read field by field. Only what Kubernetes' gogo-generated messages
 * use: varints (ints, bools), length-delimited fields (strings, bytes, nested messages, map
 * entries) and the fixed-width types for completeness of skipping.
 */

export type WireField =
  | { number: number; wire: 'varint'; value: bigint }
  | { number: number; wire: 'bytes'; value: Uint8Array }
  | { number: number; wire: 'fixed'; value: Uint8Array };

export class ProtobufDecodeError extends Error {}

/** Splits one message's bytes into its fields, in wire order. */
export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= bytes.length)
        throw new ProtobufDecodeError('truncated varint');
      const byte = bytes[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtobufDecodeError('varint too long');
    }
  };
  const take = (length: number): Uint8Array => {
    if (pos + length > bytes.length)
      throw new ProtobufDecodeError('truncated field');
    const slice = bytes.subarray(pos, pos + length);
    pos += length;
    return slice;
  };
  while (pos < bytes.length) {
    const key = Number(varint());
    const number = key >>> 3;
    switch (key & 7) {
      case 0:
        fields.push({ number, wire: 'varint', value: varint() });
        break;
      case 1:
        fields.push({ number, wire: 'fixed', value: take(8) });
        break;
      case 2:
        fields.push({ number, wire: 'bytes', value: take(Number(varint())) });
        break;
      case 5:
        fields.push({ number, wire: 'fixed', value: take(4) });
        break;
      default:
        throw new ProtobufDecodeError(`unsupported wire type ${key & 7}`);
    }
  }
  return fields;
}

/** A varint as a signed 64-bit number (negative int32s are sent sign-extended to 10 bytes). */
export function signedNumber(value: bigint): number {
  return Number(BigInt.asIntN(64, value));
}

/**
 * True when a length-delimited blob reads as a message whose every field holds its zero value.
 * Go's protobuf marshalling writes non-pointer fields even when empty (`""`, `0`, `{}`), so a
 * field the sandbox has no schema for can be skipped safely when, and only when, it is zero.
 */
export function isZeroBlob(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  try {
    return readFields(bytes).every(isZeroField);
  } catch {
    return false;
  }
}

/** True for a field that holds its zero value (see isZeroBlob). */
export function isZeroField(f: WireField): boolean {
  if (f.wire === 'varint') return f.value === 0n;
  if (f.wire === 'bytes') return isZeroBlob(f.value);
  return f.value.every(b => b === 0);
}
