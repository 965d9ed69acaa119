import { computeConsentOffer, planConsent, type ConsentOfferInput } from '../../src/server/core/consent-offer.js';

const API = 'https://api.example.test';
const ORG = 'urn:example:organizations';

function input(overrides: Partial<ConsentOfferInput> = {}): ConsentOfferInput {
  return {
    missingOIDCScope: ['openid', 'profile', 'email'],
    grantedOIDCScope: [],
    missingOIDCClaims: [],
    missingResourceScopes: { [API]: ['read:reports', 'write:reports'] },
    grantedResourceScopes: {},
    permissions: { [API]: ['read:reports'] },
    organizations: [
      { id: 'acme', name: 'Acme', role: 'admin', permissions: ['read:members', 'invite:members'] },
      { id: 'globex', name: 'Globex', permissions: ['read:members'] },
    ],
    organizationResource: ORG,
    resourceDescriptions: { [API]: { name: 'Reports API', scopes: { 'read:reports': 'Read reports' } } },
    ...overrides,
  };
}

const decision = (overrides: Record<string, unknown> = {}) => ({
  profileScopes: ['openid', 'profile'],
  resources: { [API]: ['read:reports'] },
  organizationIds: [],
  remember: false,
  ...overrides,
});

describe('given a request for profile scopes and an API the user partly holds', () => {
  const offer = computeConsentOffer(input());

  it('should offer openid as required and the other profile scopes as optional', () => {
    expect(offer.request.profileScopes).toEqual([
      { name: 'openid', required: true },
      { name: 'profile', required: false },
      { name: 'email', required: false },
    ]);
  });

  it('should offer only the held API scope, described, and report the other as withheld', () => {
    expect(offer.request.resources).toEqual([
      {
        indicator: API,
        name: 'Reports API',
        scopes: [{ name: 'read:reports', required: false, description: 'Read reports' }],
      },
    ]);
    expect(offer.request.withheld).toEqual([{ name: 'write:reports', resource: API }]);
    expect(offer.request.organizations).toBeUndefined();
    expect(offer.request.rememberable).toBe(false);
  });

  it('should plan to grant the ticked scopes and reject the unticked and withheld ones', () => {
    const result = planConsent(offer, decision());
    expect(result).toEqual({
      ok: true,
      plan: {
        oidc: { grant: ['openid', 'profile'], reject: ['email'] },
        claims: { grant: [], reject: [] },
        resources: [{ indicator: API, grant: ['read:reports'], reject: ['write:reports'] }],
        organizationIds: [],
        remember: false,
      },
    });
  });

  it('should reject a withheld API scope named by the browser as invalid_scope', () => {
    const result = planConsent(offer, decision({ resources: { [API]: ['read:reports', 'write:reports'] } }));
    expect(result).toMatchObject({ ok: false, error: 'invalid_scope' });
  });

  it('should reject an unrequested profile scope as invalid_scope', () => {
    expect(planConsent(offer, decision({ profileScopes: ['openid', 'phone'] }))).toMatchObject({
      ok: false,
      error: 'invalid_scope',
    });
  });

  it('should reject a decision without the required openid scope as invalid_scope', () => {
    expect(planConsent(offer, decision({ profileScopes: ['profile'] }))).toMatchObject({
      ok: false,
      error: 'invalid_scope',
    });
  });

  it('should reject an unrequested resource as invalid_scope', () => {
    const result = planConsent(offer, decision({ resources: { 'https://evil.test': ['read:reports'] } }));
    expect(result).toMatchObject({ ok: false, error: 'invalid_scope' });
  });

  it('should reject organizations when none were requested as invalid_organization', () => {
    expect(planConsent(offer, decision({ organizationIds: ['acme'] }))).toMatchObject({
      ok: false,
      error: 'invalid_organization',
    });
  });

  it.each([
    ['not an object', 'yes'],
    ['null', null],
    ['profileScopes not a list', decision({ profileScopes: 'openid' })],
    ['a non-string scope', decision({ profileScopes: ['openid', 42] })],
    ['resources an array', decision({ resources: [] })],
    ['remember not a boolean', decision({ remember: 'yes' })],
    ['organizationIds missing', { profileScopes: ['openid'], resources: {} }],
  ])('should refuse a body that is %s as invalid_request', (_label, body) => {
    expect(planConsent(offer, body)).toMatchObject({ ok: false, error: 'invalid_request' });
  });
});

