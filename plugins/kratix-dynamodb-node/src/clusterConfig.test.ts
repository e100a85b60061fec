import { ConfigReader } from '@backstage/config';
import { readClusterConfigs } from './clusterConfig';

describe('readClusterConfigs', () => {
  it('reads kratixDynamodb.clusters with each kind of auth', () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        kratixDynamodb: {
          clusters: [
            { name: 'a', url: 'https://a', auth: { serviceAccountToken: 't' }, caData: 'Q0E=' },
            { name: 'b', auth: { kubeconfig: { path: '/k', context: 'ctx' } } },
            { name: 'c', auth: { inCluster: true } },
            { name: 'd', url: 'http://127.0.0.1:1', skipTLSVerify: true },
          ],
        },
      }),
    );
    expect(clusters.map(c => c.auth)).toEqual([
      { type: 'serviceAccountToken', token: 't' },
      { type: 'kubeconfig', path: '/k', context: 'ctx' },
      { type: 'inCluster' },
      { type: 'none' },
    ]);
    expect(clusters[0].caData).toBe('Q0E=');
    expect(clusters[3].skipTLSVerify).toBe(true);
  });

  it('falls back to the Kubernetes plugin config clusters', () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            { type: 'config', clusters: [{ name: 'k', url: 'https://k', serviceAccountToken: 's' }] },
          ],
        },
      }),
    );
    expect(clusters).toEqual([
      { name: 'k', url: 'https://k', auth: { type: 'serviceAccountToken', token: 's' }, caData: undefined, skipTLSVerify: false },
    ]);
  });

  it('refuses two kinds of auth, a missing url and a duplicate name', () => {
    expect(() =>
      readClusterConfigs(new ConfigReader({ kratixDynamodb: { clusters: [
        { name: 'a', url: 'https://a', auth: { serviceAccountToken: 't', inCluster: true } },
      ] } })),
    ).toThrow(/choose one of/);
    expect(() =>
      readClusterConfigs(new ConfigReader({ kratixDynamodb: { clusters: [{ name: 'a' }] } })),
    ).toThrow(/needs a url/);
    expect(() =>
      readClusterConfigs(new ConfigReader({ kratixDynamodb: { clusters: [
        { name: 'a', url: 'https://a' }, { name: 'a', url: 'https://b' },
      ] } })),
    ).toThrow(/configured twice/);
  });

  it('is empty when nothing is configured', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
