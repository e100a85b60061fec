import type { IncomingMessage, ServerResponse } from 'node:http';
import { patchTypeOf } from '../store/applyPatch';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import { storageKey, type ResourceType } from '../store/ResourceType';
import { ApiError, methodNotAllowed, pageNotFound } from '../errors/ApiError';
import { handleWatch } from './handleWatch';
import { listPage } from './listPages';
import type { WatchRegistry } from './WatchRegistry';
import { readObjectBody, sendJson, warningHeaders } from './httpIo';
import {
  combineFilters,
  parseFieldSelector,
  parseLabelSelector,
  pinsOf,
} from './selectors';
import { toTable, wantsTable } from './tableOutput';

export type ResourceRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
};

/** The Kubernetes verb a request maps to, for metrics and dispatch. */
export function verbOf(
  method: string,
  name: string | undefined,
  url: URL,
): string {
  switch (method) {
    case 'GET':
      if (
        url.searchParams.get('watch') === 'true' ||
        url.searchParams.get('watch') === '1'
      )
        return 'watch';
      return name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/** Answers one request on a resource (get, list, watch, create, update, patch, delete) and returns the HTTP code. */
export async function handleResourceRequest(
  ops: ClusterOperations,
  watches: WatchRegistry,
  r: ResourceRequest,
): Promise<number> {
  const { req, res, url, type, namespace, name, subresource } = r;
  if (subresource && subresource !== 'status') throw pageNotFound();
  const verb = verbOf(req.method ?? 'GET', name, url);
  const query = url.searchParams;
  const writeOptions = {
    dryRun: query.getAll('dryRun').includes('All'),
    fieldValidation: query.get('fieldValidation') ?? undefined,
    subresource: subresource as 'status' | undefined,
  };
  const filter = combineFilters(
    parseLabelSelector(query.get('labelSelector')),
    parseFieldSelector(query.get('fieldSelector')),
    name && verb === 'watch'
      ? (o: KubeObject) => o.metadata.name === name
      : () => true,
  );
  const pins = pinsOf(query);
  const reply = (code: number, object: unknown, warnings: string[] = []) => {
    sendJson(res, code, object, warningHeaders(warnings));
    return code;
  };

  switch (verb) {
    case 'get': {
      const object = ops.get(type, namespace, name!);
      return reply(
        200,
        wantsTable(req.headers.accept)
          ? toTable(
              type,
              [object],
              object.metadata.resourceVersion ?? '',
              query.get('includeObject'),
            )
          : object,
      );
    }
    case 'list': {
      const { items, metadata } = listPage(
        ops.list(type, namespace, filter, pins),
        query,
        ops.store,
        Boolean(query.get('labelSelector') || query.get('fieldSelector')),
      );
      if (wantsTable(req.headers.accept)) {
        const table = toTable(
          type,
          items,
          metadata.resourceVersion,
          query.get('includeObject'),
        );
        return reply(200, { ...table, metadata });
      }
      const apiVersion = type.group
        ? `${type.group}/${type.version}`
        : type.version;
      return reply(200, {
        kind: type.listKind,
        apiVersion,
        metadata,
        items,
      });
    }
    case 'watch':
      handleWatch(ops, watches, {
        req,
        res,
        url,
        type,
        namespace,
        filter,
        pins: name ? { ...pins, name } : pins,
        key: storageKey(type),
      });
      return 200;
    case 'create': {
      if (name) throw methodNotAllowed();
      const result = ops.create(
        type,
        namespace,
        await readObjectBody(req),
        writeOptions,
      );
      return reply(201, result.object, result.warnings);
    }
    case 'update': {
      if (!name) throw methodNotAllowed();
      const result = ops.update(
        type,
        namespace,
        name,
        await readObjectBody(req),
        writeOptions,
      );
      return reply(200, result.object, result.warnings);
    }
    case 'patch': {
      if (!name) throw methodNotAllowed();
      const patchType = patchTypeOf(req.headers['content-type']);
      if (patchType === 'strategic' && type.crdName)
        // Custom resources have no patch merge keys, so the apiserver refuses this media type.
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
        );
      const result = ops.patch(
        type,
        namespace,
        name,
        await readObjectBody(req),
        patchType,
        writeOptions,
      );
      return reply(result.created ? 201 : 200, result.object, result.warnings);
    }
    case 'delete': {
      if (subresource) throw methodNotAllowed();
      await readObjectBody(req); // DeleteOptions: propagation is always background here
      return reply(
        200,
        ops.delete(type, namespace, name!, { dryRun: writeOptions.dryRun }),
      );
    }
    case 'deletecollection': {
      await readObjectBody(req);
      const items = ops.list(type, namespace, filter);
      const deleted = items.map(o =>
        ops.delete(type, o.metadata.namespace, o.metadata.name, {
          dryRun: writeOptions.dryRun,
        }),
      );
      return reply(200, {
        kind: type.listKind,
        apiVersion: deleted[0]?.apiVersion ?? 'v1',
        metadata: {},
        items: deleted,
      });
    }
    default:
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource`,
      );
  }
}
