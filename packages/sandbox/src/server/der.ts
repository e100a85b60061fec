/**
 * The few DER (ASN.1) encodings a self-signed X.509 certificate needs. Each function returns
 * one complete element: tag, length, contents.
 */

function element(tag: number, contents: Buffer): Buffer {
  const length = contents.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from(header), contents]);
}

export const sequence = (...items: Buffer[]) =>
  element(0x30, Buffer.concat(items));

export const set = (...items: Buffer[]) => element(0x31, Buffer.concat(items));

/** An explicitly tagged element: `[n] EXPLICIT`. */
export const explicit = (n: number, item: Buffer) => element(0xa0 + n, item);

/** A context-specific primitive element: `[n] IMPLICIT` of a string or octets. */
export const implicit = (n: number, contents: Buffer) =>
  element(0x80 + n, contents);

export const boolean = (value: boolean) =>
  element(0x01, Buffer.from([value ? 0xff : 0]));

/** A non-negative INTEGER from its big-endian bytes. */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  // A leading 1 bit would read as negative.
  return element(
    0x02,
    trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed,
  );
}

export const smallInteger = (value: number) =>
  unsignedInteger(Buffer.from([value]));

export function objectIdentifier(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) base128.unshift(0x80 | (v & 0x7f));
    bytes.push(...base128);
  }
  return element(0x06, Buffer.from(bytes));
}

export const utf8String = (text: string) =>
  element(0x0c, Buffer.from(text, 'utf8'));

export const octetString = (contents: Buffer) => element(0x04, contents);

/** A BIT STRING of whole bytes. */
export const bitString = (contents: Buffer) =>
  element(0x03, Buffer.concat([Buffer.from([0]), contents]));

/** A KeyUsage-style BIT STRING: bit 0 is the first (most significant) bit. */
export function namedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unused = 7 - (highest & 7);
  return element(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** UTCTime before 2050 and GeneralizedTime from then on, as RFC 5280 asks. */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? element(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : element(0x18, Buffer.from(`${iso}Z`));
}