describe('given a request for organization permissions', () => {
  const offer = computeConsentOffer(
    input({
      missingResourceScopes: { [ORG]: ['read:members', 'invite:members', 'delete:org'] },
      permissions: {},
    }),
  );

  it('should offer each membership with the requested permissions held there, single and required', () => {
    expect(offer.request.resources).toEqual([]);
    expect(offer.request.organizations).toEqual({
      selection: 'single',
      required: true,
      options: [
        {
          id: 'acme',
          name: 'Acme',
          role: 'admin',
          permissions: [
            { name: 'read:members', required: true },
            { name: 'invite:members', required: true },
          ],
        },
        { id: 'globex', name: 'Globex', permissions: [{ name: 'read:members', required: true }] },
      ],
    });
    expect(offer.request.withheld).toEqual([{ name: 'delete:org', resource: ORG }]);
  });

  it("should grant the chosen organization's permissions and reject the rest", () => {
    const result = planConsent(offer, decision({ resources: {}, organizationIds: ['globex'] }));
    expect(result.ok && result.plan.resources).toEqual([
      { indicator: ORG, grant: ['read:members'], reject: ['invite:members', 'delete:org'] },
    ]);
    expect(result.ok && result.plan.organizationIds).toEqual(['globex']);
  });

  it('should refuse an organization the user is not a member of', () => {
    expect(planConsent(offer, decision({ resources: {}, organizationIds: ['initech'] }))).toMatchObject({
      ok: false,
      error: 'invalid_organization',
    });
  });

  it('should refuse an empty choice, since one is required', () => {
    expect(planConsent(offer, decision({ resources: {}, organizationIds: [] }))).toMatchObject({
      ok: false,
      error: 'invalid_organization',
    });
  });

  it('should refuse two organizations with single selection', () => {
    expect(planConsent(offer, decision({ resources: {}, organizationIds: ['acme', 'globex'] }))).toMatchObject({
      ok: false,
      error: 'invalid_organization',
    });
  });

  it("should refuse organization permissions beyond the chosen organization's", () => {
    const result = planConsent(
      offer,
      decision({ resources: { [ORG]: ['invite:members'] }, organizationIds: ['globex'] }),
    );
    expect(result).toMatchObject({ ok: false, error: 'invalid_scope' });
  });
});

describe('given scopes the client already holds', () => {
  const offer = computeConsentOffer(
    input({
      missingOIDCScope: ['email'],
      grantedOIDCScope: ['openid', 'profile'],
      missingResourceScopes: { [API]: ['write:reports'] },
      grantedResourceScopes: { [API]: ['read:reports'] },
      permissions: { [API]: ['read:reports', 'write:reports'] },
      missingOIDCClaims: ['email_verified'],
    }),
  );

  it('should list them marked granted next to the missing ones', () => {
    expect(offer.request.profileScopes).toEqual([
      { name: 'email', required: false },
      { name: 'openid', required: true, granted: true },
      { name: 'profile', required: false, granted: true },
    ]);
    expect(offer.request.resources[0]?.scopes).toEqual([
      { name: 'write:reports', required: false },
      { name: 'read:reports', required: false, granted: true, description: 'Read reports' },
    ]);
    // No claim-to-scope mapping given: the claim is shown on its own.
    expect(offer.request.claims).toEqual([{ name: 'email_verified' }]);
  });

  it('should grant a claim on its own line only when approved, and reject it otherwise', () => {
    const refused = planConsent(offer, decision({ profileScopes: ['openid'], resources: {} }));
    const approved = planConsent(
      offer,
      decision({ profileScopes: ['openid'], resources: {}, claims: ['email_verified'] }),
    );
    expect(refused.ok && refused.plan.claims).toEqual({ grant: [], reject: ['email_verified'] });
    expect(approved.ok && approved.plan.claims).toEqual({ grant: ['email_verified'], reject: [] });
    expect(approved.ok && approved.plan.oidc).toEqual({ grant: ['openid'], reject: ['email', 'profile'] });
  });
});

