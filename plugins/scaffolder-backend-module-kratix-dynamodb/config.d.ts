export interface Config {
  kratixDynamodb?: {
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
       * @visibility frontend
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
