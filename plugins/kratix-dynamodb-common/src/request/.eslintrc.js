// The rule tests assert through expectOnlyErrors (__testUtils__/testSpecs.ts), which calls
// expect for them; this tells the linter so.
module.exports = {
  rules: {
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectOnlyErrors'] },
    ],
  },
};
