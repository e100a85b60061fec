'use strict';
/*
 * The README's "Installing the plugins into an existing Backstage app" section, read as steps,
 * so that the new-app test does what the README says and breaks when the two drift apart.
 *
 * A step is a fenced block under one of the section's `###` headings:
 *  - `sh` blocks are commands, run in the app's root;
 *  - blocks whose first line names a file (`// packages/backend/src/index.ts`, or
 *    `# .yarnrc.yml`) are edits of that file: TypeScript lines go before
 *    `backend.start();` in a backend's index, YAML is merged into the file;
 *  - other blocks are the README's illustrations (the createApp snippet that an app without
 *    `app.packages: all` needs) and are returned as such, for the test to decide on.
 */
const fs = require('node:fs');

const SECTION = '## Installing the plugins into an existing Backstage app';

function readSection(readmeFile) {
  const text = fs.readFileSync(readmeFile, 'utf8');
  const start = text.indexOf(`${SECTION}\n`);
  if (start < 0) throw new Error(`README has no "${SECTION}" section`);
  const rest = text.slice(start + SECTION.length);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

function stepOf(subsection, lang, body) {
  const lines = body.replace(/\n$/, '').split('\n');
  const named = lines[0].match(/^(?:\/\/|#)\s+(\S+\.(?:ts|tsx|ya?ml))\s*$/);
  if (lang === 'sh')
    return lines
      .filter(l => l.trim() && !l.trim().startsWith('#'))
      .map(command => ({ subsection, kind: 'command', command }));
  if (named)
    return [
      {
        subsection,
        kind: 'edit',
        file: named[1],
        lang,
        content: lines.slice(1).join('\n'),
      },
    ];
  return [{ subsection, kind: 'illustration', lang, content: body }];
}

/** The steps of the section, in order, each with the `###` heading it stands under. */
function readmeInstallSteps(readmeFile) {
  const section = readSection(readmeFile);
  const steps = [];
  let subsection = '';
  const pattern = /^### (.+)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of section.matchAll(pattern)) {
    if (m[1]) subsection = m[1].trim();
    else steps.push(...stepOf(subsection, m[2], m[3]));
  }
  return steps;
}

module.exports = { readmeInstallSteps };
