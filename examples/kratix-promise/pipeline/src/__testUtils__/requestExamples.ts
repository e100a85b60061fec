/**
 * The example DynamoDBRequests in examples/requests, with what each invalid one must give:
 * its `# expect: <path>: <words>` lines, and whether the CRD schema alone refuses it
 * (`# crd-schema: rejects` or `accepts`). Test-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR, readYamlFile } from './repoFiles';

export const REQUESTS_DIR = path.join(EXAMPLES_DIR, 'requests');
export const INVALID_REQUESTS_DIR = path.join(REQUESTS_DIR, 'invalid');

export type RequestExample = { file: string; path: string; object: any };

export type InvalidRequestExample = RequestExample & {
  expected: { path: string; says: string }[];
  crdRejects: boolean;
};

const yamlFilesIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.yaml'))
    .sort();

export function validRequestExamples(): RequestExample[] {
  return yamlFilesIn(REQUESTS_DIR).map(file => {
    const filePath = path.join(REQUESTS_DIR, file);
    return { file, path: filePath, object: readYamlFile(filePath) };
  });
}

function expectationsOf(text: string, file: string) {
  const expected = [...text.matchAll(/^# expect: (.+?): (.+)$/gm)].map(
    match => ({
      path: match[1],
      says: match[2],
    }),
  );
  const verdict = text.match(/^# crd-schema: (rejects|accepts)\b/m)?.[1];
  if (expected.length === 0 || !verdict) {
    throw new Error(
      `${file} must say what it expects (# expect: and # crd-schema: lines)`,
    );
  }
  return { expected, crdRejects: verdict === 'rejects' };
}

export function invalidRequestExamples(): InvalidRequestExample[] {
  return yamlFilesIn(INVALID_REQUESTS_DIR).map(file => {
    const filePath = path.join(INVALID_REQUESTS_DIR, file);
    const text = fs.readFileSync(filePath, 'utf8');
    return {
      file,
      path: filePath,
      object: readYamlFile(filePath),
      ...expectationsOf(text, file),
    };
  });
}

/** The Promise's DynamoDBRequest CRD, straight from examples/kratix-promise/promise.yaml. */
export function promiseFile(): any {
  return readYamlFile(
    path.join(EXAMPLES_DIR, 'kratix-promise', 'promise.yaml'),
  );
}
