import { createBackend } from '@backstage/backend-defaults';

// A backend with only this plugin and what it needs, for working on it alone:
//   yarn start   (in this folder)
const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('../src'));
backend.start();
