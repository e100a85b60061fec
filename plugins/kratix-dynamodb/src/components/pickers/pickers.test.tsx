import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  kratixClustersApiRef,
  type KratixClustersApi,
} from '../../api/KratixClustersApi';
import {
  kratixUserTokensApiRef,
  type KratixUserTokensApi,
} from '../../api/KratixUserTokensApi';
import {
  SecretsContextProvider,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import { KratixClusterPicker } from './KratixClusterPicker';
import { KubernetesNamespacePicker } from './KubernetesNamespacePicker';

const fieldProps = (overrides: Record<string, unknown>): any => ({
  schema: { title: 'Field' },
  uiSchema: {},
  rawErrors: [],
  onChange: jest.fn(),
  formContext: { formData: { cluster: 'sandbox' } },
  ...overrides,
});

const field = (name: string) =>
  document.querySelector(`[data-field="${name}"]`) as HTMLInputElement;

/** A per-user cluster `okta-cluster`; every other cluster needs no user token. */
const userTokens: KratixUserTokensApi = {
  headersFor: async (cluster): Promise<Record<string, string>> =>
    cluster === 'okta-cluster'
      ? { 'backstage-kubernetes-authorization-oidc-okta': 'alice-id-token' }
      : {},
};

/** Shows the task's secrets, as the scaffolder would send them with the task. */
function SecretsShown() {
  const { secrets } = useTemplateSecrets();
  return <pre data-testid="secrets">{JSON.stringify(secrets)}</pre>;
}

function render(api: Partial<KratixClustersApi>, element: JSX.Element) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kratixClustersApiRef, api as KratixClustersApi],
        [kratixUserTokensApiRef, userTokens],
      ]}
    >
      <SecretsContextProvider>
        {element}
        <SecretsShown />
      </SecretsContextProvider>
    </TestApiProvider>,
  );
}

describe('KratixClusterPicker', () => {
  it('offers the clusters the backend allows, and takes the only one', async () => {
    const onChange = jest.fn();
    await render(
      { listClusters: async () => ['sandbox'] },
      <KratixClusterPicker {...fieldProps({ onChange })} />,
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('sandbox'));
    expect(screen.getByRole('option', { name: 'sandbox' })).toBeInTheDocument();
  });

  it('says so when the user may create on no cluster', async () => {
    await render(
      { listClusters: async () => [] },
      <KratixClusterPicker {...fieldProps({})} />,
    );
    expect(
      await screen.findByText(/You may not create on any cluster/),
    ).toBeInTheDocument();
  });

  it("keeps the user's token as a task secret for a cluster that acts as each user", async () => {
    const clusters = { listClusters: async () => ['okta-cluster', 'sandbox'] };
    await render(
      clusters,
      <KratixClusterPicker {...fieldProps({ formData: 'okta-cluster' })} />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('secrets').textContent).toBe(
        '{"backstage-kubernetes-authorization-oidc-okta":"alice-id-token"}',
      ),
    );
  });

  it('keeps no secret for a cluster read with the backend identity', async () => {
    const headersFor = jest.spyOn(userTokens, 'headersFor');
    await render(
      { listClusters: async () => ['okta-cluster', 'sandbox'] },
      <KratixClusterPicker {...fieldProps({ formData: 'sandbox' })} />,
    );
    await waitFor(() => expect(headersFor).toHaveBeenCalledWith('sandbox'));
    expect(screen.getByTestId('secrets').textContent).toBe('{}');
  });
});

describe('KubernetesNamespacePicker', () => {
  it("offers the chosen cluster's namespaces", async () => {
    const listNamespaces = jest.fn(async () => ['default', 'team-a']);
    await render(
      { listNamespaces },
      <KubernetesNamespacePicker {...fieldProps({ formData: 'team-a' })} />,
    );
    expect(
      await screen.findByRole('option', { name: 'team-a' }),
    ).toBeInTheDocument();
    expect(field('KubernetesNamespacePicker').tagName).toBe('SELECT');
    expect(listNamespaces).toHaveBeenCalledWith('sandbox');
  });

  it('asks for text when the namespaces cannot be listed', async () => {
    const refused = new Error(
      "Not permitted to list namespaces on cluster 'sandbox'",
    );
    await render(
      { listNamespaces: async () => Promise.reject(refused) },
      <KubernetesNamespacePicker {...fieldProps({ formData: 'default' })} />,
    );
    expect(await screen.findByText(/could not be listed/)).toBeInTheDocument();
    expect(field('KubernetesNamespacePicker').tagName).toBe('INPUT');
    expect(field('KubernetesNamespacePicker').value).toBe('default');
  });
});
