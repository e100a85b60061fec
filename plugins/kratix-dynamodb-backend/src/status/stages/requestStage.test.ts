import {
  graceMs,
  justNow,
  longAgo,
  now,
  succeededRequest,
} from './__testUtils__/kratixRequests';
import { requestStage } from './requestStage';

describe('requestStage', () => {
  it('diagnoses a missing Kratix controller when a request has no status after the grace period', () => {
    const stage = requestStage(
      { metadata: { name: 'orders', creationTimestamp: longAgo } },
      'default/orders',
      now,
      graceMs,
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/No Kratix controller has reconciled/);
  });

  it('waits during the grace period', () => {
    expect(
      requestStage(
        { metadata: { name: 'orders', creationTimestamp: justNow } },
        'default/orders',
        now,
        graceMs,
      ).state,
    ).toBe('progressing');
  });

  it('is ok once reconciled, with the message the pipeline wrote', () => {
    const stage = requestStage(
      succeededRequest,
      'default/orders',
      now,
      graceMs,
    );
    expect(stage).toMatchObject({ state: 'ok', summary: 'Resource requested' });
  });

  it('reports a request that does not exist', () => {
    expect(
      requestStage(undefined, 'default/orders', now, graceMs).summary,
    ).toMatch(/does not exist/);
  });
});
