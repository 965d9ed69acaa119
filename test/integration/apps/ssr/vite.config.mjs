// The browser half of a server-rendering host: one entry script that hydrates what the server
// rendered, and the manifest the server reads to preload the chunks a step needs. Built in
// development mode by the integration suite, so React reports any hydration mismatch.
export default {
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    minify: false,
    manifest: true,
    rolldownOptions: { input: 'src/hydrate.tsx' },
  },
};
