import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import type { DryRunRequest, DryRunResult } from '@kratix-dynamodb/common';
import {
  kratixClustersApiRef,
  type KratixClustersApi,
} from '../../api/KratixClustersApi';
import { DEFAULT_TABLE_DESIGN } from '../DynamoDBTableDesigner/tableDesign';
import { KratixDryRun } from './KratixDryRun';
import { kratixDryRunValidation } from './kratixDryRunValidation';

const FORM = {
  cluster: 'sandbox',
  namespace: 'team-a',
  name: 'shop',
  region: 'eu-west-1',
  table: DEFAULT_TABLE_DESIGN,
};

const REFUSED: DryRunResult = {
  outcome: 'refused',
  cluster: 'sandbox',
  checked: ['DynamoDBRequest team-a/shop'],
  problems: [
    {
      source: 'cluster',
      field: 'spec.region',
      message: 'DynamoDBRequest team-a/shop: Unsupported value: "eu-west-1"',
    },
  ],
};

const ACCEPTED: DryRunResult = {
  outcome: 'accepted',
  cluster: 'sandbox',
  checked: ['Application team-a/shop', 'DynamoDBRequest team-a/shop-table'],
  problems: [],
};

function apiAnswering(result: DryRunResult) {
  const dryRun = jest.fn(async (_: DryRunRequest) => result);
  return { api: { dryRun } as unknown as KratixClustersApi, dryRun };
}

async function renderField(result: DryRunResult, options = {}) {
  const { api, dryRun } = apiAnswering(result);
  const onChange = jest.fn();
  const props: any = {
    formData: undefined,
    onChange,
    schema: { title: 'Cluster check' },
    uiSchema: { 'ui:options': options },
    formContext: { formData: FORM },
  };
  await renderInTestApp(
    <TestApiProvider apis={[[kratixClustersApiRef, api]]}>
      <KratixDryRun {...props} />
    </TestApiProvider>,
  );
  return { dryRun, onChange };
}

describe('KratixDryRun', () => {
  it("shows the cluster's refusal at the field it names, and holds it as its value", async () => {
    const { dryRun, onChange } = await renderField(REFUSED);
    expect(
      await screen.findByText(
        'spec.region: DynamoDBRequest team-a/shop: Unsupported value: "eu-west-1"',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('cluster admission')).toBeInTheDocument();
    expect(dryRun).toHaveBeenCalledWith({
      cluster: 'sandbox',
      namespace: 'team-a',
      name: 'shop',
      spec: expect.objectContaining({ name: 'shop', region: 'eu-west-1' }),
    });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.stringMatching(/^Refused: spec\.region: /),
      ),
    );
  });

  it("asks about the app template's Application and its table, and says both were accepted", async () => {
    const { dryRun, onChange } = await renderField(ACCEPTED, {
      application: true,
      requestNameSuffix: '-table',
    });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        "Accepted by cluster 'sandbox' (server-side dry run of Application team-a/shop and DynamoDBRequest team-a/shop-table; nothing was created)",
      ),
    );
    expect(dryRun.mock.calls[0][0]).toMatchObject({
      name: 'shop-table',
      application: { name: 'shop' },
      spec: { name: 'shop-table' },
    });
  });
});

describe('kratixDryRunValidation', () => {
  const validate = async (result: DryRunResult, formData: object = FORM) => {
    const { api } = apiAnswering(result);
    const addError = jest.fn();
    await kratixDryRunValidation('x', { addError } as any, {
      apiHolder: { get: () => api } as any,
      formData: formData as any,
      schema: {},
    });
    return addError;
  };

  it('refuses Next while the cluster refuses, naming each field', async () => {
    const addError = await validate(REFUSED);
    expect(addError).toHaveBeenCalledWith(
      'spec.region: DynamoDBRequest team-a/shop: Unsupported value: "eu-west-1"',
    );
  });

  it('lets an accepted or an unchecked form through, and one not yet complete', async () => {
    expect(await validate(ACCEPTED)).not.toHaveBeenCalled();
    expect(
      await validate({ ...ACCEPTED, outcome: 'unchecked', checked: [] }),
    ).not.toHaveBeenCalled();
    expect(
      await validate(REFUSED, { ...FORM, cluster: undefined }),
    ).not.toHaveBeenCalled();
  });
});
