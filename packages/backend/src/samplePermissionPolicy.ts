import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';

/**
 * The sample app's policy: everything is allowed, except that setting
 * KRATIX_DYNAMODB_DENY_CREATE=true denies creating DynamoDB requests, so the wizard's
 * permission check can be seen refusing (the browser tests use it).
 */
class SamplePermissionPolicy implements PermissionPolicy {
  readonly #denyCreate: boolean;

  constructor(denyCreate: boolean) {
    this.#denyCreate = denyCreate;
  }

  async handle(request: PolicyQuery): Promise<PolicyDecision> {
    if (
      this.#denyCreate &&
      request.permission.name === kratixDynamoDBRequestCreatePermission.name
    ) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'sample-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(
          new SamplePermissionPolicy(
            process.env.KRATIX_DYNAMODB_DENY_CREATE === 'true',
          ),
        );
      },
    });
  },
});
