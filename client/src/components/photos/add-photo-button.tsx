import { type ChangeEvent, useRef, useState } from "react";
import { addPhotoToTicket } from "../../data/photos/add-photo.js";
import { PhotoError } from "../../data/photos/prepare-photo.js";
import { useDataLayer } from "../../hooks/use-data-layer.js";

/**
 * "Add photo": opens the camera on a phone (a file picker on a desktop). Each photo is resized and
 * kept on the device first, so it is saved even in a basement with no signal.
 */
export function AddPhotoButton({ ticketId }: { ticketId: string }) {
  const layer = useDataLayer();
  const input = useRef<HTMLInputElement>(null);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    if (!layer || files.length === 0) return;
    setSaving(true);
    setError(null);
    try {
      for (const file of files) await addPhotoToTicket(layer, ticketId, file);
    } catch (failure) {
      if (!(failure instanceof PhotoError)) console.error("saving a photo failed", failure);
      setError(failure instanceof PhotoError ? failure.message : "The photo could not be saved on this device.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={(event) => void onChosen(event)}
      />
      <button
        type="button"
        disabled={!layer || isSaving}
        onClick={() => input.current?.click()}
        className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {isSaving ? "Saving photo…" : "Add photo"}
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
