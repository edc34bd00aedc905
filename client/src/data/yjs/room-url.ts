import type { TableName } from "@worktrackr/shared-schema";

/** A Yjs document's name, as the server's rooms parse it: `<table>:<row id>:<field>`. */
export const yjsDocName = (table: TableName, rowId: string, field: string) => `${table}:${rowId}:${field}`;

/** The room's WebSocket address on this origin (the session cookie authorises it). */
export const yjsRoomUrl = (location: Location, docName: string) =>
  `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/yjs/${encodeURIComponent(docName)}`;
