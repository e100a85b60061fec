/**
 * The command line: what the container runs. Flags override the environment, which
 * overrides the Kratix folders. Exits non-zero when no table could be requested, so Kratix
 * marks the workflow failed; the reason is in status.yaml either way.
 */
import { parseArgs } from 'node:util';
import { runPipeline } from './runPipeline';

const USAGE = `Usage: pipeline [--input-dir DIR] [--output-dir DIR] [--metadata-dir DIR] [--action configure|delete]
Defaults: $KRATIX_INPUT_DIR or /kratix/input, $KRATIX_OUTPUT_DIR or /kratix/output,
$KRATIX_METADATA_DIR or /kratix/metadata, $KRATIX_WORKFLOW_ACTION or configure.
`;

type Output = { out: (text: string) => void; err: (text: string) => void };

const processOutput: Output = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
};

/** Runs the pipeline once and returns the exit code. */
export async function main(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  output: Output = processOutput,
): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        'input-dir': { type: 'string' },
        'output-dir': { type: 'string' },
        'metadata-dir': { type: 'string' },
        action: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    output.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    output.out(USAGE);
    return 0;
  }
  try {
    const result = await runPipeline({
      inputDir: flags['input-dir'],
      outputDir: flags['output-dir'],
      metadataDir: flags['metadata-dir'],
      action: flags.action,
      env,
    });
    const report = [
      result.message,
      ...result.outputFiles.map(f => `wrote ${f}`),
    ];
    (result.ok ? output.out : output.err)(`${report.join('\n')}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    // Only the platform can cause this (unwritable folders): say so plainly.
    output.err(`The pipeline could not run: ${(error as Error).message}\n`);
    return 1;
  }
}
