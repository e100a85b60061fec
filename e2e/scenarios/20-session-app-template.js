'use strict';
const { createHmac, randomBytes } = require('node:crypto');
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { installPromise, sandboxCall } = require('../sandboxApi');
const { openTemplate, stepThroughAndCreate, taskLog } = require('../wizard');
const { openEntity, waitForStages, stageText } = require('../card');

/** An HS256 JWT for the session-api, valid for ten minutes. */
function hs256Token(claims, secret) {
  const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    exp: Math.floor(Date.now() / 1000) + 600,
    ...claims,
  })}`;
  return `${unsigned}.${createHmac('sha256', secret)
    .update(unsigned)
    .digest('base64url')}`;
}

module.exports = {
  name: 'session app template: deploy the session-api with its table, reach health ok, use the API',
  async run({ context, screenshot }) {
    await installPromise();
    // The key the app checks bearer tokens with, as the team creates it before using the wizard
    // (the dev script may have made it already: then the test signs with that one).
    const secretPath = '/api/v1/namespaces/default/secrets';
    const secretAnswer = await sandboxCall('POST', secretPath, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'session-api-auth', namespace: 'default' },
      data: {
        'jwt-secret': Buffer.from(randomBytes(32).toString('hex')).toString(
          'base64',
        ),
      },
    });
    expect(
      secretAnswer.status === 201 || secretAnswer.status === 409,
      `the session-api-auth Secret exists (got ${secretAnswer.status})`,
    );
    const stored = await sandboxCall('GET', `${secretPath}/session-api-auth`);
    const jwtSecret = Buffer.from(
      stored.body.data['jwt-secret'],
      'base64',
    ).toString('utf8');
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(
      page,
      'Session API with its DynamoDB table (KubeVela)',
      'kratix-dynamodb-session-api',
      {
        name: 'sessions-app',
        cluster: 'sandbox',
        namespace: 'default',
        owner: 'group:default/guests',
        tableName: 'sessions-app-sessions',
        region: 'us-east-1',
        deletionPolicy: 'retain',
      },
    );
    await stepThroughAndCreate(page, 'Deploy');
    const log = await taskLog(page, 300_000);
    expect(
      /ready/.test(log) && /Finished step/.test(log),
      'the deploy step finished ready',
    );

    await openEntity(page, 'component', 'sessions-app');
    await waitForStages(
      page,
      {
        promise: 'ok',
        request: 'ok',
        workflow: 'ok',
        table: 'ok',
        application: 'ok',
        health: 'ok',
      },
      180_000,
    );
    expect(
      (await stageText(page, 'health')).includes('/health 200, /ready 200'),
      'the health stage shows both probes 200',
    );
    await screenshot(page, 'card-session-app-green');

    // The API itself, through the cluster's service proxy, as the card reaches it. The proxy
    // takes Authorization for itself, so the user's token travels in X-Forwarded-Authorization.
    const proxy = '/api/v1/namespaces/default/services/sessions-app:8080/proxy';
    const asUser = userId => ({
      'X-Forwarded-Authorization': `Bearer ${hs256Token(
        { sub: userId },
        jwtSecret,
      )}`,
    });
    const anonymous = await sandboxCall('POST', `${proxy}/sessions`, {
      userId: 'e2e-user',
      data: {},
    });
    expect(
      anonymous.status === 401,
      `POST /sessions without a token answers 401 (got ${anonymous.status})`,
    );
    const created = await sandboxCall(
      'POST',
      `${proxy}/sessions`,
      { userId: 'e2e-user', data: { theme: 'dark' } },
      asUser('e2e-user'),
    );
    expect(
      created.status === 201,
      `POST /sessions answers 201 (got ${created.status})`,
    );
    const read = await sandboxCall(
      'GET',
      `${proxy}/sessions/${created.body.id}`,
      undefined,
      asUser('e2e-user'),
    );
    expect(
      read.status === 200 && read.body.data.theme === 'dark',
      'the session reads back',
    );
    const mine = await sandboxCall(
      'GET',
      `${proxy}/sessions/user/e2e-user`,
      undefined,
      asUser('e2e-user'),
    );
    expect(
      mine.body.sessions.some(s => s.id === created.body.id),
      "the user's sessions list it",
    );
    const stranger = await sandboxCall(
      'GET',
      `${proxy}/sessions/${created.body.id}`,
      undefined,
      asUser('someone-else'),
    );
    expect(
      stranger.status === 404,
      `another user cannot read it (got ${stranger.status})`,
    );
    await page.close();
  },
};
