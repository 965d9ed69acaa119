/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every built script and stylesheet, at
 * the highest levels, so the demo IdP serves them compressed the way a production CDN or reverse
 * proxy would, without compressing on every request (`sirv` picks the copy the browser accepts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text that browsers fetch (source maps only with devtools open). */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.html']);
/** Below this, compression saves less than the headers it costs. */
const MIN_BYTES = 1024;

/** Compresses every compressible file under `dir` (recursively) into `.br` and `.gz` siblings. */
export async function precompress(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        const body = await readFile(file);
        if (body.length < MIN_BYTES) return;
        const [br, gz] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
          gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }),
  );
}
