/**
 * Where the tests find the repository's example files and the upstream CRDs. Test-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The repository root: the nearest folder above this one that holds yarn.lock. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'yarn.lock'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no yarn.lock above ${start}`);
    dir = parent;
  }
  return dir;
}

// Jest runs from the package or the repository root; both lie inside the repository.
export const REPO_ROOT = findRepoRoot(process.cwd());

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The upstream CRDs: $KRATIX_DYNAMODB_UPSTREAM_DIR, else shared/upstream beside the repo. */
export const UPSTREAM_DIR =
  process.env.KRATIX_DYNAMODB_UPSTREAM_DIR ??
  path.resolve(REPO_ROOT, '..', 'shared', 'upstream');

export function readYamlFile(file: string): any {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** Every document of a multi-document YAML file. */
export function readYamlDocuments(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc =>
    doc.toJS(),
  );
}

export function readUpstreamYaml(relativePath: string): any {
  return readYamlDocuments(path.join(UPSTREAM_DIR, relativePath)).find(Boolean);
}

/** Whether the upstream CRDs are there; the conformance tests need them. */
export const UPSTREAM_PRESENT = fs.existsSync(UPSTREAM_DIR);

/**
 * Says plainly that a group of conformance tests did not run and why, and answers whether
 * the upstream folder really is absent (the one test registered in their place asserts it).
 */
export function explainUpstreamAbsent(what: string): boolean {
  process.stdout.write(
    `${what}: not run, because the upstream CRDs are not at ${UPSTREAM_DIR}. ` +
      'Set KRATIX_DYNAMODB_UPSTREAM_DIR to the folder that holds them.\n',
  );
  return !fs.existsSync(UPSTREAM_DIR);
}
