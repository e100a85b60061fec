#!/usr/bin/env node
/*
 * Builds each plugin package and lists what `npm pack` would publish, failing when a tarball
 * holds anything beyond the build output and the package's own documents: dist/, README.md,
 * package.json, CHANGELOG.md (required: `yarn changeset version` writes it) and,
 * where the package has a config.d.ts, its config schema. backstage-cli's prepack publishes
 * that schema as config.schema.json, generated from config.d.ts, as Backstage's own packages do.
 *
 *   node scripts/check-packs.js [plugins/<dir> ...]
 *
 * Type declarations are built from dist-types, so `yarn tsc` runs first. Nothing is published
 * and no tarball is written (`npm pack --dry-run`); backstage-cli's prepack and postpack run
 * and put package.json back as it was.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function run(cmd, args, cwd) {
  const res = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return res;
}

function pluginDirs(args) {
  if (args.length) return args.map(a => path.resolve(root, a));
  return fs
    .readdirSync(path.join(root, 'plugins'))
    .map(d => path.join(root, 'plugins', d))
    .filter(d => fs.existsSync(path.join(d, 'package.json')))
    .sort();
}

/** What a tarball may hold: the build and the package's own documents. */
function isAllowed(file, dir) {
  if (file.startsWith('dist/')) return true;
  if (['package.json', 'README.md', 'CHANGELOG.md'].includes(file)) return true;
  const schema = file === 'config.d.ts' || file === 'config.schema.json';
  return schema && fs.existsSync(path.join(dir, 'config.d.ts'));
}

function changesetAccess() {
  return JSON.parse(
    fs.readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8'),
  ).access;
}

function checkPackage(dir) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );
  const problems = [];
  if (manifest.private) problems.push('package.json says "private": true');
  // changeset publish and npm publish must agree on who may install the package.
  if (manifest.publishConfig?.access !== changesetAccess())
    problems.push(
      `publishConfig.access is ${
        manifest.publishConfig?.access
      }, but .changeset/config.json says ${changesetAccess()}`,
    );

  const build = run('yarn', ['backstage-cli', 'package', 'build'], dir);
  if (build.status !== 0) {
    return {
      name: manifest.name,
      files: [],
      problems: [...problems, `build failed:\n${build.stdout}${build.stderr}`],
    };
  }
  const pack = run('npm', ['pack', '--dry-run', '--json'], dir);
  if (pack.status !== 0) {
    return {
      name: manifest.name,
      files: [],
      problems: [...problems, `npm pack failed:\n${pack.stderr}`],
    };
  }
  const [tarball] = JSON.parse(pack.stdout);
  const files = tarball.files.map(f => f.path).sort();
  for (const file of files) {
    if (!isAllowed(file, dir))
      problems.push(`unexpected file in the tarball: ${file}`);
  }
  if (!files.some(f => f.startsWith('dist/')))
    problems.push('no dist/ in the tarball');
  for (const needed of ['README.md', 'package.json', 'CHANGELOG.md']) {
    if (!files.includes(needed))
      problems.push(`${needed} is missing from the tarball`);
  }
  return { name: manifest.name, files, size: tarball.size, problems };
}

function main() {
  const dirs = pluginDirs(process.argv.slice(2));
  const tsc = run('yarn', ['tsc'], root);
  if (tsc.status !== 0) {
    console.error(
      `check-packs: yarn tsc failed, so the type declarations cannot be built:\n${tsc.stdout}${tsc.stderr}`,
    );
    process.exit(1);
  }
  let failed = 0;
  for (const dir of dirs) {
    const started = Date.now();
    const result = checkPackage(dir);
    const dist = result.files.filter(f => f.startsWith('dist/')).length;
    const others = result.files.filter(f => !f.startsWith('dist/'));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = `${dist} files in dist/, ${
      others.join(', ') || 'nothing else'
    }`;
    if (result.problems.length) {
      failed++;
      console.log(`FAIL ${result.name} (${seconds} s): ${summary}`);
      for (const p of result.problems) console.log(`     ${p}`);
    } else {
      console.log(
        `ok   ${result.name} (${seconds} s, ${(result.size / 1024).toFixed(
          0,
        )} kB packed): ${summary}`,
      );
    }
  }
  console.log(
    `${dirs.length - failed} of ${dirs.length} packages pack cleanly`,
  );
  process.exit(failed ? 1 : 0);
}

main();
