import { ticketPriorities, ticketStatuses } from "@worktrackr/shared-schema";

/** The list's filters, as kept in the URL so a filtered list survives a reload and can be shared. */
export interface TicketFilters {
  readonly status?: (typeof ticketStatuses)[number];
  readonly priority?: (typeof ticketPriorities)[number];
  /** A user's id, or "none" for unassigned tickets. */
  readonly assignee?: string;
  readonly queue?: string;
  /** Words looked for in the title and the description. */
  readonly search?: string;
}

export const unassigned = "none";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);
const anId = (value: string | null) => (value !== null && uuidPattern.test(value) ? value : undefined);

/** Reads filters from search params; an unknown value is ignored rather than showing nothing. */
export function filtersFromParams(params: URLSearchParams): TicketFilters {
  const assignee = params.get("assignee");
  const search = params.get("q")?.trim();
  const filters: Record<string, string | undefined> = {
    status: oneOf(ticketStatuses, params.get("status")),
    priority: oneOf(ticketPriorities, params.get("priority")),
    assignee: assignee === unassigned ? unassigned : anId(assignee),
    queue: anId(params.get("queue")),
    search: search ? search.slice(0, 200) : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TicketFilters;
}

/** Search params for filters: only the ones set, so a plain list has a plain URL. */
export function paramsFromFilters(filters: TicketFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.queue) params.set("queue", filters.queue);
  if (filters.search) params.set("q", filters.search);
  return params;
}

/** `like` treats % and _ as wildcards: a search for "50%" means those characters. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL condition and its parameters for filters; values are always parameters, never spliced. */
export function ticketFilterSql(filters: TicketFilters): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filters.status) add((p) => `t.status = ${p}`, filters.status);
  if (filters.priority) add((p) => `t.priority = ${p}`, filters.priority);
  if (filters.assignee === unassigned) conditions.push("t.assignee_id is null");
  else if (filters.assignee) add((p) => `t.assignee_id = ${p}`, filters.assignee);
  if (filters.queue) add((p) => `t.queue_id = ${p}`, filters.queue);
  for (const word of (filters.search ?? "").split(/\s+/).filter(Boolean)) {
    add((p) => `(t.title ilike ${p} or coalesce(t.description, '') ilike ${p})`, `%${escapeLike(word)}%`);
  }
  return { where: conditions.length > 0 ? `where ${conditions.join(" and ")}` : "", params };
}
