import path from 'node:path';

/**
 * This package's folder (it holds the CRD files the controllers install). The sandbox always
 * runs from its sources in the monorepo, so resolving its own manifest is enough.
 */
export const SANDBOX_PACKAGE_DIR = path.dirname(
  require.resolve('@kratix-dynamodb/sandbox/package.json'),
);
