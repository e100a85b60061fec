import { parse } from 'yaml';
import { toManifestYaml } from './manifestYaml';

/** How Go's YAML readers (kubectl, Kratix, Flux) see the text: YAML 1.1. */
const readAsYaml11 = (text: string) => parse(text, { version: '1.1' });

describe('toManifestYaml', () => {
  it('keeps the strings that YAML 1.1 reads as booleans strings', () => {
    const words = ['y', 'Y', 'n', 'yes', 'No', 'on', 'OFF', 'true', 'null'];
    const manifest = {
      spec: {
        attributeDefinitions: words.map(name => ({ attributeName: name })),
      },
    };
    expect(readAsYaml11(toManifestYaml(manifest))).toEqual(manifest);
    expect(parse(toManifestYaml(manifest))).toEqual(manifest);
  });

  it('keeps numbers, booleans, null and numeric-looking strings apart, and folds no line', () => {
    const manifest = {
      readCapacityUnits: 5,
      ratio: 0.5,
      enabled: true,
      owner: null,
      version: '1.10',
      mode: '0755',
      description: 'a '.repeat(80).trim(),
    };
    const text = toManifestYaml(manifest);
    expect(readAsYaml11(text)).toEqual(manifest);
    expect(text.split('\n').filter(Boolean)).toHaveLength(
      Object.keys(manifest).length,
    );
  });

  it('writes a shared object twice rather than as an anchor', () => {
    const key = { attributeName: 'id', keyType: 'HASH' };
    const text = toManifestYaml({ keySchema: [key], primaryKey: key });
    expect(text).not.toMatch(/[&*]ref_/);
    expect(parse(text)).toEqual({ keySchema: [key], primaryKey: key });
  });
});
