import type { TicketPhoto } from "../../data/photos/ticket-photo-queries.js";
import { useObjectUrl } from "../../hooks/use-object-url.js";
import { useQueuedFile } from "../../hooks/use-queued-file.js";

/**
 * One photo: from the device while it waits to upload (so it shows with no signal), from the
 * server once it is there (cached by the service worker after the first view).
 */
export function PhotoTile({ photo }: { photo: TicketPhoto }) {
  const queued = useQueuedFile(photo.content_sha256);
  const localUrl = useObjectUrl(queued.data?.blob);
  const isWaiting = queued.data?.state === "pending";
  const refusal = queued.data?.state === "rejected" ? queued.data.reason : undefined;
  // While the device is still checking its own copy, wait rather than ask the network for it.
  const src = localUrl ?? (queued.isPending && photo.content_sha256 ? null : photo.file_url);

  return (
    <li className="overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
      <a href={src ?? undefined} target="_blank" rel="noreferrer" className="block aspect-[4/3] bg-slate-100">
        {src ? <img src={src} alt={photo.filename} loading="lazy" className="h-full w-full object-cover" /> : null}
      </a>
      <p className="truncate px-2 py-1 text-xs text-slate-700">
        {refusal ? (
          <span className="font-medium text-red-700">Not uploaded: {refusal}</span>
        ) : isWaiting ? (
          <span className="font-medium text-amber-800">Waiting to upload</span>
        ) : (
          photo.filename
        )}
      </p>
    </li>
  );
}
