import { useApi } from '@backstage/core-plugin-api';
import { useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { kratixUserTokensApiRef } from '../../api/KratixUserTokensApi';

/**
 * For a chosen cluster that acts as each user, stores the user's own token as a task secret
 * under the header's name (`backstage-kubernetes-authorization-…`), where the kratix actions
 * read it (`ctx.secrets`) to create as this user. Secrets travel with the task but are never
 * shown, logged nor kept with it. Other clusters store nothing. Answers why the token could
 * not be had, if it could not.
 */
export function useUserTokenSecret(cluster: string | undefined) {
  const userTokens = useApi(kratixUserTokensApiRef);
  const { setSecrets } = useTemplateSecrets();
  const { error } = useAsync(async () => {
    if (!cluster) return;
    const headers = await userTokens.headersFor(cluster);
    if (Object.keys(headers).length > 0) setSecrets(headers);
  }, [cluster, userTokens, setSecrets]);
  return error;
}
