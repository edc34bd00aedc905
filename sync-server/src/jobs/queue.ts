import type { Logger } from "pino";
import type { Db, Tx } from "../db/db.js";

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * A job queue in a table of the same database, drained by every server instance: a job is claimed
 * with FOR UPDATE SKIP LOCKED (so two instances never run the same one), retried with backoff, and
 * enqueued inside the transaction that decides it, so it exists exactly when that work committed.
 * The same table works on PostgreSQL and on the embedded PGlite.
 */
export class JobQueue {
  readonly #handlers = new Map<string, JobHandler>();
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
  }

  /** Adds a job; pass the transaction that decides it so it commits (or not) with that work. */
  async enqueue(kind: string, payload: Record<string, unknown>, tx: Tx = this.db): Promise<void> {
    await tx.sql`insert into jobs (kind, payload, run_at) values (${kind}, ${payload}, ${this.now().toISOString()})`;
  }

  /** Polls for due jobs until stopped. */
  start(intervalMs = 1000): void {
    this.#timer = setInterval(() => {
      this.drain().catch((err: unknown) => this.logger.error({ err }, "job queue failed"));
    }, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#draining;
  }

  /** Runs every due job once; returns how many ran. Concurrent calls share one run. */
  drain(): Promise<number> {
    this.#draining ??= this.#drainAll().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  async #drainAll(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.now().toISOString();
      const [job] = await this.db.sql<JobRow>`
        update jobs set locked_until = ${now}::timestamptz + interval '5 minutes', attempts = attempts + 1
        where id = (
          select id from jobs
          where done_at is null and run_at <= ${now} and attempts < max_attempts
            and (locked_until is null or locked_until < ${now})
          order by run_at, id for update skip locked limit 1)
        returning id, kind, payload, attempts, max_attempts`;
      if (!job) return ran;
      ran += 1;
      const handler = this.#handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload);
        await this.db
          .sql`update jobs set done_at = ${this.now().toISOString()}, locked_until = null where id = ${job.id}`;
      } catch (error) {
        // Exponential backoff: 2 s, 4 s, 8 s ... capped at an hour.
        const delayMs = Math.min(2 ** job.attempts * 1000, 3_600_000);
        this.logger.warn({ err: error, job: job.id, kind: job.kind, attempt: job.attempts }, "job failed; will retry");
        await this.db.sql`
          update jobs set locked_until = null, last_error = ${String((error as Error).message ?? error).slice(0, 500)},
                 run_at = ${new Date(this.now().getTime() + delayMs).toISOString()}
          where id = ${job.id}`;
      }
    }
  }
}
