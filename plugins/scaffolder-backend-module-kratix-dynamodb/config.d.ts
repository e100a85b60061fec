export interface Config {
  /**
   * The keys the scaffolder actions read. The clusters they create on are declared by
   * @kratix-dynamodb/node.
   */
  kratixDynamodb?: {
    /** Defaults for new requests, where the template leaves a field out. */
    defaults?: {
      /** The AWS region of new tables. Without it, every request must give one. */
      region?: string;
      /** The namespace of new requests and applications. Default: default. */
      namespace?: string;
      /** What happens to a table when its request is deleted. Default: retain. */
      deletionPolicy?: 'retain' | 'delete';
    };
    /** What the scaffolder actions may create. Every limit refuses by default. */
    scaffolder?: {
      /**
       * Namespaces where nothing may be created: names, or prefixes ending in `*`.
       * Default: kube-*, kratix-platform-system, kratix-worker-system, ack-system, vela-system.
       */
      refusedNamespaces?: string[];
      /**
       * The images webservice components may run: exact images, or prefixes ending in `/`, `:`,
       * `@` or `*` (e.g. `registry.example.com/team-a/`, `session-api:`). Nothing is allowed
       * until listed.
       */
      allowedImages?: string[];
      /** Capacity caps for provisioned tables. */
      capacity?: {
        /** Read capacity units per table (default 1000). */
        maxReadCapacityUnits?: number;
        /** Write capacity units per table (default 1000). */
        maxWriteCapacityUnits?: number;
        /** Read capacity units per global secondary index (default 1000). */
        maxIndexReadCapacityUnits?: number;
        /** Write capacity units per global secondary index (default 1000). */
        maxIndexWriteCapacityUnits?: number;
        /** Global secondary indexes per table (default 5). */
        maxGlobalSecondaryIndexes?: number;
      };
    };
  };
}
