// A Next.js 15 App Router host. JavaScript files, so the build needs no TypeScript of its own
// (the Vite hosts type-check the published declarations); linting is the host's business.
export default {
  eslint: { ignoreDuringBuilds: true },
  outputFileTracingRoot: import.meta.dirname,
};
