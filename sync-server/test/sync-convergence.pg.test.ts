import {
  MemoryOutbox,
  MemoryReplica,
  protocolVersion,
  SyncClient,
  type SyncTransport,
  type syncApi,
  type TableName,
  ticketPriorities,
  ticketStatuses,
} from "@worktrackr/shared-schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { Db, Tx } from "../src/db/db.js";
import type { AccountsHarness } from "./accounts-harness.js";
import { describeEachDatabase } from "./databases.js";
import { expectStatus, TestBrowser } from "./http-client.js";
import { Random } from "./random.js";
import { createTeam, startAccountsHarness, type Team } from "./sync-harness.js";

/** A database that can be made to fail mid-transaction, as a server killed during a push would. */
function crashableDb(db: Db): Db & { crashAfterStatements: number | undefined } {
  const wrapTx = (tx: Tx, counter: { n: number }, limit: number | undefined): Tx => ({
    sql: (strings, ...values) => {
      counter.n += 1;
      if (limit !== undefined && counter.n === limit) return Promise.reject(new Error("server killed mid-push"));
      return tx.sql(strings, ...values);
    },
    exec: (script) => tx.exec(script),
    savepoint: (fn) => tx.savepoint((sp) => fn(wrapTx(sp, counter, limit))),
  });
  const crashable = {
    ...db,
    crashAfterStatements: undefined as number | undefined,
    begin<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const limit = crashable.crashAfterStatements;
      crashable.crashAfterStatements = undefined;
      return db.begin((tx) => fn(wrapTx(tx, { n: 0 }, limit)));
    },
  };
  return crashable;
}

interface SimDevice {
  readonly name: string;
  readonly userId: string;
  readonly role: "admin" | "manager" | "staff";
  readonly client: SyncClient;
  readonly replica: MemoryReplica;
  readonly outbox: MemoryOutbox;
  readonly browser: TestBrowser;
  online: boolean;
}

const seeds = [20261122, 7, 424242];

