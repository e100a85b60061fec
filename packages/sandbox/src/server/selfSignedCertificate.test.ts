import { X509Certificate } from 'node:crypto';
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
  });
});
