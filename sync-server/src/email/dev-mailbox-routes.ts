import { Hono } from "hono";
import type { DevMailbox } from "./mailer.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** /dev/mailbox: the emails the app sent while no SMTP server was configured (npm start). */
export function devMailboxRoutes(mailbox: DevMailbox) {
  return new Hono()
    .get("/messages.json", (c) => c.json({ messages: mailbox.messages() }))
    .get("/:id{[0-9]+}", (c) => {
      const message = mailbox.messages().find((m) => m.id === Number(c.req.param("id")));
      return message ? c.html(message.html) : c.text("No such message.", 404);
    })
    .get("/", (c) => {
      const rows = mailbox
        .messages()
        .map(
          (m) => `<li><a href="/dev/mailbox/${m.id}">${escapeHtml(m.subject)}</a>
            <div class="meta">to ${escapeHtml(m.to)} · ${escapeHtml(m.sentAt)}</div><pre>${escapeHtml(m.text)}</pre></li>`,
        )
        .join("");
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
li{list-style:none;border-bottom:1px solid #e2e8f0;padding:1rem 0}.meta{color:#475569;font-size:.875rem}
pre{white-space:pre-wrap;background:#f8fafc;padding:.75rem;border-radius:.5rem}</style></head>
<body><h1>Development mailbox</h1><p>No SMTP server is configured (SMTP_HOST), so emails are kept here.</p>
<ul>${rows || "<li>No emails yet.</li>"}</ul></body></html>`);
    });
}
