/**
 * draftvault's layers, top to bottom; a module may import only from its own layer or below
 * (README, "Architecture"). `npm run lint` runs this; test/lint/layers.test.ts shows that an
 * upward import fails it.
 */
const LAYERS = [
  ['cli', '^src/cli/'],
  ['jobs', '^src/(jobs|doctor)/'],
  ['runner', '^src/runner/'],
  ['flows', '^src/(flows|config)/'],
  ['steps', '^src/steps/'],
  ['device', '^src/drivers/(?!sim/)'],
  ['appium', '^src/appium/'],
  ['core', '^src/(core/|media/|errors\\.ts|validation\\.ts|paths\\.ts)'],
];

const upward = LAYERS.map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may not import from a layer above it (${LAYERS.slice(0, i).map(([n]) => n).join(', ') || 'none'})`,
  severity: 'error',
  from: { path },
  to: { path: i === 0 ? '^$' : LAYERS.slice(0, i).map(([, p]) => `(${p})`).join('|') },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'sim-package-self-contained',
      comment: 'the simulated phone is its own package: nothing outside src/drivers/sim/ (but its dependencies)',
      severity: 'error',
      from: { path: '^src/drivers/sim/' },
      to: { path: '^src/', pathNot: '^src/drivers/sim/' },
    },
    {
      name: 'sim-package-public-api',
      comment: 'draftvault reaches the simulated phone through the package (draftvault-sim-driver/api), not its internals',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/drivers/sim/' },
      to: { path: '^src/drivers/sim/', pathNot: '^src/drivers/sim/(build/|api\\.ts$|index\\.ts$)' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles in draftvault (type-only ones included)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/drivers/sim/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/drivers/sim/(build|test)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
  },
};
