/** The organisation's look in its emails (org_branding), or WorkTrackr's own. */
export interface Branding {
  readonly productName: string;
  readonly primaryColor: string;
}

export const defaultBranding: Branding = { productName: "WorkTrackr", primaryColor: "#0ea5e9" };

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly fromName: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const safeColor = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color : defaultBranding.primaryColor);

interface Content {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly action?: { readonly label: string; readonly url: string };
  readonly code?: string;
  readonly footer: string;
}

function render(branding: Branding, content: Content): RenderedEmail {
  const color = safeColor(branding.primaryColor);
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.code ? [`Your code: ${content.code}`, ""] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    content.footer,
    "",
    `${branding.productName}`,
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;overflow:hidden">
<tr><td style="background:${color};color:#ffffff;padding:16px 24px;font-size:20px;font-weight:700">${escapeHtml(branding.productName)}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${content.code ? `<p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:24px 0">${escapeHtml(content.code)}</p>` : ""}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:${color};color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#475569">Or open this link: ${escapeHtml(content.action.url)}</p>` : ""}
<p style="font-size:13px;color:#475569">${escapeHtml(content.footer)}</p>
</td></tr></table></td></tr></table></body></html>`;
  return { subject: content.subject, text, html, fromName: branding.productName };
}

export function passwordResetEmail(branding: Branding, name: string, url: string): RenderedEmail {
  return render(branding, {
    subject: `Reset your ${branding.productName} password`,
    greeting: `Hello ${name},`,
    paragraphs: ["Someone asked to reset the password of your account. The link works once, for one hour."],
    action: { label: "Choose a new password", url },
    footer: "If it wasn't you, ignore this email: your password stays as it is.",
  });
}

export function signInCodeEmail(branding: Branding, name: string, code: string): RenderedEmail {
  return render(branding, {
    subject: `Your ${branding.productName} sign-in code: ${code}`,
    greeting: `Hello ${name},`,
    paragraphs: ["Enter this code to finish signing in. It expires in 10 minutes."],
    code,
    footer: "If you did not try to sign in, change your password: someone knows it.",
  });
}

export function invitationEmail(
  branding: Branding,
  inviterName: string,
  organisationName: string,
  url: string,
): RenderedEmail {
  return render(branding, {
    subject: `${inviterName} invited you to ${organisationName} on ${branding.productName}`,
    greeting: "Hello,",
    paragraphs: [
      `${inviterName} invited you to join ${organisationName}. Set a password to accept; the link works for 7 days.`,
    ],
    action: { label: "Accept the invitation", url },
    footer: "If you were not expecting this, ignore this email.",
  });
}

export function passwordChangedEmail(branding: Branding, name: string): RenderedEmail {
  return render(branding, {
    subject: `Your ${branding.productName} password was changed`,
    greeting: `Hello ${name},`,
    paragraphs: ["The password of your account was just changed, and your other sessions were signed out."],
    footer: "If it wasn't you, reset your password now and tell your administrator.",
  });
}

export function paymentFailedEmail(
  branding: Branding,
  name: string,
  organisationName: string,
  url: string,
): RenderedEmail {
  return render(branding, {
    subject: `Payment failed for ${organisationName}`,
    greeting: `Hello ${name},`,
    paragraphs: [
      `We could not take the latest payment for ${organisationName}. Your team can keep working while it is sorted out.`,
      "Update the card or pay the invoice to avoid an interruption.",
    ],
    action: { label: "Review the invoice", url },
    footer: "You get this email because you are an admin of the organisation.",
  });
}
