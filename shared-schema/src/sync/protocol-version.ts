/**
 * The version of the sync protocol and replicated schema a client was built with. A server whose
 * minimum is above a client's version tells it to update instead of syncing.
 *
 * History:
 * 1. push/pull/live as in ARCHITECTURE.md; 28 tables described; tickets.description and
 *    inspections.notes as Yjs text.
 */
export const protocolVersion = 1;

/** The oldest client protocol this server still accepts. */
export const minimumClientProtocolVersion = 1;
