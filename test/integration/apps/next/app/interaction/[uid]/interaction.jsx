'use client';
// The interaction page's client half: the kit's client against the kit protocol (the route
// handlers beside this file) and the screen with the callbacks a host passes. What the screen
// reports is recorded on window.hostEvents for the test to read.
import { InteractionScreen } from 'consent-kit';
import { createInteractionClient, kitAdapter } from 'consent-kit/client';
import { useMemo } from 'react';

function record(event) {
  window.hostEvents ??= [];
  window.hostEvents.push(event);
}

export default function Interaction({ uid }) {
  const client = useMemo(() => createInteractionClient(kitAdapter({ baseUrl: `/interaction/${uid}` })), [uid]);
  return (
    <InteractionScreen
      client={client}
      className="host-screen"
      onRedirect={(url) => record({ type: 'redirect', url })}
      onDecision={(event) => record({ type: 'decision', event })}
      onError={(error, { action }) => record({ type: 'error', action, message: String(error) })}
    />
  );
}
