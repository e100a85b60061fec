import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Configuration of the kratix-dynamodb plugins. This file declares the keys -node itself
   * reads, shared by all the backend packages; each other package declares its own in its
   * config.d.ts: `status` and `health` the backend plugin, `defaults` and `scaffolder` the
   * scaffolder module, `catalog` the catalog module. `kubernetes.clusterLocatorMethods`, read
   * when `clusters` is absent, is declared by @backstage/plugin-kubernetes-backend.
   */
  kratixDynamodb?: {
    /**
     * The clusters that hold Kratix, ACK and KubeVela. When absent, the `config` clusters
     * of `kubernetes.clusterLocatorMethods` (the Backstage Kubernetes plugin) are used.
     */
    clusters?: Array<{
      /** The name that templates, annotations and the card use for the cluster. */
      name: string;
      /** The API server URL. Not needed with `inCluster` or `kubeconfig`. */
      url?: string;
      /**
       * An auth strategy by the Backstage Kubernetes plugin's name, instead of `auth`:
       * `serviceAccount`, `aws` (EKS through IAM), `googleServiceAccount`, `azure`,
       * `localKubectlProxy`, or one added through `createKratixClustersServiceFactory`.
       * `oidc` (with `authMetadata['kubernetes.io/oidc-token-provider']`), `google` and `aks`
       * act as each signed-in user, with the token the browser sends; such a cluster is never
       * watched or cached.
       */
      authProvider?: string;
      /**
       * The strategy's settings, as the Kubernetes plugin names them, e.g.
       * `kubernetes.io/aws-assume-role`, `kubernetes.io/aws-external-id`,
       * `kubernetes.io/x-k8s-aws-id`, `kubernetes.io/oidc-token-provider`, `serviceAccountToken`.
       * @visibility secret
       */
      authMetadata?: { [key: string]: string };
      /** Authentication: a service-account token, a kubeconfig, or in-cluster. */
      auth?: {
        /**
         * A service-account bearer token.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /** A kubeconfig file and, optionally, a context in it. */
        kubeconfig?: { path: string; context?: string };
        /** Use the pod's own service account (Backstage runs in the cluster). */
        inCluster?: boolean;
      };
      /**
       * PEM certificate authority data (base64), for the API server's TLS certificate.
       * @visibility secret
       */
      caData?: string;
      /** A file holding the PEM certificate authority, instead of caData. */
      caFile?: string;
      /** Skip TLS verification. For development clusters only. */
      skipTLSVerify?: boolean;
    }>;
    /** How the backend's watches of the clusters notice trouble. */
    watch?: {
      /**
       * A watch that brings no event and no bookmark for this long is taken as dead: the card
       * shows its stages as stale and the watch is re-opened. API servers send bookmarks about
       * once a minute. Default: 5 minutes.
       */
      idleTimeout?: HumanDuration | string;
      /** The longest wait between retries of a failing list or watch. Default: 30 seconds. */
      maxBackoff?: HumanDuration | string;
    };
    /**
     * How much of each cluster the backend keeps in memory. Below the limit a kind is cached
     * whole (one list and one watch per cluster and kind; every card read is answered from
     * memory). Above it, the backend watches only the objects that open cards refer to, one
     * small watch each, in an LRU; the catalog provider then pages its full sync over the
     * schedule. README: Scale.
     */
    cache?: {
      /**
       * A kind with more objects than this on a cluster (counted when the backend first reads
       * it) is read in bounded mode. 0 makes every kind bounded. Default: 10000.
       */
      fullCacheLimit?: number;
      /**
       * Per cluster, the most per-object watches the bounded mode keeps open; the least
       * recently read one is closed first. About 3 per open card. Default: 1000.
       */
      boundedWatches?: number;
    };
    /**
     * Which teams own which namespaces. An entity's annotations may point the status route at a
     * cluster object only when the catalog provider made that entity for that object, or when
     * the object's namespace is bound here to the entity's owner.
     */
    tenancy?: {
      /** Namespace → owner entity refs, e.g. `team-a: [group:default/team-a]`. */
      namespaces?: { [namespace: string]: string[] };
      /**
       * A namespace label whose value names the owning group (`team-a` for
       * `group:default/team-a`), e.g. `backstage.io/owner`. Binds the namespaces that
       * `namespaces` does not name, per cluster. The backend then needs `list` and `watch` on
       * namespaces.
       */
      namespaceLabel?: string;
      /**
       * A prefix every table name in a namespace must start with: a template for all
       * namespaces, where `{namespace}` is the namespace (`'{namespace}-'`), or a prefix per
       * namespace (`team-a: orders-a-`; a namespace left out has none).
       */
      tableNamePrefix?: string | { [namespace: string]: string };
    };
  };
}
