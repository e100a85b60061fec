import { ConfigReader } from '@backstage/config';
import { readCatalogLocatorOptions } from './catalogClusters';
import { readClusterConfigs } from './clusterConfig';

const own = (clusters: object[]) =>
  readClusterConfigs(
    new ConfigReader({ kratixDynamodb: { clusters } } as ConstructorParameters<
      typeof ConfigReader
    >[0]),
  );

describe('readClusterConfigs', () => {
  it('reads kratixDynamodb.clusters with each kind of auth', () => {
    const clusters = own([
      {
        name: 'a',
        url: 'https://a',
        auth: { serviceAccountToken: 't' },
        caData: 'Q0E=',
      },
      { name: 'b', auth: { kubeconfig: { path: '/k', context: 'ctx' } } },
      { name: 'c', auth: { inCluster: true } },
      {
        name: 'd',
        url: 'https://d',
        authProvider: 'aws',
        authMetadata: {
          'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/r',
        },
        caFile: '/ca.pem',
      },
      { name: 'e', authProvider: 'localKubectlProxy' },
    ]);
    expect(clusters.map(c => c.auth)).toEqual([
      {
        type: 'provider',
        provider: 'serviceAccount',
        metadata: { serviceAccountToken: 't' },
      },
      { type: 'kubeconfig', path: '/k', context: 'ctx' },
      { type: 'inCluster' },
      {
        type: 'provider',
        provider: 'aws',
        metadata: { 'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/r' },
      },
      { type: 'provider', provider: 'localKubectlProxy', metadata: {} },
    ]);
    expect(clusters[0].caData).toBe('Q0E=');
    expect(clusters[3].caFile).toBe('/ca.pem');
    expect(clusters[4].url).toBe('http://localhost:8001');
  });

  it("reads the Kubernetes plugin's config clusters with every field it honours, legacy ones included", () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'k',
                  url: 'https://k',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 's',
                  caFile: '/ca',
                  skipTLSVerify: true,
                },
                {
                  name: 'eks',
                  url: 'https://eks',
                  authProvider: 'aws',
                  assumeRole: 'arn:r',
                  externalId: 'x',
                  authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod' },
                },
              ],
            },
            { type: 'localKubectlProxy' },
          ],
        },
      }),
    );
    expect(clusters).toEqual([
      {
        name: 'k',
        url: 'https://k',
        auth: {
          type: 'provider',
          provider: 'serviceAccount',
          metadata: { serviceAccountToken: 's' },
        },
        caData: undefined,
        caFile: '/ca',
        skipTLSVerify: true,
      },
      {
        name: 'eks',
        url: 'https://eks',
        auth: {
          type: 'provider',
          provider: 'aws',
          metadata: {
            'kubernetes.io/x-k8s-aws-id': 'prod',
            'kubernetes.io/aws-assume-role': 'arn:r',
            'kubernetes.io/aws-external-id': 'x',
          },
        },
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: false,
      },
      {
        name: 'local',
        url: 'http://localhost:8001',
        auth: { type: 'provider', provider: 'localKubectlProxy', metadata: {} },
        skipTLSVerify: false,
      },
    ]);
  });

  it('never makes an anonymous client by omission: no auth, two kinds of auth, a missing url, a duplicate name', () => {
    expect(() => own([{ name: 'a', url: 'https://a' }])).toThrow(
      /cluster 'a': set exactly one of/,
    );
    expect(() =>
      own([
        {
          name: 'a',
          url: 'https://a',
          auth: { serviceAccountToken: 't', inCluster: true },
        },
      ]),
    ).toThrow(/set exactly one of/);
    expect(() => own([{ name: 'a', authProvider: 'aws' }])).toThrow(
      /needs a url/,
    );
    expect(() =>
      own([
        { name: 'a', url: 'https://a', authProvider: 'aws' },
        { name: 'a', url: 'https://b', authProvider: 'aws' },
      ]),
    ).toThrow(/configured twice/);
    expect(() =>
      readClusterConfigs(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              { type: 'config', clusters: [{ name: 'k', url: 'https://k' }] },
            ],
          },
        }),
      ),
    ).toThrow(/kubernetes cluster 'k' has no authProvider/);
  });

  it('refuses the gke locator and unknown locators at start-up rather than ignoring them', () => {
    const locators = (type: string) =>
      new ConfigReader({
        kubernetes: { clusterLocatorMethods: [{ type, projectId: 'p' }] },
      });
    expect(() => readClusterConfigs(locators('gke'))).toThrow(
      /the 'gke' locator is not supported by kratix-dynamodb .*List those clusters under kratixDynamodb.clusters/,
    );
    expect(() => readClusterConfigs(locators('rancher'))).toThrow(
      /unknown locator type 'rancher'/,
    );
    // The catalog locator gives no clusters here: the backend plugin asks the catalog at run time.
    expect(readClusterConfigs(locators('catalog'))).toEqual([]);
    expect(readCatalogLocatorOptions(locators('catalog'))).toEqual({
      dangerouslyAllowClusterUrls: [],
      dangerouslyAllowSkipTLSVerify: false,
    });
    expect(readCatalogLocatorOptions(locators('config'))).toBeUndefined();
  });

  it('is empty when nothing is configured', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
