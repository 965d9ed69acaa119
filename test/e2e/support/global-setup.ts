/** Builds the demo pages once for every end-to-end test file. */
import { buildDemo } from '../../../demo/build.js';

export default async function setup(): Promise<void> {
  await buildDemo();
}
