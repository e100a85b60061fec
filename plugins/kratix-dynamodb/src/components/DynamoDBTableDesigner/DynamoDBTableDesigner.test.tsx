import { useState } from 'react';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { DynamoDBTableDesigner } from './DynamoDBTableDesigner';
import { DEFAULT_TABLE_DESIGN, type TableDesign } from './tableDesign';

function Harness({ onValue }: { onValue: (design: TableDesign) => void }) {
  const [design, setDesign] = useState<TableDesign>(DEFAULT_TABLE_DESIGN);
  const props: any = {
    formData: design,
    onChange: (next: TableDesign) => {
      setDesign(next);
      onValue(next);
    },
    schema: { title: 'Table design' },
    uiSchema: {},
    formContext: {
      formData: { name: 'orders', namespace: 'team-a', region: 'eu-west-1' },
    },
  };
  return <DynamoDBTableDesigner {...props} />;
}

const row = (path: string) =>
  document.querySelector(`[data-row="${path}"]`) as HTMLElement;
const input = (path: string) =>
  document.querySelector(`[data-path="${path}"]`) as HTMLInputElement;

describe('DynamoDBTableDesigner', () => {
  it("starts from the template's default when the form hands it an empty object", async () => {
    const onChange = jest.fn();
    const preset = {
      ...DEFAULT_TABLE_DESIGN,
      timeToLive: { attributeName: 'expiresAt', enabled: true },
    };
    const props: any = {
      formData: {},
      onChange,
      schema: { default: preset },
      uiSchema: {},
      formContext: {},
    };
    await renderInTestApp(<DynamoDBTableDesigner {...props} />);
    expect(onChange).toHaveBeenCalledWith(preset);
    expect(input('timeToLive.attributeName').value).toBe('expiresAt');
  });

  it('marks a second HASH key at its row, and previews the request once it is fixed', async () => {
    let value: TableDesign = DEFAULT_TABLE_DESIGN;
    await renderInTestApp(<Harness onValue={v => (value = v)} />);
    expect(screen.getByLabelText('DynamoDBRequest YAML').textContent).toContain(
      'name: orders',
    );

    fireEvent.click(screen.getByText('Add sort key'));
    fireEvent.change(input('keySchema[1].attributeName'), {
      target: { value: 'createdAt' },
    });
    fireEvent.change(input('keySchema[1].attributeType'), {
      target: { value: 'N' },
    });
    fireEvent.change(input('keySchema[1].keyType'), {
      target: { value: 'HASH' },
    });

    expect(row('keySchema[1]').dataset.invalid).toBe('true');
    expect(row('keySchema[0]').dataset.invalid).toBe('false');
    expect(
      within(row('keySchema[1]')).getByText(/must be RANGE/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Fix the marked fields to see the Table.'),
    ).toBeInTheDocument();

    fireEvent.change(input('keySchema[1].keyType'), {
      target: { value: 'RANGE' },
    });
    expect(row('keySchema[1]').dataset.invalid).toBe('false');
    expect(value.attributeDefinitions).toEqual([
      { name: 'id', type: 'S' },
      { name: 'createdAt', type: 'N' },
    ]);
    const table = screen.getByLabelText('ACK Table YAML').textContent!;
    expect(table).toContain('kind: Table');
    expect(table).toContain('attributeName: createdAt');
  });

  it('asks for capacity when billing is provisioned, for the table and its indexes', async () => {
    let value: TableDesign = DEFAULT_TABLE_DESIGN;
    await renderInTestApp(<Harness onValue={v => (value = v)} />);
    fireEvent.click(screen.getByText('Add index'));
    fireEvent.change(input('globalSecondaryIndexes[0].indexName'), {
      target: { value: 'by-owner' },
    });
    fireEvent.change(
      input('globalSecondaryIndexes[0].keySchema[0].attributeName'),
      { target: { value: 'owner' } },
    );
    fireEvent.change(input('billingMode'), {
      target: { value: 'PROVISIONED' },
    });
    fireEvent.change(
      input(
        'globalSecondaryIndexes[0].provisionedThroughput.readCapacityUnits',
      ),
      {
        target: { value: '0' },
      },
    );
    expect(
      input(
        'globalSecondaryIndexes[0].provisionedThroughput.readCapacityUnits',
      ).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(value.provisionedThroughput).toEqual({
      readCapacityUnits: 5,
      writeCapacityUnits: 5,
    });
    expect(
      value.globalSecondaryIndexes![0].provisionedThroughput!.readCapacityUnits,
    ).toBe(0);
  });
});
