'use strict';
/*
 * better-sqlite3's prebuilt binary for the new app's install, as a user's install gets it.
 *
 * On a machine with internet access, better-sqlite3's install script (prebuild-install)
 * downloads a prebuilt binary from the project's releases. This machine reaches only the npm
 * registry, so the download fails and the install compiles SQLite from source: over a minute
 * of one core, inside the new app's install, while the other e2e suites run. This
 * repository's own install has just built that same version, from the same source, for the
 * same Node; packed the way prebuild-install expects, the local registry serves it, and the
 * app's installs are pointed at it with prebuild-install's documented mirror setting
 * (npm_config_<package>_binary_host), as a company behind a firewall points them at its own
 * mirror.
 *
 * When the app resolves another version of better-sqlite3, the mirror has no such file
 * (404) and the install compiles it, as it did before.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('../processes');

const PACKAGE = 'better-sqlite3';
const BINARY = path.join('build', 'Release', 'better_sqlite3.node');
const URL_PREFIX = '/prebuilds';

/**
 * Packs this repository's built better-sqlite3 into outDir under prebuild-install's file
 * name; returns { files: Map(url path -> file), env(baseUrl) }, or no files when there is
 * no built binary to offer.
 */
function packPrebuiltBinaries(outDir) {
  const packageDir = path.join(root, 'node_modules', PACKAGE);
  if (!fs.existsSync(path.join(packageDir, BINARY)))
    return { files: new Map(), env: () => ({}) };
  const { version } = JSON.parse(
    fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  );
  // prebuild-install's template: {name}-v{version}-{runtime}-v{abi}-{platform}{libc}-{arch},
  // under {host}/v{version}/; libc is empty on glibc.
  const name = `${PACKAGE}-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  fs.mkdirSync(outDir, { recursive: true });
  const tarball = path.join(outDir, name);
  execFileSync('tar', ['-czf', tarball, '-C', packageDir, BINARY]);
  return {
    files: new Map([[`${URL_PREFIX}/v${version}/${name}`, tarball]]),
    env: baseUrl => ({
      [`npm_config_${PACKAGE.replace(
        /[^a-zA-Z0-9]/g,
        '_',
      )}_binary_host`]: `${baseUrl}${URL_PREFIX}`,
    }),
  };
}

module.exports = { packPrebuiltBinaries };
