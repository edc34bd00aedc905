import type { Hono } from "hono";
import { testOrigin } from "./test-deps.js";

// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its env and schema
type AnyApp = Hono<any, any, any>;

/**
 * A browser stand-in for in-process requests: keeps cookies like a browser does and sends the
 * app's Origin on writes, as a same-origin fetch would.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: AnyApp,
    private readonly ip = "203.0.113.10",
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(method !== "GET" ? { origin: testOrigin } : {}),
        ...(cookie ? { cookie } : {}),
        "x-forwarded-for": this.ip,
        "user-agent": "TestBrowser/1.0",
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const isExpired = attributes.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (isExpired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("POST", path, body ?? {}, headers);
  put = (path: string, body?: unknown) => this.request("PUT", path, body ?? {});
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body ?? {});
  delete = (path: string) => this.request("DELETE", path);
}

/** The JSON body of a response, after checking its status (the body is in the failure message). */
export async function expectStatus<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
