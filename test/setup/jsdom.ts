import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* / waitFor give up after 1 s by default, which a loaded CI machine can exceed while
// React is still rendering; the wait ends as soon as the condition holds, so a long limit costs
// nothing when it passes. It stays below the project's test limit (vite.config.ts) so a real hang
// reports the query that never matched.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
});
