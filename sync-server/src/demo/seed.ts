import type { Role } from "@worktrackr/shared-schema";
import { hashPassword } from "../auth/password.js";
import type { Db, Tx } from "../db/db.js";
import { refreshSeatCount } from "../members/seat-count.js";
import { createOrganisation, trialEnd } from "../organisations/create-organisation.js";

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly name: string;
}

/** Printed at start-up so anyone can sign in to a fresh install. */
export const demoLogins: readonly DemoLogin[] = [
  { name: "Alex Morgan", email: "admin@demo.example.com", password: "demo-admin-2026", role: "admin" },
  { name: "Priya Shah", email: "manager@demo.example.com", password: "demo-manager-2026", role: "manager" },
  { name: "Sam Carter", email: "sam@demo.example.com", password: "demo-crew-2026", role: "staff" },
  { name: "Jo Okafor", email: "jo@demo.example.com", password: "demo-crew-2026", role: "staff" },
];

/** Distinct from the migration lock so a seed never waits on a migration it needs to finish first. */
const seedLockKey = 7_202_611_222;

export type SeedResult = { readonly seeded: true; readonly organisationId: string } | { readonly seeded: false };

/**
 * Seeds the demo organisation on a database that has no organisation yet, under an advisory lock
 * so two instances starting together seed it once.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<SeedResult> {
  const passwordHashes = new Map<string, string>();
  for (const login of demoLogins) {
    if (!passwordHashes.has(login.password)) passwordHashes.set(login.password, await hashPassword(login.password));
  }
  return db.begin(async (tx) => {
    await tx.sql`select pg_advisory_xact_lock(${seedLockKey})`;
    const [existing] = await tx.sql`select 1 from organisations limit 1`;
    if (existing) return { seeded: false };
    const organisationId = await insertDemo(tx, now, passwordHashes);
    return { seeded: true, organisationId };
  });
}

const day = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

async function insertDemo(tx: Tx, now: Date, passwordHashes: ReadonlyMap<string, string>): Promise<string> {
  const org = {
    id: await createOrganisation(tx, {
      name: "Riverside Facilities (demo)",
      plan: "pro",
      now,
      trialEndsAt: trialEnd(now, 14),
    }),
  };

  const userIds = new Map<Role | "staff2", string>();
  for (const [i, login] of demoLogins.entries()) {
    const [user] = await tx.sql<{ id: string }>`
      insert into users (email, name, password_hash)
      values (${login.email}, ${login.name}, ${passwordHashes.get(login.password)})
      returning id`;
    if (!user) throw new Error("demo user was not created");
    await tx.sql`insert into memberships (organisation_id, user_id, role) values (${org.id}, ${user.id}, ${login.role})`;
    userIds.set(i === 3 ? "staff2" : login.role, user.id);
  }
  await refreshSeatCount(tx, org.id);

  const manager = userIds.get("manager");
  const sam = userIds.get("staff");
  const jo = userIds.get("staff2");
  const [queue] = await tx.sql<{ id: string }>`
    insert into queues (organisation_id, name, is_default) values (${org.id}, 'Maintenance', true) returning id`;
  await tx.sql`insert into queues (organisation_id, name) values (${org.id}, 'IT support')`;
  const [contact] = await tx.sql<{ id: string }>`
    insert into contacts (organisation_id, name, type, email, phone, address)
    values (${org.id}, 'Riverside Primary School', 'company', 'office@riverside-school.example.com',
            '+44 20 7946 0000', '12 River Lane, London SE1 2AB')
    returning id`;

  const tickets: [string, string, string, string, string | undefined][] = [
    ["Boiler pressure dropping in plant room", "Pressure falls below 1 bar overnight.", "open", "urgent", sam],
    ["Replace flickering lights in corridor B", "Six T8 tubes, corridor B first floor.", "open", "medium", sam],
    ["Fire door closer broken, hall entrance", "Door does not self-close: safety issue.", "pending", "high", jo],
    ["Blocked drain by kitchen", "Slow drainage reported by kitchen staff.", "open", "medium", jo],
    ["Annual gutter clearance", "Whole roof, before winter.", "resolved", "low", sam],
    ["Projector in classroom 4 not powering on", "Check the mains lead and lamp hours.", "open", "low", undefined],
  ];
  const ticketIds: string[] = [];
  for (const [i, [title, description, status, priority, assignee]] of tickets.entries()) {
    const [ticket] = await tx.sql<{ id: string }>`
      insert into tickets (organisation_id, queue_id, created_by, assignee_id, contact_id, title, description,
                           status, priority, scheduled_date)
      values (${org.id}, ${queue?.id}, ${manager}, ${assignee ?? null}, ${contact?.id}, ${title}, ${description},
              ${status}, ${priority}, ${isoDate(new Date(now.getTime() + i * day))})
      returning id`;
    if (ticket) ticketIds.push(ticket.id);
  }
  await tx.sql`
    insert into comments (organisation_id, ticket_id, author_id, body)
    values (${org.id}, ${ticketIds[0]}, ${manager}, 'Caretaker says it was fine on Friday. Please check the expansion vessel.')`;

  const [project] = await tx.sql<{ id: string }>`
    insert into projects (organisation_id, contact_id, name, description, status, site_address, start_date, due_date, created_by)
    values (${org.id}, ${contact?.id}, 'Riverside School summer refurbishment', 'Classrooms 1-6 and the main hall.',
            'active', '12 River Lane, London SE1 2AB', ${isoDate(now)}, ${isoDate(new Date(now.getTime() + 30 * day))},
            ${manager})
    returning id`;
  const tasks: [string, string, string | undefined][] = [
    ["Strip and prepare walls, classroom 1", "done", sam],
    ["Paint classroom 1", "in_progress", sam],
    ["Replace ceiling tiles, main hall", "todo", jo],
    ["Fit new LED panels, classroom 2", "todo", jo],
  ];
  const taskIds: string[] = [];
  for (const [i, [title, status, assignee]] of tasks.entries()) {
    const [task] = await tx.sql<{ id: string }>`
      insert into tasks (organisation_id, project_id, title, status, assignee_id, position, created_by, due_date)
      values (${org.id}, ${project?.id}, ${title}, ${status}, ${assignee ?? null}, ${i}, ${manager},
              ${isoDate(new Date(now.getTime() + (i + 1) * day))})
      returning id`;
    if (task) taskIds.push(task.id);
  }
  const entries: [string | undefined, number, number, string | undefined, string | undefined, string][] = [
    [sam, 1, 3.5, project?.id, taskIds[0], "Stripped wallpaper, filled cracks."],
    [sam, 0, 2, project?.id, taskIds[1], "First coat."],
    [jo, 1, 1.5, undefined, undefined, "Fire door: measured for a new closer."],
  ];
  for (const [user, daysAgo, hours, projectId, taskId, notes] of entries) {
    const start = new Date(now.getTime() - daysAgo * day - hours * 60 * 60 * 1000);
    await tx.sql`
      insert into time_entries (organisation_id, user_id, project_id, task_id, ticket_id, started_at, ended_at, notes)
      values (${org.id}, ${user}, ${projectId ?? null}, ${taskId ?? null},
              ${projectId ? null : ticketIds[2]}, ${start.toISOString()},
              ${new Date(start.getTime() + hours * 60 * 60 * 1000).toISOString()}, ${notes})`;
  }
  return org.id;
}
