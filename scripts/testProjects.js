'use strict';
/*
 * The workspace packages with a user interface (React, MUI, Backstage's UI), by their Backstage
 * role. common-library packages also run in jsdom, but load few modules, so they are not
 * among them. backstage-cli names each package's Jest project after the package.
 */
const fs = require('node:fs');
const path = require('node:path');

const FRONTEND_ROLES = new Set([
  'frontend',
  'frontend-plugin',
  'frontend-plugin-module',
  'web-library',
]);

/** @param {string} root the repository @returns {string[]} Jest project names */
function frontendProjects(root) {
  const { workspaces } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const folders = workspaces.flatMap(pattern =>
    pattern.endsWith('/*')
      ? fs
          .readdirSync(path.join(root, pattern.slice(0, -2)))
          .map(name => path.join(pattern.slice(0, -2), name))
      : [pattern],
  );
  return folders.flatMap(folder => {
    const file = path.join(root, folder, 'package.json');
    if (!fs.existsSync(file)) return [];
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    return FRONTEND_ROLES.has(pkg.backstage?.role) ? [pkg.name] : [];
  });
}

module.exports = { frontendProjects };