describe('given claims requested through the claims parameter', () => {
  const claimScopes = { email: ['email'], email_verified: ['email'], name: ['profile'], given_name: ['profile'] };
  const offerFor = (missingOIDCScope: string[], missingOIDCClaims: string[]) =>
    computeConsentOffer(
      input({
        missingOIDCScope,
        missingOIDCClaims,
        claimScopes,
        claimDescriptions: { department: { description: 'Your department', descriptions: { ko: '소속 부서' } } },
        missingResourceScopes: {},
      }),
    );

  it("should show each claim of a claims-only request on its own line, with the host's text where given", () => {
    const offer = offerFor(['openid'], ['email', 'name', 'department']);
    expect(offer.request.claims).toEqual([
      { name: 'email' },
      { name: 'name' },
      { name: 'department', description: 'Your department', descriptions: { ko: '소속 부서' } },
    ]);
  });

  it('should release each claim of a claims-only request only when approved, and record the refused ones', () => {
    const offer = offerFor(['openid'], ['email', 'name', 'department']);
    const result = planConsent(offer, decision({ profileScopes: ['openid'], resources: {}, claims: ['name'] }));
    expect(result.ok && result.plan.claims).toEqual({ grant: ['name'], reject: ['email', 'department'] });
  });

  it('should fold a claim into the requested scope releasing it, never releasing it behind an unticked one', () => {
    const offer = offerFor(['openid', 'profile', 'email'], ['email', 'given_name', 'department']);
    expect(offer.request.claims).toEqual([
      { name: 'department', description: 'Your department', descriptions: { ko: '소속 부서' } },
    ]);

    const unticked = planConsent(offer, decision({ profileScopes: ['openid'], resources: {}, claims: ['department'] }));
    expect(unticked.ok && unticked.plan.claims).toEqual({ grant: ['department'], reject: ['email', 'given_name'] });
    const ticked = planConsent(offer, decision({ profileScopes: ['openid', 'email'], resources: {} }));
    expect(ticked.ok && ticked.plan.claims).toEqual({ grant: ['email'], reject: ['department', 'given_name'] });
  });

  it('should refuse a decision approving a claim not on offer (or one its scope governs) with invalid_request', () => {
    const offer = offerFor(['openid', 'email'], ['email', 'name']);
    expect(planConsent(offer, decision({ profileScopes: ['openid'], resources: {}, claims: ['email'] }))).toEqual({
      ok: false,
      error: 'invalid_request',
      description: 'claim not on offer: email',
    });
    expect(
      planConsent(offer, decision({ profileScopes: ['openid'], resources: {}, claims: ['phone_number'] })),
    ).toMatchObject({
      ok: false,
      error: 'invalid_request',
    });
  });

  it('should refuse claims that are not a list of names as invalid_request', () => {
    const offer = offerFor(['openid'], ['name']);
    expect(planConsent(offer, decision({ profileScopes: ['openid'], resources: {}, claims: 'name' }))).toMatchObject({
      ok: false,
      error: 'invalid_request',
    });
  });
});

describe('given an API that lists a required scope', () => {
  const offer = computeConsentOffer(
    input({
      permissions: { [API]: ['read:reports', 'write:reports'] },
      resourceDescriptions: { [API]: { name: 'Reports API', required: ['read:reports', 'not:held'] } },
    }),
  );

  it('should lock the held required scope on and leave the other optional', () => {
    expect(offer.request.resources[0]?.scopes).toEqual([
      { name: 'read:reports', required: true },
      { name: 'write:reports', required: false },
    ]);
  });

  it('should refuse a decision leaving it out as invalid_scope', () => {
    expect(planConsent(offer, decision({ resources: { [API]: ['write:reports'] } }))).toEqual({
      ok: false,
      error: 'invalid_scope',
      description: `required scope missing for ${API}: read:reports`,
    });
    expect(planConsent(offer, decision({ resources: {} }))).toMatchObject({ ok: false, error: 'invalid_scope' });
    expect(planConsent(offer, decision({ resources: { [API]: ['read:reports'] } }))).toMatchObject({ ok: true });
  });
});

describe('given multiple, optional organization selection and a rememberable decision', () => {
  const offer = computeConsentOffer(
    input({
      missingResourceScopes: { [ORG]: ['read:members', 'invite:members'] },
      organizationSelection: 'multiple',
      organizationRequired: false,
      rememberable: true,
    }),
  );

  it('should say so in the request', () => {
    expect(offer.request.organizations).toMatchObject({ selection: 'multiple', required: false });
    expect(offer.request.rememberable).toBe(true);
  });

  it('should accept several organizations, or none, and carry remember into the plan', () => {
    const both = planConsent(offer, decision({ resources: {}, organizationIds: ['acme', 'globex'], remember: true }));
    expect(both).toMatchObject({ ok: true, plan: { organizationIds: ['acme', 'globex'], remember: true } });
    expect(planConsent(offer, decision({ resources: {}, organizationIds: [] }))).toMatchObject({ ok: true });
  });
});
