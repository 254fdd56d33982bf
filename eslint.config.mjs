// One ESLint config for the workspace. The module-boundary matrix is the point:
// services may use libs, libs never use services, contracts depend on nothing.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The matrix: services use libs and contracts; libs use libs and contracts; contracts use
 * nothing; a scope uses itself and `shared`. Only test code may use `type:testing` (the real
 * servers and probes), which itself uses libs: the kafka ↔ testing edge exists in tests only.
 */
function boundaries({ testCode }) {
  const testing = testCode ? ['type:testing'] : [];
  const scoped = (scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  });
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    banTransitiveDependencies: false,
    ignoredCircularDependencies: testCode ? [['kafka', 'testing']] : [],
    depConstraints: [
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', ...testing],
      },
      {
        sourceTag: 'type:lib',
        onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', ...testing],
      },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      {
        sourceTag: 'type:e2e',
        onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'],
      },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      ...['registry', 'harvester', 'reporting', 'dashboard'].map(scoped),
    ],
  };
}

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '.infra',
      'libs/contracts/src/gen/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ testCode: false })],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.test-helper.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ testCode: true })],
    },
  },
];
