/** Fresh Kratix-style folders in a temp dir, with a request written as object.yaml. Test-only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export type TestFolders = {
  root: string;
  inputDir: string;
  outputDir: string;
  metadataDir: string;
  /** The parsed status.yaml the pipeline wrote. */
  status: () => any;
  /** The names of the files in the output folder. */
  outputNames: () => string[];
  remove: () => void;
};

export function makePipelineFolders(request?: unknown): TestFolders {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dynamodb-pipeline-'));
  const folders = {
    inputDir: path.join(root, 'input'),
    outputDir: path.join(root, 'output'),
    metadataDir: path.join(root, 'metadata'),
  };
  Object.values(folders).forEach(dir => fs.mkdirSync(dir));
  if (request !== undefined) {
    const text = typeof request === 'string' ? request : stringify(request);
    fs.writeFileSync(path.join(folders.inputDir, 'object.yaml'), text);
  }
  return {
    root,
    ...folders,
    status: () =>
      parse(
        fs.readFileSync(path.join(folders.metadataDir, 'status.yaml'), 'utf8'),
      ),
    outputNames: () => fs.readdirSync(folders.outputDir),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** A valid on-demand DynamoDBRequest object, as Kratix would hand it over. */
export function aRequestObject(spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: { name: 'sessions', namespace: 'team-a' },
    spec: {
      name: 'sessions',
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{ name: 'id', type: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      ...spec,
    },
    status: { message: 'Pending' },
  };
}
