import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/**
 * Cookie names: with https the __Host- prefix pins the cookie to this exact host and path, and it
 * is Secure. HttpOnly, SameSite=Lax always.
 */
export function cookieNames(isSecure: boolean) {
  const prefix = isSecure ? "__Host-" : "";
  return { session: `${prefix}worktrackr_session`, pendingLogin: `${prefix}worktrackr_pending_login` } as const;
}

export type CookieKind = keyof ReturnType<typeof cookieNames>;

export function readCookie(c: Context, isSecure: boolean, kind: CookieKind): string | undefined {
  return getCookie(c, cookieNames(isSecure)[kind]);
}

export function writeCookie(c: Context, isSecure: boolean, kind: CookieKind, value: string, expiresAt: Date): void {
  setCookie(c, cookieNames(isSecure)[kind], value, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure,
    expires: expiresAt,
  });
}

export function clearCookie(c: Context, isSecure: boolean, kind: CookieKind): void {
  deleteCookie(c, cookieNames(isSecure)[kind], { path: "/", secure: isSecure, httpOnly: true, sameSite: "Lax" });
}
