import { tables } from "@worktrackr/shared-schema";
import { type FormEvent, useId, useState } from "react";
import { firstIssue } from "../api/form-errors.js";
import type { SyncEngine } from "../data/sync-engine.js";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "./form/form-styles.js";

const fieldLabels: Record<string, string> = { title: "Title", description: "Description" };

/**
 * A new ticket, saved on the device: it is in the list at once and queued for the server, so it
 * works the same with no signal. Checked with the server's own insert rules first, so a ticket
 * that would be refused later is refused now, where it can still be fixed.
 */
export function NewTicketForm({ engine, onDone }: { engine: SyncEngine; onDone: () => void }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const errorId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = crypto.randomUUID();
    const parsed = tables.tickets.insert.safeParse({
      id,
      title,
      ...(description.trim() ? { description } : {}),
    });
    if (!parsed.success) {
      setError(firstIssue(parsed.error.issues, fieldLabels, "Ticket").message);
      return;
    }
    setSaving(true);
    try {
      await engine.write("tickets", "upsert", { ...parsed.data, id });
      onDone();
    } catch (writeError) {
      console.error("saving a ticket failed", writeError);
      setError("The ticket could not be saved on this device.");
      setSaving(false);
    }
  };

  return (
    <form
      aria-label="New ticket"
      onSubmit={(event) => void onSubmit(event)}
      className="mt-4 space-y-4 rounded-xl bg-white p-6 shadow-sm"
      noValidate
    >
      <label className="block text-sm font-medium text-slate-700">
        Title
        <input
          name="title"
          required
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-describedby={error ? errorId : undefined}
          className={inputClass}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Description
        <textarea
          name="description"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className={inputClass}
        />
      </label>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" disabled={isSaving} className={primaryButtonClass}>
          Save
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
