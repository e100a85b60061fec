import type { FaultSettings } from '../../faults/FaultSettings';
import type { ClusterOperations } from '../../store/ClusterOperations';
import type { KubeObject } from '../../store/ObjectStore';
import type { ResourceType } from '../../store/ResourceType';
import { ReconcileLoop } from '../../reconcile/ReconcileLoop';
import { installCrd } from '../installCrd';
import { objectKey, splitKey } from '../../reconcile/objectKeys';
import { setFinalizer, writeStatus } from '../../reconcile/statusWrites';
import {
  describedTableStatus,
  recoverableStatus,
  terminalStatus,
  type AckIdentity,
} from './ackStatus';
import { AwsApiError, DynamoDbApi } from './DynamoDbApi';
import { tableCreateInput } from './tableCreateInput';

const TABLES = 'tables.dynamodb.services.k8s.aws';
const FINALIZER = 'finalizers.dynamodb.services.k8s.aws/Table';
const BAD_TOKEN = new AwsApiError(
  'UnrecognizedClientException',
  'The security token included in the request is invalid.',
  400,
);
/** AWS answers that mean the request itself is wrong; ACK marks these Terminal. */
const TERMINAL_CODES = new Set([
  'ValidationException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
]);

export type AckOptions = {
  dynamodbEndpoint: string;
  region: string;
  accountId: string;
  createTableMs: number;
};

/**
 * Plays the ACK DynamoDB controller against dynalite: finalizer, CreateTable, DescribeTable until
 * ACTIVE, ACK's conditions, the deletion policy, and the two ways missing credentials show.
 */
export class AckTableController {
  readonly #loop: ReconcileLoop;
  #unsubscribe?: () => void;
  #unwatchFaults?: () => void;
  tablesCreated = 0;
  tablesDeleted = 0;

  constructor(
    private readonly ops: ClusterOperations,
    private readonly faults: FaultSettings,
    private readonly options: AckOptions,
    log: (line: string) => void,
  ) {
    this.#loop = new ReconcileLoop('ack', key => this.#reconcile(key), log);
  }

  start(): void {
    installCrd(this.ops, 'ack-dynamodb-tables.yaml');
    this.#unsubscribe = this.ops.store.subscribe(event => {
      if (event.key === TABLES) this.#loop.enqueue(objectKey(event.object));
    });
    this.#unwatchFaults = this.faults.onChange((now, before) => {
      if (now.ackNoCredentials !== before.ackNoCredentials) this.#resyncAll();
    });
    this.#resyncAll();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unwatchFaults?.();
    await this.#loop.stop();
  }

  metrics(): Record<string, unknown> {
    return {
      reconciles: this.#loop.reconciles,
      errors: this.#loop.errors,
      tablesCreated: this.tablesCreated,
      tablesDeleted: this.tablesDeleted,
    };
  }

  #resyncAll(): void {
    for (const t of this.ops.store.list(TABLES))
      this.#loop.enqueue(objectKey(t));
  }

  async #reconcile(key: string): Promise<number | void> {
    const credentials = this.faults.get().ackNoCredentials;
    if (credentials === 'no-status') return undefined; // the controller is crash-looping: nothing happens
    const type = this.ops.registry.byKind('dynamodb.services.k8s.aws', 'Table');
    const { namespace, name } = splitKey(key);
    const table = type && this.ops.tryGet(type, namespace, name);
    if (!type || !table) return undefined;
    const identity = this.#identity(table);
    const api = new DynamoDbApi(this.options.dynamodbEndpoint, identity.region);

    if (table.metadata.deletionTimestamp)
      return this.#finalize(
        type,
        table,
        api,
        identity,
        credentials === 'recoverable',
      );
    const current =
      setFinalizer(this.ops, type, table, FINALIZER, true) ?? table;
    if (credentials === 'recoverable') {
      writeStatus(
        this.ops,
        type,
        current,
        recoverableStatus(
          current.status,
          identity,
          BAD_TOKEN.ackMessage,
          'DescribeTable',
        ),
      );
      return 5000;
    }
    try {
      let description = await this.#describe(api, current.spec.tableName);
      if (!description) {
        description = (
          await api.call('CreateTable', tableCreateInput(current.spec))
        ).TableDescription;
        this.tablesCreated++;
      }
      const latest = this.ops.tryGet(type, namespace, name);
      if (!latest || latest.metadata.deletionTimestamp) return 0;
      writeStatus(
        this.ops,
        type,
        latest,
        describedTableStatus(latest.status, identity, description),
      );
      return description.TableStatus === 'ACTIVE'
        ? undefined
        : Math.max(100, Math.min(1000, this.options.createTableMs / 4));
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      const latest = this.ops.tryGet(type, namespace, name);
      if (!latest) return undefined;
      if (TERMINAL_CODES.has(error.code)) {
        writeStatus(
          this.ops,
          type,
          latest,
          terminalStatus(latest.status, identity, error.ackMessage),
        );
        return undefined;
      }
      writeStatus(
        this.ops,
        type,
        latest,
        recoverableStatus(
          latest.status,
          identity,
          error.ackMessage,
          'CreateTable',
        ),
      );
      return 5000;
    }
  }

  async #finalize(
    type: ResourceType,
    table: KubeObject,
    api: DynamoDbApi,
    identity: AckIdentity,
    noCredentials: boolean,
  ): Promise<number | void> {
    if (!table.metadata.finalizers?.includes(FINALIZER)) return undefined;
    const retain =
      table.metadata.annotations?.['services.k8s.aws/deletion-policy'] ===
      'retain';
    if (!retain) {
      if (noCredentials) {
        // Without credentials ACK cannot delete the AWS table, so the finalizer stays.
        writeStatus(
          this.ops,
          type,
          table,
          recoverableStatus(
            table.status,
            identity,
            BAD_TOKEN.ackMessage,
            'DeleteTable',
          ),
        );
        return 5000;
      }
      try {
        await api.call('DeleteTable', { TableName: table.spec.tableName });
        this.tablesDeleted++;
      } catch (error) {
        if (
          !(
            error instanceof AwsApiError &&
            error.code === 'ResourceNotFoundException'
          )
        )
          throw error;
      }
    }
    setFinalizer(this.ops, type, table, FINALIZER, false);
    return undefined;
  }

  async #describe(
    api: DynamoDbApi,
    tableName: string,
  ): Promise<any | undefined> {
    try {
      return (await api.call('DescribeTable', { TableName: tableName })).Table;
    } catch (error) {
      if (
        error instanceof AwsApiError &&
        error.code === 'ResourceNotFoundException'
      )
        return undefined;
      throw error;
    }
  }

  /** Region: the object's annotation, else its namespace's default-region annotation, else the controller's flag. */
  #identity(table: KubeObject): AckIdentity {
    const namespaces = this.ops.registry.byKind('', 'Namespace')!;
    const ns = table.metadata.namespace
      ? this.ops.tryGet(namespaces, undefined, table.metadata.namespace)
      : undefined;
    const region =
      table.metadata.annotations?.['services.k8s.aws/region'] ??
      ns?.metadata.annotations?.['services.k8s.aws/default-region'] ??
      this.options.region;
    return { ownerAccountID: this.options.accountId, region, partition: 'aws' };
  }
}
