'use strict';
/*
 * A fresh stock Backstage app (@backstage/create-app, its default template: the new frontend
 * system), with the README's installation steps done in it exactly as written.
 *
 * The app's yarn gets one setting the README does not give: @kratix-dynamodb comes from the
 * local registry that plays the published packages. Every install goes through the shared
 * install lock, so that no two yarn installs run on the machine at once.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const { readmeInstallSteps } = require('./readmeInstall');
const { root } = require('../processes');

const INSTALL_LOCK = '/tmp/yarn-install.lock';

/**
 * Runs a shell command, its output appended to the log. Asynchronous: the registry that
 * serves our packages runs in this same process and must keep answering meanwhile.
 */
// A new app's lockfile is seeded and must change on its first install; under CI=true yarn
// would refuse that (immutable installs), as a user's first install never does. @scarf/scarf's
// install script would walk the app's tree with `npm ls` at each install (13 s of CPU in all)
// to report to a host this machine cannot reach; its documented opt-out turns that off.
const APP_ENV = {
  ...process.env,
  YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
  SCARF_ANALYTICS: 'false',
};

function sh(command, cwd, logFile, env = APP_ENV) {
  fs.appendFileSync(logFile, `\n$ ${command}   (in ${cwd})\n`);
  const out = fs.openSync(logFile, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', out, out],
    });
    child.on('error', reject);
    child.on('exit', code => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .slice(-25)
        .join('\n');
      return reject(
        new Error(
          `\`${command}\` failed (exit ${code}); see ${logFile}:\n${tail}`,
        ),
      );
    });
  });
}

/** Commands that install (yarn add, yarn install, plain yarn) take the install lock. */
const underInstallLock = command =>
  /^yarn(\s+--cwd\s+\S+)?(\s+(add|install)\b|\s*$)/.test(command)
    ? `flock ${INSTALL_LOCK} ${command}`
    : command;

/**
 * Moves the app an earlier run left out of the way and deletes it in the background: a
 * Backstage app's node_modules holds some 400,000 files, and deleting them first took
 * minutes of this test's time (a fresh machine, as in CI, has none).
 */
function clearEarlierApp(appDir) {
  if (!fs.existsSync(appDir)) return;
  const aside = `${appDir}-old-${process.pid}`;
  fs.renameSync(appDir, aside);
  spawn('rm', ['-rf', aside], { stdio: 'ignore', detached: true }).unref();
}

async function createApp(appDir, logFile) {
  clearEarlierApp(appDir);
  await sh(
    `npm exec --yes -- @backstage/create-app@latest --path ${appDir} --skip-install`,
    os.tmpdir(),
    logFile,
    { ...process.env, BACKSTAGE_APP_NAME: 'kratix-e2e-app' },
  );
}

/**
 * create-app replaces the template's empty yarn.lock with a seed it downloads from the
 * Backstage repository, which pins the versions of one Backstage release that work together.
 * This machine reaches no host but the npm registry, so the download fails and the app would
 * resolve the newest of everything, which today breaks its backend (a signals backend that
 * needs a newer backend-defaults than the template names). The lock of this repository, made
 * for the same release, stands in for the seed, filtered the way create-app filters it.
 */