describeEachDatabase("sync: randomized convergence with faults", (kind) => {
  let h: AccountsHarness;
  let crashable: ReturnType<typeof crashableDb>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    h = await startAccountsHarness(kind);
    crashable = crashableDb(h.test.db);
    app = createApp({ ...h.deps, db: crashable }, { clientDist: undefined });
  });
  afterAll(async () => {
    await h.close();
  });

  for (const seed of seeds) {
    it(`converges every device on the server's rows in its scope and accounts for every mutation (seed ${seed})`, async () => {
      // A team of its own per seed, so a seed's run does not depend on the runs before it.
      const team: Team = await createTeam(h, `converge${seed}`, { manager: "manager", sam: "staff", jo: "staff" });
      const rng = new Random(seed);
      const made: syncApi.Mutation[] = [];
      const faults = { dropped: 0, lostResponses: 0, crashes: 0 };
      let isFaulty = true;

      const faultyTransport = (browser: TestBrowser, device: () => SimDevice): SyncTransport => ({
        async push(request) {
          if (!device().online) throw new Error("offline");
          const roll = isFaulty ? rng.next() : 1;
          if (roll < 0.1) {
            faults.dropped += 1;
            throw new Error("request dropped");
          }
          if (roll < 0.2) crashable.crashAfterStatements = 2 + rng.int(12);
          const res = await browser.post("/api/sync/push", request);
          if (res.status === 500) {
            faults.crashes += 1;
            throw new Error("server crashed");
          }
          const body = await expectStatus<syncApi.PushResponse>(res, 200);
          if (isFaulty && rng.chance(0.15)) {
            faults.lostResponses += 1;
            throw new Error("response lost after commit");
          }
          return body;
        },
        async pull(cursor, limit) {
          if (!device().online) throw new Error("offline");
          if (isFaulty && rng.chance(0.05)) throw new Error("request dropped");
          return expectStatus<syncApi.PullResponse>(
            await browser.get(`/api/sync/pull?cursor=${cursor}&limit=${limit}&protocol=${protocolVersion}`),
            200,
          );
        },
      });

      const people = [
        { name: "office-1", userId: team.adminId, role: "admin" as const, browser: team.admin, skewMs: 0 },
        { name: "office-2", userId: team.adminId, role: "admin" as const, browser: team.admin, skewMs: 2 * 3600_000 },
        {
          name: "manager",
          userId: team.members.manager?.userId ?? "",
          role: "manager" as const,
          browser: team.members.manager?.browser,
          skewMs: 0,
        },
        {
          name: "sam",
          userId: team.members.sam?.userId ?? "",
          role: "staff" as const,
          browser: team.members.sam?.browser,
          skewMs: -3 * 3600_000,
        },
        {
          name: "jo",
          userId: team.members.jo?.userId ?? "",
          role: "staff" as const,
          browser: team.members.jo?.browser,
          skewMs: 0,
        },
      ];
      const devices: SimDevice[] = people.map((p) => {
        const browser = new TestBrowser(app);
        for (const [k, v] of p.browser?.cookies ?? []) browser.cookies.set(k, v);
        const replica = new MemoryReplica();
        const outbox = new MemoryOutbox();
        let self: SimDevice | undefined;
        const client = new SyncClient({
          clientId: `${p.name}-${seed}`,
          transport: faultyTransport(browser, () => self as SimDevice),
          replica,
          outbox,
          newId: () => rng.uuid(),
          wallClock: () => Date.now() + p.skewMs,
          pullLimit: 1 + rng.int(40),
        });
        self = { name: p.name, userId: p.userId, role: p.role, client, replica, outbox, browser, online: true };
        return self;
      });
      const staffIds = devices.filter((d) => d.role === "staff").map((d) => d.userId);
      const rows = (d: SimDevice, table: TableName) => [...(d.replica.tables.get(table)?.values() ?? [])];
      const write = async (
        d: SimDevice,
        table: TableName,
        op: "upsert" | "delete",
        row: Record<string, unknown> & { id: string },
      ) => {
        made.push(await d.client.write(table, op, row));
      };
      const trySync = async (d: SimDevice) => {
        try {
          await d.client.sync();
        } catch {
          // Offline, dropped or crashed: the outbox keeps everything for the next try.
        }
      };

      const office = devices[0] as SimDevice;
      for (let i = 0; i < 6; i++) {
        await write(office, "tickets", "upsert", {
          id: rng.uuid(),
          title: `Ticket ${seed}-${i}`,
          assignee_id: rng.pick(staffIds),
        });
      }
      while ((await office.outbox.pending()).length > 0) await trySync(office);
      for (const d of devices) await trySync(d);

      for (let round = 0; round < 10; round++) {
        for (const d of devices) {
          d.online = rng.chance(0.7);
          for (let op = 0; op < 1 + rng.int(5); op++) {
            const tickets = rows(d, "tickets");
            const ticket = tickets.length > 0 ? rng.pick(tickets) : undefined;
            const roll = rng.next();
            if (ticket && roll < 0.3) {
              const field = rng.pick(["title", "priority", "status", "scheduled_date"] as const);
              const value =
                field === "title"
                  ? `${d.name} r${round}`
                  : field === "priority"
                    ? rng.pick(ticketPriorities)
                    : field === "status"
                      ? rng.pick(ticketStatuses)
                      : `2026-12-${String(1 + rng.int(28)).padStart(2, "0")}`;
              await write(d, "tickets", "upsert", { id: String(ticket.id), [field]: value });
            } else if (ticket && roll < 0.5) {
              await write(d, "comments", "upsert", {
                id: rng.uuid(),
                ticket_id: String(ticket.id),
                body: `${d.name} says hi (${round})`,
              });
            } else if (roll < 0.65) {
              const start = Date.UTC(2026, 10, 10 + rng.int(10), 8 + rng.int(4));
              await write(d, "time_entries", "upsert", {
                id: rng.uuid(),
                started_at: new Date(start).toISOString(),
                ended_at: new Date(start + (1 + rng.int(8)) * 900_000).toISOString(),
                ...(ticket ? { ticket_id: String(ticket.id) } : {}),
              });
            } else if (roll < 0.75) {
              const mine = rows(d, "time_entries").filter((e) => e.user_id === d.userId);
              if (mine.length > 0)
                await write(d, "time_entries", "upsert", {
                  id: String(rng.pick(mine).id),
                  notes: `edited by ${d.name}`,
                });
            } else if (ticket && roll < 0.82 && d.role !== "staff") {
              await write(d, "tickets", "upsert", { id: String(ticket.id), assignee_id: rng.pick(staffIds) });
            } else if (ticket && roll < 0.86) {
              await write(d, "tickets", "delete", { id: String(ticket.id) });
            } else {
              await write(d, "tickets", "upsert", {
                id: rng.uuid(),
                title: `New from ${d.name} r${round}`,
                ...(d.role === "staff" ? {} : { assignee_id: rng.pick(staffIds) }),
              });
            }
          }
        }
        for (const d of rng.shuffle(devices)) if (rng.chance(0.8)) await trySync(d);
      }

      // Everyone back online until every outbox is empty and a further round changes nothing.
      for (const d of devices) d.online = true;
      for (let pass = 0; pass < 20; pass++) {
        for (const d of rng.shuffle(devices)) await trySync(d);
        const pending = await Promise.all(devices.map((d) => d.outbox.pending()));
        if (pending.every((p) => p.length === 0)) break;
      }
      // Then a quiet network, to read the end state.
      isFaulty = false;
      for (const d of devices) await d.client.sync();

      for (const d of devices) {
        expect(await d.outbox.pending(), `${d.name} has unsent changes`).toEqual([]);
        const reference = new MemoryReplica();
        const fresh = new SyncClient({
          clientId: `reference-${d.name}`,
          transport: faultyTransport(d.browser, () => ({ ...d, online: true })),
          replica: reference,
          outbox: new MemoryOutbox(),
          newId: () => rng.uuid(),
        });
        await fresh.pull();
        expect(d.replica.snapshot(), `${d.name}'s replica differs from the server's rows in its scope`).toEqual(
          reference.snapshot(),
        );
      }

      const ids = made.map((m) => m.id);
      const recorded = await h.test.db.sql<{ mutation_id: string; status: string; reason: string | null }>`
        select mutation_id, status, reason from applied_mutations where mutation_id = any(${ids}::uuid[])`;
      const byId = new Map(recorded.map((r) => [r.mutation_id, r]));
      expect(
        made.filter((m) => !byId.has(m.id)),
        "mutations neither applied, merged nor rejected",
      ).toEqual([]);
      expect(recorded.filter((r) => r.status === "rejected" && !r.reason)).toEqual([]);
      const [duplicates] = await h.test.db.sql<{ n: number }>`
        select count(*)::int as n from (select mutation_id from applied_mutations group by organisation_id, mutation_id having count(*) > 1) d`;
      expect(duplicates?.n).toBe(0);
      const appliedComments = made
        .filter((m) => m.table === "comments" && byId.get(m.id)?.status === "applied")
        .map((m) => String(m.row.id));
      const [stored] = await h.test.db.sql<{ n: number }>`
        select count(*)::int as n from comments where id = any(${appliedComments}::uuid[])`;
      const [tombstoned] = await h.test.db.sql<{ n: number }>`
        select count(*)::int as n from change_log where op = 'delete' and row_id = any(${appliedComments}::uuid[])`;
      expect((stored?.n ?? 0) + (tombstoned?.n ?? 0)).toBe(new Set(appliedComments).size);
      expect(faults.dropped + faults.lostResponses + faults.crashes).toBeGreaterThan(0);
    });
  }
});
