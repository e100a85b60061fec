import {
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  namedBits,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der';

export type ServerCredentials = { token: string; key: string; cert: string };

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
};

const extension = (oid: string, critical: boolean, value: Buffer) =>
  sequence(
    objectIdentifier(oid),
    ...(critical ? [boolean(true)] : []),
    octetString(value),
  );

/**
 * A certificate for 127.0.0.1/localhost, signed by itself (it is its own CA, which the kubeconfig
 * carries). The sandbox needs TLS at all only because kubectl never sends a bearer token over
 * plain HTTP. The key is ECDSA P-256: making one takes well under a millisecond, where the
 * RSA-2048 key it replaced took 100-170 ms of CPU, paid by each of the 72 sandboxes the test
 * suite starts. node:crypto makes the key and the signature; der.ts writes the certificate.
 */
export function createSelfSignedCertificate(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  const name = sequence(
    set(
      sequence(
        objectIdentifier(OID.commonName),
        utf8String('kratix-dynamodb-sandbox'),
      ),
    ),
  );
  const signatureAlgorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const tbsCertificate = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(Buffer.concat([Buffer.from([1]), randomBytes(8)])),
    signatureAlgorithm,
    name,
    sequence(
      time(new Date(Date.now() - 60_000)),
      time(new Date(Date.now() + 365 * 24 * 3600 * 1000)),
    ),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence(boolean(true))),
        // digitalSignature (0) and keyCertSign (5)
        extension(OID.keyUsage, true, namedBits([0, 5])),
        extension(
          OID.extKeyUsage,
          false,
          sequence(objectIdentifier(OID.serverAuth)),
        ),
        extension(
          OID.subjectAltName,
          false,
          sequence(
            implicit(7, Buffer.from([127, 0, 0, 1])), // iPAddress
            implicit(2, Buffer.from('localhost')), // dNSName
          ),
        ),
      ),
    ),
  );
  const certificate = sequence(
    tbsCertificate,
    signatureAlgorithm,
    bitString(sign('sha256', tbsCertificate, privateKey)),
  );
  const base64 = certificate.toString('base64').replace(/.{64}/g, '$&\n');
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
  };
}

/**
 * The token and certificate: reused from the state folder when there is one, so clients keep
 * working across restarts; new ones otherwise.
 */
export function loadOrCreateCredentials(
  persistDir: string | undefined,
  token: string | undefined,
): ServerCredentials {
  const file = persistDir && path.join(persistDir, 'credentials.json');
  if (file && fs.existsSync(file)) {
    const saved = JSON.parse(
      fs.readFileSync(file, 'utf8'),
    ) as ServerCredentials;
    if (
      new Date(new X509Certificate(saved.cert).validTo).getTime() >
      Date.now() + 86_400_000
    ) {
      return { ...saved, token: token ?? saved.token };
    }
  }
  const credentials = {
    token: token ?? randomBytes(24).toString('hex'),
    ...createSelfSignedCertificate(),
  };
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  }
  return credentials;
}
