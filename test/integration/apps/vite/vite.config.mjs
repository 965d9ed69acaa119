// A host's Vite config: nothing consent-kit needs but what every React app sets. Built in
// development mode by the integration suite, so React's development warnings are on.
export default {
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022', minify: false },
};
