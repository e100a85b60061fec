'use strict';
/*
 * The scaffolder side of the two-replica run: a table task with waitForReady started on one
 * replica, and the kill of that replica, after which the other must take the task over.
 */
const { call, eventually } = require('../processes');

const TEMPLATE = 'template:default/kratix-dynamodb-table';
const seconds = ms => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);

/** Starts the table task on backend `a`; returns the task's API path. */
async function startTableTask(a, user, name) {
  await eventually(
    'the table template in the catalog',
    async () =>
      (
        await call(
          a.base,
          'GET',
          '/api/catalog/entities/by-name/template/default/kratix-dynamodb-table',
          { token: user },
        )
      ).status === 200,
    60_000,
  );
  const created = await call(a.base, 'POST', '/api/scaffolder/v2/tasks', {
    token: user,
    body: {
      templateRef: TEMPLATE,
      values: {
        cluster: 'sandbox',
        namespace: 'default',
        name,
        owner: 'group:default/guests',
        tableName: name,
        region: 'us-east-1',
        deletionPolicy: 'retain',
        // The table designer's value, as the wizard submits it.
        table: {
          billingMode: 'PAY_PER_REQUEST',
          attributeDefinitions: [{ name: 'id', type: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        },
        waitForReady: true,
        timeoutSeconds: 600,
      },
    },
  });
  if (created.status !== 201)
    throw new Error(
      `the task was refused: ${created.status} ${JSON.stringify(created.body)}`,
    );
  return `/api/scaffolder/v2/tasks/${created.body.id}`;
}

/** Kills A with SIGKILL and waits for B to finish the task; returns the figures. */
async function killAndTakeOver({ a, b, taskPath, user, log, timeoutMs }) {
  a.signal('SIGKILL');
  const killedAt = Date.now();
  log('backend A killed with SIGKILL');
  let recoveredAt;
  const finished = await eventually(
    'B to finish the task',
    async () => {
      if (!recoveredAt) {
        const events = (
          await call(b.base, 'GET', `${taskPath}/events`, { token: user })
        ).body;
        if (Array.isArray(events) && events.some(e => e.type === 'recovered')) {
          recoveredAt = Date.now();
          log(
            `B took the task over ${seconds(
              recoveredAt - killedAt,
            )} after the kill`,
          );
        }
      }
      const t = (await call(b.base, 'GET', taskPath, { token: user })).body;
      return ['completed', 'failed', 'cancelled'].includes(t.status) && t;
    },
    timeoutMs,
  );
  return {
    finished,
    takeOverMs: recoveredAt && recoveredAt - killedAt,
    finishMs: Date.now() - killedAt,
  };
}

module.exports = { startTableTask, killAndTakeOver };
