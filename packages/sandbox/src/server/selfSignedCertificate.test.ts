import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSelfSignedCertificate } from './selfSignedCertificate';

describe('createSelfSignedCertificate', () => {
  it('makes a CA certificate for 127.0.0.1 and localhost that verifies with its own key', () => {
    const { cert } = createSelfSignedCertificate();
    const x509 = new X509Certificate(cert);

    // Signed by itself: the kubeconfig carries it as the CA.
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkIssued(x509)).toBe(true);
    expect(x509.ca).toBe(true);
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    // For a TLS server (what kubectl checks), for as long as a year.
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(
      Date.now() + 364 * 24 * 3600 * 1000,
    );
  });

  it('uses an ECDSA P-256 key, which takes no noticeable time to make', () => {
    const { key, cert } = createSelfSignedCertificate();
    const privateKey = createPrivateKey(key);

    expect(privateKey.asymmetricKeyType).toBe('ec');
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(new X509Certificate(cert).checkPrivateKey(privateKey)).toBe(true);
  });
});
