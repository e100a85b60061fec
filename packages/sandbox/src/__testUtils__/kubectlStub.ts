import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export type StubRequest = { method: string; url: string; contentType: string };

/**
 * A plain-HTTP server that answers every write with the apiserver's 415 for protobuf (and 404
 * for the rest), and records what it was sent: it shows what kubectl does after a 415, which
 * a server that can read protobuf never reveals.
 */
export async function startUnsupportedMediaTypeStub(dir: string): Promise<{
  kubeconfig: string;
  requests: StubRequest[];
  close: () => Promise<void>;
}> {
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const contentType = req.headers['content-type'] ?? '';
      requests.push({ method: req.method!, url: req.url!, contentType });
      const unsupported = req.method === 'POST' && /protobuf/.test(contentType);
      const code = unsupported ? 415 : 404;
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: unsupported
            ? 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml'
            : 'the server could not find the requested resource',
          reason: unsupported ? 'UnsupportedMediaType' : 'NotFound',
          code,
        }),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = path.join(dir, 'stub-kubeconfig');
  fs.writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: stub, cluster: {server: "http://127.0.0.1:${port}"}}]`,
      'users: [{name: stub, user: {}}]',
      'contexts: [{name: stub, context: {cluster: stub, user: stub, namespace: default}}]',
      'current-context: stub',
      '',
    ].join('\n'),
  );
  return {
    kubeconfig,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
