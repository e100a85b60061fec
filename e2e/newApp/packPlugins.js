'use strict';
/*
 * The six plugin packages as they would be published: built (`backstage-cli package build`,
 * after `yarn tsc` for the type declarations) and packed into tarballs.
 *
 * Packed with `yarn pack`, which is what `yarn npm publish` uploads: it replaces the
 * `workspace:^` ranges between our packages with the real versions. `npm pack` would ship
 * `workspace:^` as it is, and no app outside this workspace could install that (the README's
 * publishing section says the same). backstage-cli's prepack and postpack run either way.
 *
 * Two packages go at a time. Each build and pack writes only inside its own package folder,
 * and most of a pack is backstage-cli's prepack (a TypeScript program over the package's
 * declarations, on one core), so one at a time left the second core idle while every other
 * e2e suite waited for the packing to end.
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, runToEnd } = require('../processes');

const AT_A_TIME = 2;

/** Builds one package and packs it into outDir; resolves to the tarball's path. */
async function buildAndPack(pluginsDir, dir, outDir) {
  const cwd = path.join(pluginsDir, dir);
  await runToEnd('yarn', ['backstage-cli', 'package', 'build'], cwd);
  const tarball = path.join(outDir, `${dir}.tgz`);
  // prepack rewrites package.json in place and postpack puts it back; two packs of one
  // package at once (check-packs in another shell) can leave it rewritten. Never leave it so.
  const manifest = path.join(cwd, 'package.json');
  const before = fs.readFileSync(manifest, 'utf8');
  try {
    await runToEnd('yarn', ['pack', '--out', tarball], cwd);
  } finally {
    if (fs.readFileSync(manifest, 'utf8') !== before) {
      fs.writeFileSync(manifest, before);
      throw new Error(
        `${dir}/package.json was left changed by packing (another pack at the same time?); it was put back`,
      );
    }
  }
  return tarball;
}

/** Builds and packs every package under plugins/; resolves to the tarballs' paths, sorted. */
async function packPlugins(outDir, { typeCheck = true } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  if (typeCheck) await runToEnd('yarn', ['tsc'], root);
  const pluginsDir = path.join(root, 'plugins');
  const dirs = fs
    .readdirSync(pluginsDir)
    .filter(d => fs.existsSync(path.join(pluginsDir, d, 'package.json')))
    .sort();
  const tarballs = [];
  const waiting = [...dirs];
  const failures = [];
  // Each lane takes the next package until none is left; a failure ends its lane only, so
  // the packages already being packed finish and put their package.json back.
  const lane = async () => {
    for (let dir = waiting.shift(); dir; dir = waiting.shift()) {
      try {
        tarballs.push(await buildAndPack(pluginsDir, dir, outDir));
      } catch (e) {
        failures.push(e);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: AT_A_TIME }, lane));
  if (failures.length) throw failures[0];
  return tarballs.sort();
}

module.exports = { packPlugins };
