/**
 * Reads the parts of a `vela def` CUE file that the ComponentDefinition object repeats.
 * Line-based, for the layout `cue fmt` writes (tabs, closing braces at column 0). Test-only.
 */

/** Strips the indentation all non-blank lines share. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const depth = Math.min(
    ...lines
      .filter(line => line.trim())
      .map(line => line.match(/^\t*/)![0].length),
  );
  return lines.map(line => line.slice(depth)).join('\n');
}

/** The body of the top-level `template: {...}`, as it goes into spec.schematic.cue.template. */
export function cueTemplateBody(cue: string): string {
  const lines = cue.split('\n');
  const start = lines.indexOf('template: {');
  const end = lines.lastIndexOf('}');
  if (start < 0 || end <= start)
    throw new Error('no top-level template: { ... } block');
  return `${lines
    .slice(start + 1, end)
    .map(line => line.replace(/^\t/, ''))
    .join('\n')}\n`;
}

/** The text of a `name: #"""...."""#` string field, such as healthPolicy. */
export function cueMultilineString(cue: string, name: string): string {
  const match = cue.match(
    new RegExp(`${name}: #"""\\n([\\s\\S]*?)\\n\\s*"""#`),
  );
  if (!match) throw new Error(`no ${name}: #"""...""""# field`);
  return dedent(match[1]);
}

/** The names of the fields directly inside `parameter: {...}` (optional ones included). */
export function cueParameterNames(templateBody: string): string[] {
  const lines = templateBody.split('\n');
  const start = lines.indexOf('parameter: {');
  const end = lines.indexOf('}', start);
  return lines
    .slice(start + 1, end)
    .map(line => line.match(/^\t([A-Za-z]+)\??:/)?.[1])
    .filter((name): name is string => name !== undefined);
}
