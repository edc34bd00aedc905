import { useId } from "react";
import { useTicketPhotos } from "../../hooks/use-ticket-photos.js";
import { AddPhotoButton } from "./add-photo-button.js";
import { PhotoTile } from "./photo-tile.js";

/** A ticket's photos, with "Add photo"; those not yet on the server say so. */
export function TicketPhotos({ ticketId }: { ticketId: string }) {
  const headingId = useId();
  const photos = useTicketPhotos(ticketId);
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <div className="flex items-center gap-3">
        <h2 id={headingId} className="flex-1 text-lg font-semibold text-slate-900">
          Photos
        </h2>
        <AddPhotoButton ticketId={ticketId} />
      </div>
      {photos.data && photos.data.length > 0 ? (
        <ul aria-label="Photos" className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {photos.data.map((photo) => (
            <PhotoTile key={photo.id} photo={photo} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No photos yet.</p>
      )}
    </section>
  );
}
