// POST /interaction/<uid>/<action> (consent, deny…): the provider's answer, a redirect.
export async function POST(request, { params }) {
  const { uid, action } = await params;
  await request.text();
  return Response.json({ redirectTo: `https://app.example.test/callback?step=${uid}&action=${action}` });
}
