import type { ServerResponse } from 'node:http';
import type { Authorizer, RequestAttributes } from '../auth/authorizer';
import type { UserInfo } from '../auth/identities';
import type { ResourceType } from '../store/ResourceType';
import { invalid } from '../errors/ApiError';
import { sendJson } from './httpIo';

/**
 * The create-only review kinds, answered and never stored: SelfSubjectAccessReview (`kubectl
 * auth can-i`), SubjectAccessReview and LocalSubjectAccessReview (for a named user and
 * groups), SelfSubjectRulesReview (`auth can-i --list`) and SelfSubjectReview (`auth whoami`).
 */
export function handleReview(
  authorizer: Authorizer,
  caller: UserInfo,
  type: ResourceType,
  namespace: string | undefined,
  body: any,
  res: ServerResponse,
): number {
  const spec = body?.spec ?? {};
  let status: Record<string, unknown>;
  switch (type.kind) {
    case 'SelfSubjectReview':
      status = { userInfo: caller };
      break;
    case 'SelfSubjectRulesReview':
      status = authorizer.rulesFor(caller, spec.namespace);
      break;
    case 'SelfSubjectAccessReview':
      status = decide(authorizer, caller, type, spec, body);
      break;
    default: {
      // (Local)SubjectAccessReview: exactly the user and groups the spec names.
      const subject: UserInfo = {
        username: spec.user ?? '',
        groups: spec.groups ?? [],
        ...(spec.uid ? { uid: spec.uid } : {}),
      };
      if (type.kind === 'LocalSubjectAccessReview' && spec.resourceAttributes)
        spec.resourceAttributes.namespace = namespace;
      status = decide(authorizer, subject, type, spec, body);
    }
  }
  sendJson(res, 201, {
    kind: type.kind,
    apiVersion: `${type.group}/${type.version}`,
    metadata: { ...(namespace ? { namespace } : {}), ...body?.metadata },
    ...(type.kind === 'SelfSubjectReview' ? {} : { spec }),
    status,
  });
  return 201;
}

function decide(
  authorizer: Authorizer,
  user: UserInfo,
  type: ResourceType,
  spec: any,
  body: any,
): Record<string, unknown> {
  const resource = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  if (Boolean(resource) === Boolean(nonResource))
    throw invalid(type, body?.metadata?.name ?? '', [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.resourceAttributes',
        message:
          'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
      },
    ]);
  const attributes: RequestAttributes = resource
    ? {
        user,
        verb: resource.verb ?? '',
        resourceRequest: true,
        apiGroup: resource.group ?? '',
        resource: resource.resource ?? '',
        subresource: resource.subresource || undefined,
        namespace: resource.namespace || undefined,
        name: resource.name || undefined,
      }
    : {
        user,
        verb: nonResource.verb ?? '',
        resourceRequest: false,
        path: nonResource.path ?? '',
      };
  const decision = authorizer.authorize(attributes);
  return {
    allowed: decision.allowed,
    ...(decision.reason ? { reason: decision.reason } : {}),
  };
}
