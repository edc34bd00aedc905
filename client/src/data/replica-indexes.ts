/**
 * Indexes for the screens' reads, which the server's table descriptions do not carry. Created if
 * missing on every open, so replicas built before an index was added get it too.
 */
export const replicaIndexesDdl = `
CREATE INDEX IF NOT EXISTS tickets_newest_first ON tickets (created_at DESC, id);
CREATE INDEX IF NOT EXISTS comments_by_ticket ON comments (ticket_id);
CREATE INDEX IF NOT EXISTS time_entries_by_ticket ON time_entries (ticket_id);
`;
