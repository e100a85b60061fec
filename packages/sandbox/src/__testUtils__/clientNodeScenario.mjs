// Drives the sandbox with @kubernetes/client-node, the client the plugins use. It runs as its own
// Node process because client-node 1.x is ESM-only, which Jest loads only with
// --experimental-vm-modules; the test reads the JSON this prints.
import * as k8s from '@kubernetes/client-node';

const [kubeconfigPath] = process.argv.slice(2);
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfigPath);
const core = kc.makeApiClient(k8s.CoreV1Api);
const custom = kc.makeApiClient(k8s.CustomObjectsApi);
const target = {
  group: 'example.io',
  version: 'v1',
  namespace: 'default',
  plural: 'widgets',
};
const results = {};
const failure = async promise => {
  try {
    await promise;
    return { code: 0 };
  } catch (error) {
    return {
      code: error.code,
      body:
        typeof error.body === 'string' ? JSON.parse(error.body) : error.body,
    };
  }
};

results.namespaces = (await core.listNamespace()).items.map(
  n => n.metadata.name,
);
results.crdNames = (
  await kc.makeApiClient(k8s.ApiextensionsV1Api).listCustomResourceDefinition()
).items.map(c => c.metadata.name);

const events = [];
const watch = new k8s.Watch(kc);
const list = await custom.listNamespacedCustomObject(target);
const request = await watch.watch(
  '/apis/example.io/v1/namespaces/default/widgets',
  { resourceVersion: list.metadata.resourceVersion },
  (type, object) => events.push([type, object.metadata.name]),
  () => {},
);

const body = {
  apiVersion: 'example.io/v1',
  kind: 'Widget',
  metadata: { name: 'from-client-node' },
  spec: { color: 'red', keys: [] },
};
const created = await custom.createNamespacedCustomObject({ ...target, body });
results.createdGeneration = created.metadata.generation;
results.conflict = await failure(
  custom.replaceNamespacedCustomObject({
    ...target,
    name: 'from-client-node',
    body: {
      ...created,
      metadata: { ...created.metadata, resourceVersion: '1' },
    },
  }),
);
results.invalid = await failure(
  custom.createNamespacedCustomObject({
    ...target,
    body: {
      ...body,
      metadata: { name: 'bad' },
      spec: { color: 'green', keys: [] },
    },
  }),
);
results.notFound = await failure(
  custom.getNamespacedCustomObject({ ...target, name: 'missing' }),
);
const patched = await custom.patchNamespacedCustomObject(
  { ...target, name: 'from-client-node', body: { spec: { size: 5 } } },
  k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
);
results.patchedSize = patched.spec.size;
await custom.deleteNamespacedCustomObject({
  ...target,
  name: 'from-client-node',
});

const deadline = Date.now() + 5000;
while (events.length < 3 && Date.now() < deadline)
  await new Promise(r => setTimeout(r, 50));
request.abort();
results.events = events;
process.stdout.write(JSON.stringify(results));
