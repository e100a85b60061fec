'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { installPromise, sandboxCall } = require('../sandboxApi');
const { openTemplate, stepThroughAndCreate, taskLog } = require('../wizard');
const { openEntity, waitForStages, stageText } = require('../card');

module.exports = {
  name: 'session app template: deploy the session-api with its table, reach health ok, use the API',
  async run({ context, screenshot }) {
    await installPromise();
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(page, 'Session API with its DynamoDB table (KubeVela)', 'kratix-dynamodb-session-api', {
      name: 'sessions-app',
      cluster: 'sandbox',
      namespace: 'default',
      owner: 'group:default/guests',
      tableName: 'sessions-app-sessions',
      region: 'us-east-1',
      deletionPolicy: 'retain',
    });
    await stepThroughAndCreate(page, 'Deploy');
    const log = await taskLog(page, 300_000);
    expect(/ready/.test(log) && /Finished step/.test(log), 'the deploy step finished ready');

    await openEntity(page, 'component', 'sessions-app');
    await waitForStages(page, { promise: 'ok', request: 'ok', workflow: 'ok', table: 'ok', application: 'ok', health: 'ok' }, 180_000);
    expect((await stageText(page, 'health')).includes('/health 200, /ready 200'), 'the health stage shows both probes 200');
    await screenshot(page, 'card-session-app-green');

    // The API itself, through the cluster's service proxy, as the card reaches it.
    const proxy = '/api/v1/namespaces/default/services/sessions-app:8080/proxy';
    const created = await sandboxCall('POST', `${proxy}/sessions`, { userId: 'e2e-user', data: { theme: 'dark' } });
    expect(created.status === 201, `POST /sessions answers 201 (got ${created.status})`);
    const read = await sandboxCall('GET', `${proxy}/sessions/${created.body.id}`);
    expect(read.status === 200 && read.body.data.theme === 'dark', 'the session reads back');
    const mine = await sandboxCall('GET', `${proxy}/sessions/user/e2e-user`);
    expect(mine.body.sessions.some(s => s.id === created.body.id), "the user's sessions list it");
    await page.close();
  },
};
