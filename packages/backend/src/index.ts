/*
 * The sample Backstage backend. It carries what the kratix-dynamodb plugins need and
 * nothing else: catalog, scaffolder, guest sign-in, permissions, and our own plugins.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything, unless KRATIX_DYNAMODB_DENY_CREATE=true denies creating requests.
backend.add(import('./samplePermissionPolicy'));

backend.add(import('@backstage/plugin-user-settings-backend'));
// user settings push changes to open pages through signals
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@kratix-dynamodb/backend'));
backend.add(import('@kratix-dynamodb/scaffolder-backend-module'));
backend.add(import('@kratix-dynamodb/catalog-backend-module'));
backend.start();
