import type { TicketPhoto } from "../../data/photos/ticket-photo-queries.js";
import { useObjectUrl } from "../../hooks/use-object-url.js";

/**
 * One photo: from the device while it waits to upload (so it shows with no signal), from the
 * server once it is there (cached by the service worker after the first view).
 */
export function PhotoTile({ photo }: { photo: TicketPhoto }) {
  const localUrl = useObjectUrl(photo.queued?.blob, photo.content_sha256);
  const refusal = photo.queued?.state === "rejected" ? photo.queued.reason : undefined;
  const src = localUrl ?? (photo.queued ? null : photo.file_url);

  return (
    <li className="overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
      <a href={src ?? undefined} target="_blank" rel="noreferrer" className="block aspect-[4/3] bg-slate-100">
        {src ? <img src={src} alt={photo.filename} loading="lazy" className="h-full w-full object-cover" /> : null}
      </a>
      <p className="truncate px-2 py-1 text-xs text-slate-700">
        {refusal ? (
          <span className="font-medium text-red-700">Not uploaded: {refusal}</span>
        ) : photo.queued ? (
          <span className="font-medium text-amber-800">Waiting to upload</span>
        ) : (
          photo.filename
        )}
      </p>
    </li>
  );
}
