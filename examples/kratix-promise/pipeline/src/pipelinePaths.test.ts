import { resolveAction, resolveFolders } from './pipelinePaths';

describe('resolveFolders', () => {
  it('uses the Kratix folders by default', () => {
    expect(resolveFolders({}, {})).toEqual({
      inputDir: '/kratix/input',
      outputDir: '/kratix/output',
      metadataDir: '/kratix/metadata',
    });
  });

  it('lets the environment override the defaults, and arguments override both', () => {
    const env = {
      KRATIX_INPUT_DIR: '/env/in',
      KRATIX_OUTPUT_DIR: '/env/out',
      KRATIX_METADATA_DIR: '/env/meta',
    };
    expect(resolveFolders({ outputDir: '/arg/out' }, env)).toEqual({
      inputDir: '/env/in',
      outputDir: '/arg/out',
      metadataDir: '/env/meta',
    });
  });
});

describe('resolveAction', () => {
  it('reads KRATIX_WORKFLOW_ACTION, configure when unset, an argument first', () => {
    expect(resolveAction(undefined, {})).toBe('configure');
    expect(resolveAction(undefined, { KRATIX_WORKFLOW_ACTION: 'delete' })).toBe(
      'delete',
    );
    expect(
      resolveAction('configure', { KRATIX_WORKFLOW_ACTION: 'delete' }),
    ).toBe('configure');
  });
});
