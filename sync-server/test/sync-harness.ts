import { randomUUID } from "node:crypto";
import {
  MemoryOutbox,
  MemoryReplica,
  protocolVersion,
  SyncClient,
  type SyncTransport,
  type syncApi,
  type userApi,
} from "@worktrackr/shared-schema";
import { type AccountsHarness, startAccountsHarness, strongPassword } from "./accounts-harness.js";
import { expectStatus, type TestBrowser } from "./http-client.js";

export interface Device {
  readonly client: SyncClient;
  readonly replica: MemoryReplica;
  readonly outbox: MemoryOutbox;
  readonly browser: TestBrowser;
  /** When false, every push and pull fails as with no network. */
  online: boolean;
}

export interface Team {
  readonly organisationId: string;
  readonly admin: TestBrowser;
  readonly adminId: string;
  readonly members: Record<string, { browser: TestBrowser; userId: string }>;
}

/** Sync over HTTP through a signed-in browser, as the PWA does it. */
export function httpTransport(browser: TestBrowser, isOnline: () => boolean): SyncTransport {
  const offline = () => new Error("offline");
  return {
    async push(request) {
      if (!isOnline()) throw offline();
      return expectStatus<syncApi.PushResponse>(await browser.post("/api/sync/push", request), 200);
    },
    async pull(cursor, limit) {
      if (!isOnline()) throw offline();
      return expectStatus<syncApi.PullResponse>(
        await browser.get(`/api/sync/pull?cursor=${cursor}&limit=${limit}&protocol=${protocolVersion}`),
        200,
      );
    },
  };
}

export function makeDevice(
  browser: TestBrowser,
  options: { clientId?: string; wallClock?: () => number } = {},
): Device {
  const replica = new MemoryReplica();
  const outbox = new MemoryOutbox();
  const device: Device = {
    replica,
    outbox,
    browser,
    online: true,
    client: undefined as unknown as SyncClient,
  };
  const client = new SyncClient({
    clientId: options.clientId ?? `device-${randomUUID().slice(0, 8)}`,
    transport: httpTransport(browser, () => device.online),
    replica,
    outbox,
    newId: randomUUID,
    ...(options.wallClock ? { wallClock: options.wallClock } : {}),
  });
  Object.assign(device, { client });
  return device;
}

/** An organisation with an admin and invited members (by role), each signed in on their own browser. */
export async function createTeam(
  h: AccountsHarness,
  name: string,
  roles: Record<string, "admin" | "manager" | "staff">,
): Promise<Team> {
  const adminEmail = `admin@${name}.example.com`;
  const admin = await h.register({ email: adminEmail, organisationName: name });
  const session = await expectStatus<{ organisation: { id: string }; user: { id: string } }>(
    await admin.get("/api/auth/session"),
    200,
  );
  const members: Team["members"] = {};
  for (const [label, role] of Object.entries(roles)) {
    const email = `${label}@${name}.example.com`;
    await expectStatus<userApi.Member>(await admin.post("/api/user/members", { email, role }), 201);
    const mail = await h.inbox.waitFor(email, (m) => m.subject.includes("invited you"));
    const token = /token=([a-z0-9]+)/.exec(mail.text)?.[1];
    const browser = h.browser();
    const info = await expectStatus<{ user: { id: string } }>(
      await browser.post("/api/auth/accept-invitation", { token, name: label, password: strongPassword }),
      200,
    );
    members[label] = { browser, userId: info.user.id };
  }
  return { organisationId: session.organisation.id, admin, adminId: session.user.id, members };
}

export { startAccountsHarness };
