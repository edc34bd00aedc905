import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgliteReplica } from "../replica.js";
import { listTickets } from "./ticket-list.js";

const samId = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0101";
const queueId = "0b6c1a52-5d7e-4a36-9a55-4a7f3c2f0201";

describe("listTickets", () => {
  let db: PGlite;
  let replica: PgliteReplica;
  beforeAll(async () => {
    db = new PGlite();
    replica = await PgliteReplica.open(db);
    await db.query("insert into users (id, email, name) values ($1, 'sam@example.com', 'Sam')", [samId]);
    await db.query("insert into queues (id, name) values ($1, 'Maintenance')", [queueId]);
    // Thousands of tickets: every third one Sam's and in the queue, every fifth one closed.
    await db.query(
      `insert into tickets (id, title, description, status, priority, assignee_id, queue_id, created_at)
       select gen_random_uuid(), 'Ticket ' || n, case when n % 100 = 0 then 'Boiler pressure low' end,
              case when n % 5 = 0 then 'closed' else 'open' end, 'medium',
              case when n % 3 = 0 then $1::uuid end, case when n % 3 = 0 then $2::uuid end,
              now() - n * interval '1 minute'
         from generate_series(1, 3000) n`,
      [samId, queueId],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it("returns one page of the newest tickets, not the whole table", async () => {
    const rows = await listTickets(replica, {}, 50);
    expect(rows).toHaveLength(50);
    expect(rows[0]?.title).toBe("Ticket 1");
  });

  it("narrows by status, assignee and queue together, with the names to show", async () => {
    const rows = await listTickets(replica, { status: "closed", assignee: samId, queue: queueId }, 5000);
    expect(rows).toHaveLength(200);
    expect(rows[0]).toMatchObject({ title: "Ticket 15", assignee_name: "Sam", queue_name: "Maintenance" });
  });

  it("finds words in the title or the description, whatever their case", async () => {
    const rows = await listTickets(replica, { search: "BOILER low" }, 5000);
    expect(rows).toHaveLength(30);
    expect((await listTickets(replica, { search: "Ticket 2999" })).map((r) => r.title)).toEqual(["Ticket 2999"]);
  });

  it("lists unassigned tickets", async () => {
    const rows = await listTickets(replica, { assignee: "none" }, 5000);
    expect(rows).toHaveLength(2000);
    expect(rows.every((r) => r.assignee_id === null)).toBe(true);
  });
});