function seedYarnLock(appDir, logFile) {
  const lock = path.join(appDir, 'yarn.lock');
  if (/^"@backstage\//m.test(fs.readFileSync(lock, 'utf8'))) return;
  const seed = fs
    .readFileSync(path.join(root, 'yarn.lock'), 'utf8')
    .split('\n')
    .filter(line => !line.startsWith('//'))
    .join('\n');
  fs.writeFileSync(lock, seed);
  fs.appendFileSync(
    logFile,
    "\ncreate-app could not fetch its yarn.lock seed; seeded from this repository's yarn.lock\n",
  );
}

/** The one setting beyond the README: where @kratix-dynamodb is "published". */
function useLocalRegistry(appDir, registryUrl) {
  const file = path.join(appDir, '.yarnrc.yml');
  const yarnrc = YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  yarnrc.npmScopes = {
    ...yarnrc.npmScopes,
    'kratix-dynamodb': { npmRegistryServer: registryUrl },
  };
  // The stand-in registry speaks plain HTTP on this machine.
  yarnrc.unsafeHttpWhitelist = ['localhost'];
  fs.writeFileSync(file, YAML.stringify(yarnrc));
}

function applyEdit(appDir, step) {
  const file = path.join(appDir, step.file);
  const before = fs.readFileSync(file, 'utf8');
  if (step.lang === 'yaml' || step.lang === 'yml') {
    // "Add this": a list gains the README's entries, any other key takes its value.
    const merged = YAML.parse(before) ?? {};
    for (const [key, value] of Object.entries(YAML.parse(step.content))) {
      merged[key] =
        Array.isArray(value) && Array.isArray(merged[key])
          ? [...new Set([...merged[key], ...value])]
          : value;
    }
    fs.writeFileSync(file, YAML.stringify(merged));
    return;
  }
  if (!/backend\.start\(\);/.test(before))
    throw new Error(
      `the README edits ${step.file}, which has no backend.start(); to add its lines before`,
    );
  fs.writeFileSync(
    file,
    before.replace(
      /backend\.start\(\);/,
      `${step.content}\n\nbackend.start();`,
    ),
  );
}

/**
 * Does what the README's installation section says for an app on the new frontend system:
 * every step of its backend and new-frontend-system subsections; the legacy subsection is
 * for the other kind of app. Returns the steps done, for the report.
 */
async function followReadme(appDir, logFile, env) {
  const steps = readmeInstallSteps(path.join(root, 'README.md'));
  const done = [];
  for (const step of steps) {
    if (/legacy/i.test(step.subsection)) continue;
    if (step.kind === 'command') {
      await sh(underInstallLock(step.command), appDir, logFile, env);
      done.push(step.command);
    } else if (step.kind === 'edit') {
      applyEdit(appDir, step);
      done.push(`edit ${step.file}`);
    } else if (/createApp\(/.test(step.content)) {
      // The README adds the plugin to createApp only for apps without `app.packages: all`.
      const config = YAML.parse(
        fs.readFileSync(path.join(appDir, 'app-config.yaml'), 'utf8'),
      );
      if (config.app?.packages !== 'all')
        throw new Error(
          'the new app has no app.packages: all, so the README would have it edit createApp',
        );
    } else {
      throw new Error(
        `the README's installation section has a step the test cannot follow: ${step.content}`,
      );
    }
  }
  return done;
}

const INSTALLED_TAG = 'kratix-e2e-installed';

/**
 * With KRATIX_NEW_APP_REUSE=1 (for working on this test only) the app generated and installed
 * by an earlier run is put back to its state right after the install, in the app's own git
 * repository, instead of being generated and installed again.
 */
async function reuseInstalledApp(appDir, logFile) {
  if (process.env.KRATIX_NEW_APP_REUSE !== '1') return false;
  if (!fs.existsSync(path.join(appDir, 'node_modules'))) return false;
  try {
    await sh(
      `git reset -q --hard ${INSTALLED_TAG} && git clean -fdq`,
      appDir,
      logFile,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Generates the app, installs it, and follows the README; returns the timings in ms.
 * `installEnv` goes to every install (e2e/newApp/prebuiltBinaries.js).
 */
async function generateApp({ appDir, registryUrl, installEnv = {}, logFile }) {
  const env = { ...APP_ENV, ...installEnv };
  const timings = {};
  let t = Date.now();
  if (!(await reuseInstalledApp(appDir, logFile))) {
    await createApp(appDir, logFile);
    seedYarnLock(appDir, logFile);
    useLocalRegistry(appDir, registryUrl);
    timings.createApp = Date.now() - t;
    t = Date.now();
    await sh(`flock ${INSTALL_LOCK} yarn install`, appDir, logFile, env);
    timings.install = Date.now() - t;
    await sh(
      `git add -A && git -c user.name=e2e -c user.email=e2e@localhost commit -qm installed && git tag -f ${INSTALLED_TAG}`,
      appDir,
      logFile,
    );
  }
  useLocalRegistry(appDir, registryUrl);
  t = Date.now();
  const steps = await followReadme(appDir, logFile, env);
  timings.readmeSteps = Date.now() - t;
  return { timings, steps };
}

module.exports = { generateApp };
