/**
 * The demo's "mailbox": where emailed sign-in codes go instead of a mail server. Each code is
 * printed to the terminal and listed on `GET /mailbox` on the IdP's origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One delivered message. */
export interface MailboxMessage {
  to: string;
  code: string;
  at: Date;
}

/** An in-memory mailbox. */
export interface Mailbox {
  readonly messages: readonly MailboxMessage[];
  /** Delivers a code (prints it through `log`). */
  deliver(to: string, code: string): void;
  /** The latest code sent to `to`. */
  latestCode(to: string): string | undefined;
  /** Serves `GET /mailbox` (HTML) and `GET /mailbox.json`; `true` when handled. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Creates a mailbox; `log` receives one line per delivered code (default `console.log`). */
export function createMailbox(log: (line: string) => void = console.log): Mailbox {
  const messages: MailboxMessage[] = [];
  return {
    messages,
    deliver(to, code) {
      messages.unshift({ to, code, at: new Date() });
      messages.length = Math.min(messages.length, 50);
      log(`[mailbox] Sign-in code for ${to}: ${code}`);
    },
    latestCode: (to) => messages.find((message) => message.to.toLowerCase() === to.toLowerCase())?.code,
    async serve(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || (path !== '/mailbox' && path !== '/mailbox.json')) return false;
      if (path === '/mailbox.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(messages));
        return true;
      }
      const rows = messages
        .map(
          (m) =>
            `<li><strong>${escapeHtml(m.to)}</strong>: your sign-in code is ` +
            `<code data-testid="code">${escapeHtml(m.code)}</code> ` +
            `<small>(${m.at.toLocaleTimeString('en')})</small></li>`,
        )
        .join('\n');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
code{font-size:1.25rem}</style></head>
<body><h1>Demo mailbox</h1><p>Emailed sign-in codes land here (newest first). Reload to see new ones.</p>
${rows ? `<ul>${rows}</ul>` : '<p>No messages yet.</p>'}</body></html>`);
      return true;
    },
  };
}
