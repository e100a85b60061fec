import { generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export type ServerCredentials = { token: string; key: string; cert: string };

/**
 * A certificate for 127.0.0.1/localhost, signed by itself (it is its own CA, which the kubeconfig
 * carries). The sandbox needs TLS at all only because kubectl never sends a bearer token over
 * plain HTTP. node:crypto makes the key and the signature; forge only assembles the certificate.
 * (forge's own RSA signing is pure JavaScript and takes 7-10 s inside Jest's VM, which every
 * test that starts a sandbox paid.)
 */
export function createSelfSignedCertificate(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: 'kratix-dynamodb-sandbox' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      digitalSignature: true,
      keyEncipherment: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  signWithNodeCrypto(cert, privateKey);
  return { key: keyPem, cert: forge.pki.certificateToPem(cert) };
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
      forge.pki.certificateFromPem(saved.cert).validity.notAfter.getTime() >
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

/** What forge's `cert.sign` does, with the RSA operation done natively. */
function signWithNodeCrypto(
  cert: forge.pki.Certificate,
  privateKey: KeyObject,
): void {
  const signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  const fields = cert as forge.pki.Certificate & {
    signatureOid: string;
    tbsCertificate: forge.asn1.Asn1;
  };
  fields.signatureOid = signatureOid;
  fields.siginfo.algorithmOid = signatureOid;
  // getTBSCertificate is public in forge but missing from its type declarations.
  const pki = forge.pki as typeof forge.pki & {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  fields.tbsCertificate = pki.getTBSCertificate(cert);
  const tbs = Buffer.from(
    forge.asn1.toDer(fields.tbsCertificate).getBytes(),
    'binary',
  );
  fields.signature = sign('sha256', tbs, privateKey).toString('binary');
}
