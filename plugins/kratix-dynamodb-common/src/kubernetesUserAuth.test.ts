import {
  kubernetesUserTokenHeader,
  readKubernetesUserTokens,
} from './kubernetesUserAuth';

describe('the user-token headers', () => {
  it('names them as the Kubernetes plugin does, and reads them back in any case', () => {
    const okta = kubernetesUserTokenHeader({
      authProvider: 'oidc',
      oidcTokenProvider: 'Okta',
    });
    expect(okta).toBe('backstage-kubernetes-authorization-oidc-okta');
    expect(kubernetesUserTokenHeader({ authProvider: 'google' })).toBe(
      'backstage-kubernetes-authorization-google',
    );
    expect(
      readKubernetesUserTokens({
        'Backstage-Kubernetes-Authorization-Oidc-Okta': 'a',
        'backstage-kubernetes-authorization-google': 'Bearer g',
        'backstage-kubernetes-authorization-aks': ['k'],
      }),
    ).toEqual({ oidc: { okta: 'a' }, google: 'g', aks: 'k' });
  });

  it("never takes the caller's Backstage token or another header as a cluster credential", () => {
    expect(
      readKubernetesUserTokens({
        authorization: 'Bearer backstage-token',
        'backstage-kubernetes-authorization-': 'x',
        'backstage-kubernetes-authorization-oidc-': 'x',
        'backstage-kubernetes-authorization-vault': 'x',
        'backstage-kubernetes-authorization-google': '',
      }),
    ).toEqual({});
  });

  it('refuses to name an oidc header without its token provider', () => {
    expect(() => kubernetesUserTokenHeader({ authProvider: 'oidc' })).toThrow(
      /names its oidcTokenProvider/,
    );
  });
});
