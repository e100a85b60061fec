import type { KubeObject } from '../store/ObjectStore';
import type { PrinterColumn, ResourceType } from '../store/ResourceType';
import { evaluateJsonPath } from './jsonPath';

type Column = PrinterColumn & { cell: (o: KubeObject) => unknown };

/** True when the client (kubectl get) asked for a `meta.k8s.io/v1 Table`. */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

/** The server-side printing kubectl get relies on: CRD printer columns or the built-in kinds' columns. */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  resourceVersion: string,
  includeObject: string | null,
): Record<string, unknown> {
  const columns = columnsFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map(
      ({ cell: _cell, jsonPath: _path, ...definition }) => ({
        description: definition.description ?? '',
        priority: definition.priority ?? 0,
        format: definition.format ?? (definition.name === 'Name' ? 'name' : ''),
        ...definition,
      }),
    ),
    rows: objects.map(o => ({
      cells: columns.map(c => c.cell(o)),
      ...rowObject(o, includeObject),
    })),
  };
}

function rowObject(
  o: KubeObject,
  includeObject: string | null,
): Record<string, unknown> {
  if (includeObject === 'None') return {};
  if (includeObject === 'Object') return { object: o };
  return {
    object: {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: o.metadata,
    },
  };
}

const nameColumn: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  jsonPath: '.metadata.name',
  description: 'Name must be unique within a namespace.',
  cell: o => o.metadata.name,
};
const ageColumn: Column = {
  name: 'Age',
  type: 'string',
  jsonPath: '.metadata.creationTimestamp',
  cell: o => age(o.metadata.creationTimestamp),
};

function column(
  name: string,
  cell: (o: KubeObject) => unknown,
  priority = 0,
): Column {
  return { name, type: 'string', jsonPath: '', priority, cell };
}

function columnsFor(type: ResourceType): Column[] {
  if (type.crdName) {
    if (!type.printerColumns?.length) return [nameColumn, ageColumn];
    return [nameColumn, ...type.printerColumns.map(printerColumn)];
  }
  switch (type.kind) {
    case 'Namespace':
      return [
        nameColumn,
        column('Status', o => o.status?.phase ?? ''),
        ageColumn,
      ];
    case 'Service':
      return [
        nameColumn,
        column('Type', o => o.spec?.type ?? 'ClusterIP'),
        column('Cluster-IP', o => o.spec?.clusterIP ?? '<none>'),
        column('External-IP', () => '<none>'),
        column(
          'Port(s)',
          o =>
            (o.spec?.ports ?? [])
              .map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}`)
              .join(',') || '<none>',
        ),
        ageColumn,
        column(
          'Selector',
          o =>
            Object.entries(o.spec?.selector ?? {})
              .map(([k, v]) => `${k}=${v}`)
              .join(',') || '<none>',
          1,
        ),
      ];
    case 'Deployment':
      return [
        nameColumn,
        column(
          'Ready',
          o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`,
        ),
        column('Up-to-date', o => o.status?.updatedReplicas ?? 0),
        column('Available', o => o.status?.availableReplicas ?? 0),
        ageColumn,
      ];
    case 'Event':
      return [
        column('Last Seen', o =>
          age(
            (o.lastTimestamp as string | undefined) ??
              o.metadata.creationTimestamp,
          ),
        ),
        column('Type', o => o.type ?? ''),
        column('Reason', o => o.reason ?? ''),
        column(
          'Object',
          o =>
            `${String((o.involvedObject as any)?.kind ?? '').toLowerCase()}/${
              (o.involvedObject as any)?.name ?? ''
            }`,
        ),
        column('Message', o => o.message ?? ''),
      ];
    case 'CustomResourceDefinition':
      return [
        nameColumn,
        column('Created At', o => o.metadata.creationTimestamp ?? ''),
      ];
    default:
      return [nameColumn, ageColumn];
  }
}

function printerColumn(pc: PrinterColumn): Column {
  return {
    ...pc,
    cell: o => {
      const values = evaluateJsonPath(o, pc.jsonPath);
      if (!values.length) return null;
      if (pc.type === 'date') return age(String(values[0]));
      if (values.length === 1) return values[0];
      return values
        .map(v => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
        .join(',');
    },
  };
}

/** kubectl's "human duration": 45s, 3m12s, 5h, 2d3h, 40d. */
export function age(timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(
    0,
    Math.floor((Date.now() - Date.parse(timestamp)) / 1000),
  );
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (seconds < 120) return `${seconds}s`;
  if (minutes < 10)
    return seconds % 60 ? `${minutes}m${seconds % 60}s` : `${minutes}m`;
  if (minutes < 180) return `${minutes}m`;
  if (hours < 8)
    return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 ? `${days}d${hours % 24}h` : `${days}d`;
  return `${days}d`;
}
