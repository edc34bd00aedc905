import { protocolVersion, type SyncTransport, syncApi, ZApiError } from "@worktrackr/shared-schema";

/** The server no longer accepts this build's protocol (426): the app must update before syncing again. */
export class UpgradeRequiredError extends Error {
  override readonly name = "UpgradeRequiredError";
}

/** The server answered, but not with success: the status tells the engine whether retrying can help. */
export class SyncHttpError extends Error {
  override readonly name = "SyncHttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request never got an answer (no network, server down): fetch's TypeError, named. */
export class SyncNetworkError extends Error {
  override readonly name = "SyncNetworkError";
}

/**
 * A request to the sync server with the session cookie: the parsed JSON answer, or one of the
 * errors above, so callers can tell "no signal" from "refused" from "update the app".
 */
export async function sendToServer(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: "same-origin" });
  } catch (error) {
    throw new SyncNetworkError("WorkTrackr cannot be reached.", { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body;
  const apiError = ZApiError.safeParse(body);
  const message = apiError.success ? apiError.data.error.message : `The server answered ${response.status}.`;
  if (response.status === 426) throw new UpgradeRequiredError(message);
  throw new SyncHttpError(response.status, message);
}

/** push and pull over HTTP, with the session cookie; answers are checked against the protocol's schemas. */
export const httpTransport: SyncTransport = {
  async push(request) {
    const body = await sendToServer("/api/sync/push", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    return syncApi.ZPushResponse.parse(body);
  },
  async pull(cursor, limit) {
    const query = new URLSearchParams({
      cursor: String(cursor),
      limit: String(limit),
      protocol: String(protocolVersion),
    });
    return syncApi.ZPullResponse.parse(await sendToServer(`/api/sync/pull?${query}`, { method: "GET" }));
  },
};
