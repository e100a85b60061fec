import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from './main';
import {
  aRequestObject,
  makePipelineFolders,
  type TestFolders,
} from './__testUtils__/pipelineFolders';

const created: TestFolders[] = [];
function folders(request?: unknown) {
  const made = makePipelineFolders(request);
  created.push(made);
  return made;
}
afterEach(() => created.splice(0).forEach(made => made.remove()));

function capture() {
  const lines = { out: '', err: '' };
  return {
    lines,
    output: {
      out: (text: string) => (lines.out += text),
      err: (text: string) => (lines.err += text),
    },
  };
}

const invalidSpec = { billingMode: 'PROVISIONED' };

describe('main', () => {
  it('takes the folders and the action as flags, and exits 0 when the Table is written', async () => {
    const dirs = folders(aRequestObject());
    const { lines, output } = capture();
    const code = await main(
      [
        '--input-dir',
        dirs.inputDir,
        '--output-dir',
        dirs.outputDir,
        '--metadata-dir',
        dirs.metadataDir,
      ],
      {},
      output,
    );
    expect(code).toBe(0);
    expect(lines.out).toMatch(
      /^ACK Table team-a\/sessions requested.*\nwrote .*dynamodb-table\.yaml\n$/,
    );
  });

  it('exits 1 and explains on stderr when the request is invalid', async () => {
    const dirs = folders(aRequestObject(invalidSpec));
    const { lines, output } = capture();
    const env = {
      KRATIX_INPUT_DIR: dirs.inputDir,
      KRATIX_OUTPUT_DIR: dirs.outputDir,
      KRATIX_METADATA_DIR: dirs.metadataDir,
    };
    expect(await main([], env, output)).toBe(1);
    expect(lines.err).toContain(
      'provisionedThroughput: is required because billingMode is PROVISIONED',
    );
  });

  it('exits 2 with the usage on an unknown flag, and prints the usage on --help', async () => {
    const failed = capture();
    expect(await main(['--input', 'x'], {}, failed.output)).toBe(2);
    expect(failed.lines.err).toContain('Usage: pipeline');
    const helped = capture();
    expect(await main(['--help'], {}, helped.output)).toBe(0);
    expect(helped.lines.out).toContain('$KRATIX_WORKFLOW_ACTION');
  });
});

describe('bin/pipeline', () => {
  const bin = path.resolve(__dirname, '..', 'bin', 'pipeline');
  const run = (dirs: TestFolders) =>
    spawnSync(process.execPath, [bin], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        KRATIX_INPUT_DIR: dirs.inputDir,
        KRATIX_OUTPUT_DIR: dirs.outputDir,
        KRATIX_METADATA_DIR: dirs.metadataDir,
      },
      timeout: 60_000,
    });

  it('runs from the TypeScript sources with plain node', () => {
    const dirs = folders(aRequestObject());
    const result = run(dirs);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(dirs.outputNames()).toEqual(['dynamodb-table.yaml']);
    expect(dirs.status().message).toMatch(
      /^ACK Table team-a\/sessions requested/,
    );
  });

  it('exits non-zero on an invalid request, with the reason in status.yaml', () => {
    const dirs = folders(aRequestObject(invalidSpec));
    const result = run(dirs);
    expect(result.status).toBe(1);
    expect(dirs.status().message).toContain(
      'provisionedThroughput: is required',
    );
  });
});
