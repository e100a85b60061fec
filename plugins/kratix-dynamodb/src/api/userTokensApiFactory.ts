import {
  discoveryApiRef,
  fetchApiRef,
  gitlabAuthApiRef,
  googleAuthApiRef,
  microsoftAuthApiRef,
  oktaAuthApiRef,
  oneloginAuthApiRef,
} from '@backstage/core-plugin-api';
import { kratixUserTokensApiRef } from './KratixUserTokensApi';
import { KratixUserTokensClient } from './KratixUserTokensClient';

/**
 * The default user-token API of both frontend systems: google and aks from Google's and
 * Microsoft's auth APIs, and as `oidcTokenProvider` the names the Kubernetes plugin knows by
 * default. An app with another OpenID Connect provider overrides this API with its own
 * `oidcProviders` map.
 */
export const kratixUserTokensApiFactoryOptions = {
  api: kratixUserTokensApiRef,
  deps: {
    discoveryApi: discoveryApiRef,
    fetchApi: fetchApiRef,
    gitlabAuthApi: gitlabAuthApiRef,
    googleAuthApi: googleAuthApiRef,
    microsoftAuthApi: microsoftAuthApiRef,
    oktaAuthApi: oktaAuthApiRef,
    oneloginAuthApi: oneloginAuthApiRef,
  },
  factory: ({
    discoveryApi,
    fetchApi,
    gitlabAuthApi,
    googleAuthApi,
    microsoftAuthApi,
    oktaAuthApi,
    oneloginAuthApi,
  }: {
    discoveryApi: typeof discoveryApiRef.T;
    fetchApi: typeof fetchApiRef.T;
    gitlabAuthApi: typeof gitlabAuthApiRef.T;
    googleAuthApi: typeof googleAuthApiRef.T;
    microsoftAuthApi: typeof microsoftAuthApiRef.T;
    oktaAuthApi: typeof oktaAuthApiRef.T;
    oneloginAuthApi: typeof oneloginAuthApiRef.T;
  }) =>
    new KratixUserTokensClient({
      discoveryApi,
      fetchApi,
      googleAuthApi,
      microsoftAuthApi,
      oidcProviders: {
        gitlab: gitlabAuthApi,
        google: googleAuthApi,
        microsoft: microsoftAuthApi,
        okta: oktaAuthApi,
        onelogin: oneloginAuthApi,
      },
    }),
};
