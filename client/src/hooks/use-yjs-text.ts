import type { TableName } from "@worktrackr/shared-schema";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { browserConnectivity } from "../data/connectivity.js";
import { DexieUpdateStore, yjsJournalPrefix } from "../data/yjs/dexie-update-store.js";
import { type RoomState, YjsRoomProvider } from "../data/yjs/room-provider.js";
import { yjsDocName, yjsRoomUrl } from "../data/yjs/room-url.js";
import { UpdateJournal } from "../data/yjs/update-journal.js";
import { useDataLayer } from "./use-data-layer.js";

/** The shared type the server keeps a document's text in (sync-server's textKey). */
const textKey = "content";
const closedState: RoomState = { isLoaded: false, hasLocalCopy: false, isSynced: false };

/**
 * A row's Yjs text field, kept on this device and in the server's room while the screen is open:
 * null until the signed-in user's data layer is there.
 */
export function useYjsText(table: TableName, rowId: string, field: string) {
  const layer = useDataLayer();
  const userId = layer?.identity.userId ?? null;
  const [text, setText] = useState<Y.Text | null>(null);
  const [state, setState] = useState<RoomState>(closedState);

  useEffect(() => {
    if (!userId) return;
    const docName = yjsDocName(table, rowId, field);
    const doc = new Y.Doc();
    const store = new DexieUpdateStore(userId);
    const provider = new YjsRoomProvider({
      doc,
      docName,
      url: yjsRoomUrl(window.location, docName),
      store,
      journal: new UpdateJournal(localStorage, yjsJournalPrefix(userId)),
      connectivity: browserConnectivity,
      onState: setState,
    });
    setText(doc.getText(textKey));
    provider.start().catch((error: unknown) => console.error("the text could not be opened on this device", error));
    return () => {
      provider.destroy();
      setText(null);
      setState(closedState);
      // The last edits must reach IndexedDB before its connection closes.
      void provider.flushed().finally(() => {
        store.close();
        doc.destroy();
      });
    };
  }, [userId, table, rowId, field]);

  return { text, state };
}
