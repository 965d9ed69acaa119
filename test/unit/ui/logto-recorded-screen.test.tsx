/**
 * The ready consent screen over the Logto adapter, fed by exchanges recorded from a running
 * Logto 1.37.1: what a user of a Logto-backed page really sees and what their clicks send.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConsentScreen } from '../../../src/index.js';
import { createInteractionClient, logtoAdapter } from '../../../src/client/index.js';
import { loadRecording, type RecordedScenario } from '../../fixtures/logto/recording.js';
import { replayLogto } from '../client/adapters/replay-logto.js';

/** Renders the consent page as it loads after sign-in, replaying `scenario` from its consent request. */
function setup(scenario: RecordedScenario) {
  const replay = replayLogto(loadRecording(scenario), 'https://auth.example', 'GET /api/interaction/consent');
  const client = createInteractionClient(logtoAdapter({ step: 'consent', endpoint: 'https://auth.example' }), {
    fetch: replay.fetch,
  });
  const onRedirect = vi.fn();
  render(<ConsentScreen client={client} onRedirect={onRedirect} />);
  return { replay, onRedirect, user: userEvent.setup() };
}

const heading = () => screen.findByRole('heading', { level: 1, name: 'Reports Hub wants to access your account' });

describe('given the recorded Logto consent for Alice', () => {
  it("should describe Logto's organization scopes in words, never as URNs", async () => {
    setup('consent-granted');
    await heading();
    expect(screen.getByText('The organizations you belong to')).toBeInTheDocument();
    expect(screen.getByText('Your roles in your organizations')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/urn:logto/);
  });

  it('should show the Reports API as the only API, and let Alice choose Acme and authorize', async () => {
    const { replay, onRedirect, user } = setup('consent-granted');
    await heading();
    const api = screen.getByRole('region', { name: 'Reports API' });
    expect(within(api).getByText('Create and edit your reports')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /urn:logto/ })).not.toBeInTheDocument();
    const organizations = screen.getByRole('group', { name: 'Organizations' });
    expect(within(organizations).getAllByRole('radio')).toHaveLength(2);
    await user.click(within(organizations).getByRole('radio', { name: 'Acme' }));
    await user.click(screen.getByRole('button', { name: 'Authorize' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://auth.example/oidc/auth/interaction-2'));
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);
  });
});

describe('given the recorded Logto consent without organizations', () => {
  it('should ask for no organization and authorize at once', async () => {
    const { replay, onRedirect, user } = setup('consent-without-organizations');
    await heading();
    expect(screen.queryByRole('group', { name: 'Organizations' })).not.toBeInTheDocument();
    expect(screen.queryByText(/not a member of any organization/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Authorize' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://auth.example/oidc/auth/interaction-2'));
    expect(replay.mismatches).toEqual([]);
  });
});

describe('given the recorded Logto consent that Bob cancels', () => {
  it("should send the browser back to the app's redirect URI", async () => {
    const { replay, onRedirect, user } = setup('consent-denied');
    await heading();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://reports.example/callback'));
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);
  });
});
