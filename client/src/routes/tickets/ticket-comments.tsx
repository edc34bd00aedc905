import { type FormEvent, useState } from "react";
import { inputClass, primaryButtonClass } from "../../components/form/form-styles.js";
import { addComment } from "../../data/tickets/ticket-comments.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";
import { usePendingRowIds } from "../../hooks/use-pending-row-ids.js";
import { useTicketComments } from "../../hooks/use-ticket-comments.js";
import { formatWhen } from "./format-when.js";

/** The ticket's conversation: comments are only ever added, never edited here. */
export function TicketComments({ ticketId }: { ticketId: string }) {
  const layer = useDataLayer();
  const comments = useTicketComments(ticketId);
  const pending = usePendingRowIds("comments");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!layer) return;
    if (!body.trim()) return setError("Comment must not be empty.");
    setError(null);
    try {
      await addComment(layer, ticketId, body.trim());
      setBody("");
    } catch (failure) {
      console.error("a comment could not be saved", failure);
      setError("The comment could not be saved on this device.");
    }
  };

  return (
    <section aria-labelledby="comments-title" className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="comments-title" className="text-lg font-semibold text-slate-900">
        Comments
      </h2>
      {!comments.data ? (
        <p className="mt-2 text-sm text-slate-600">Loading comments…</p>
      ) : comments.data.length > 0 ? (
        <ol aria-label="Comments" className="mt-3 space-y-3">
          {comments.data.map((c) => (
            <li key={c.id} className="rounded-lg bg-slate-50 p-3">
              <p className="text-xs text-slate-500">
                <span className="font-semibold text-slate-700">{c.author_name ?? "You"}</span>
                {c.created_at ? ` · ${formatWhen(c.created_at)}` : null}
                {pending.data?.has(c.id) ? " · waiting to sync" : null}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-900">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No comments yet.</p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} className="mt-4 space-y-2" noValidate>
        <label className="block text-sm font-medium text-slate-700">
          Comment
          <textarea value={body} rows={3} onChange={(e) => setBody(e.target.value)} className={inputClass} />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <button type="submit" className={primaryButtonClass}>
          Add comment
        </button>
      </form>
    </section>
  );
}
