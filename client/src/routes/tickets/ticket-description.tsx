import { useId } from "react";
import { CollaborativeTextarea } from "../../components/collaborative-textarea.js";
import { inputClass } from "../../components/form/form-styles.js";
import { useSyncStatus } from "../../hooks/use-sync-status.js";
import { useYjsText } from "../../hooks/use-yjs-text.js";

/**
 * The description, edited together: live with others while online, kept on the device and merged
 * later while offline. A description this device has never loaded is shown read-only until the
 * room is reached once, since editing a blank copy would duplicate the text when the two merge.
 */
export function TicketDescription({ ticketId, storedText }: { ticketId: string; storedText: string | null }) {
  const { text, state } = useYjsText("tickets", ticketId, "description");
  const fieldId = useId();
  const { isOnline } = useSyncStatus();
  const canEdit = text !== null && state.isLoaded && (state.hasLocalCopy || !storedText);
  const status = state.isSynced
    ? "Saved and shared as you type."
    : canEdit
      ? "Offline: your edits are kept on this device and merged when you reconnect."
      : isOnline
        ? "Connecting… the description can be edited once it has loaded."
        : "Offline: this description can be edited here once it has loaded online.";

  return (
    <div>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        Description
      </label>
      {canEdit ? (
        <CollaborativeTextarea
          id={fieldId}
          text={text}
          rows={6}
          className={inputClass}
          aria-describedby="description-status"
        />
      ) : (
        <textarea
          id={fieldId}
          readOnly
          rows={6}
          value={storedText ?? ""}
          className={inputClass}
          aria-describedby="description-status"
        />
      )}
      <p id="description-status" className="mt-1 text-xs text-slate-500">
        {status}
      </p>
    </div>
  );
}
