import type { PgliteReplica } from "../replica.js";

export interface QueueOption {
  readonly id: string;
  readonly name: string;
}

export interface MemberOption {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** The organisation's queues, by name. */
export function listQueues(replica: PgliteReplica): Promise<QueueOption[]> {
  return replica.query<QueueOption>("select id, name from queues order by name, id");
}

/** The organisation's active members: who a ticket can be assigned to. */
export function listMembers(replica: PgliteReplica): Promise<MemberOption[]> {
  return replica.query<MemberOption>(
    `select u.id, u.name, m.role
       from memberships m
       join users u on u.id = m.user_id
      where m.status = 'active'
      order by u.name, u.id`,
  );
}
