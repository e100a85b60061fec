'use strict';
/*
 * The six plugin packages as they would be published: built (`backstage-cli package build`,
 * after `yarn tsc` for the type declarations) and packed into tarballs.
 *
 * Packed with `yarn pack`, which is what `yarn npm publish` uploads: it replaces the
 * `workspace:^` ranges between our packages with the real versions. `npm pack` would ship
 * `workspace:^` as it is, and no app outside this workspace could install that (the README's
 * publishing section says the same). backstage-cli's prepack and postpack run either way.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('../processes');

function run(cmd, args, cwd) {
  const res = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}:\n${res.stdout}${res.stderr}`,
    );
  return res.stdout;
}

/** Builds and packs every package under plugins/; returns the tarballs' paths. */
function packPlugins(outDir, { typeCheck = true } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  if (typeCheck) run('yarn', ['tsc'], root);
  const pluginsDir = path.join(root, 'plugins');
  return fs
    .readdirSync(pluginsDir)
    .filter(d => fs.existsSync(path.join(pluginsDir, d, 'package.json')))
    .sort()
    .map(dir => {
      const cwd = path.join(pluginsDir, dir);
      run('yarn', ['backstage-cli', 'package', 'build'], cwd);
      const tarball = path.join(outDir, `${dir}.tgz`);
      // prepack rewrites package.json in place and postpack puts it back; two packs of one
      // package at once (check-packs in another shell) can leave it rewritten. Never leave it so.
      const manifest = path.join(cwd, 'package.json');
      const before = fs.readFileSync(manifest, 'utf8');
      try {
        run('yarn', ['pack', '--out', tarball], cwd);
      } finally {
        if (fs.readFileSync(manifest, 'utf8') !== before) {
          fs.writeFileSync(manifest, before);
          throw new Error(
            `${dir}/package.json was left changed by packing (another pack at the same time?); it was put back`,
          );
        }
      }
      return tarball;
    });
}

module.exports = { packPlugins };
