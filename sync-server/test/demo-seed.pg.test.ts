import { migrate } from "@worktrackr/migrations";
import { afterEach, beforeEach, expect, it } from "vitest";
import { verifyPassword } from "../src/auth/password.js";
import { openPostgres } from "../src/db/postgres-adapter.js";
import { demoLogins, seedDemo } from "../src/demo/seed.js";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./databases.js";

describeEachDatabase("demo organisation", (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(kind);
    await migrate(test.db);
  });
  afterEach(async () => {
    await test.drop();
  });

  it("is seeded on the first run only, with an admin, a manager, two staff and their work", async () => {
    const first = await seedDemo(test.db);
    expect(first.seeded).toBe(true);
    expect((await seedDemo(test.db)).seeded).toBe(false);

    const [counts] = await test.db.sql<Record<string, number>>`
      select (select count(*)::int from organisations) as organisations,
             (select count(*)::int from memberships where role = 'admin') as admins,
             (select count(*)::int from memberships where role = 'manager') as managers,
             (select count(*)::int from memberships where role = 'staff') as staff,
             (select count(*)::int from queues) as queues,
             (select count(*)::int from tickets) as tickets,
             (select count(*)::int from projects) as projects,
             (select count(*)::int from tasks) as tasks,
             (select count(*)::int from time_entries where duration_seconds > 0) as time_entries`;
    expect(counts).toEqual({
      organisations: 1,
      admins: 1,
      managers: 1,
      staff: 2,
      queues: 2,
      tickets: 6,
      projects: 1,
      tasks: 4,
      time_entries: 3,
    });
  });

  it("stores the printed demo passwords as argon2id hashes that verify", async () => {
    await seedDemo(test.db);
    for (const login of demoLogins) {
      const [user] = await test.db.sql<{
        password_hash: string;
      }>`select password_hash from users where email = ${login.email}`;
      expect(user?.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user?.password_hash ?? "", login.password)).toBe(true);
    }
  });

  if (kind === "postgres") {
    it("is seeded once when two servers start at the same moment", async () => {
      const other = await openPostgres(test.url ?? "", { max: 2 });
      try {
        const results = await Promise.all([seedDemo(test.db), seedDemo(other)]);
        expect(results.filter((r) => r.seeded)).toHaveLength(1);
        const [row] = await test.db.sql<{ n: number }>`select count(*)::int as n from organisations`;
        expect(row?.n).toBe(1);
      } finally {
        await other.close();
      }
    });
  }
});
