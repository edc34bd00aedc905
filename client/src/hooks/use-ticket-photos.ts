import { listTicketPhotos } from "../data/photos/ticket-photo-queries.js";
import { useReplicaQuery } from "./use-replica-query.js";

/** A ticket's photos on this device, re-read whenever the replica changes (an upload ends with a sync). */
export const useTicketPhotos = (ticketId: string) =>
  useReplicaQuery(["ticket-photos", ticketId], (layer) => listTicketPhotos(layer, ticketId));
