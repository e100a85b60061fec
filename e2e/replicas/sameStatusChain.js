'use strict';
/*
 * The status route answers the same chain from every replica: each reads the cluster through
 * its own watch caches, so the answers may differ only in when they were made (checkedAt).
 * Reads made a moment apart can straddle a change, so a differing pair is read again.
 */
const { call, sleep } = require('../processes');

const withoutCheckedAt = chain => JSON.stringify({ ...chain, checkedAt: 0 });

async function sameStatusChain(backends, entityRef, token, attempts = 5) {
  const [, kind, namespace, name] = entityRef.match(/^([^:]+):([^/]+)\/(.+)$/);
  const route = `/api/kratix-dynamodb/status/${namespace}/${kind}/${encodeURIComponent(
    name,
  )}`;
  let answers = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    answers = await Promise.all(
      backends.map(b => call(b.base, 'GET', route, { token })),
    );
    const bad = answers.find(a => a.status !== 200);
    if (bad)
      throw new Error(
        `the status route answered ${bad.status}: ${JSON.stringify(bad.body)}`,
      );
    const [first, ...rest] = answers.map(a => withoutCheckedAt(a.body));
    if (rest.every(other => other === first)) return answers[0].body;
    await sleep(1000);
  }
  throw new Error(
    `the replicas answer different chains for ${entityRef}: ${answers
      .map((a, i) => `${backends[i].name}: ${JSON.stringify(a.body)}`)
      .join(' | ')}`,
  );
}

module.exports = { sameStatusChain };
