/** Running the project's own tools (tsc, vite, node) on a fixture app, with their output on failure. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` in `cwd`; never throws on a non-zero exit (the test asserts the code and shows the output). */
export function runIn(
  cwd: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A binary of the project's own `node_modules/.bin` (tsc, vite): fixture apps install no tools. */
export const projectBin = (name: string): string => join(PROJECT_ROOT, 'node_modules/.bin', name);

/** A result's output, for the failure message of an exit-code assertion. */
export const output = (result: RunResult): string => `${result.stdout}\n${result.stderr}`.trim();
