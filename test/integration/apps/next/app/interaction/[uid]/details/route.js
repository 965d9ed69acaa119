// GET /interaction/<uid>/details: the step, from steps.json (written by the test).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const dynamic = 'force-dynamic';

export async function GET(_request, { params }) {
  const { uid } = await params;
  const steps = JSON.parse(await readFile(join(process.cwd(), 'steps.json'), 'utf8'));
  if (!steps[uid]) return Response.json({ error: 'not_found' }, { status: 404 });
  return Response.json(steps[uid], { headers: { 'cache-control': 'no-store' } });
}
