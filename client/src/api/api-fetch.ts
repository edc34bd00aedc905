import { type ApiError, ZApiError } from "@worktrackr/shared-schema";

/** An error the API answered, with its message for people and the field at fault. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError["error"],
  ) {
    super(body.message);
  }
}

/** JSON over fetch with the session cookie; a non-2xx answer becomes an ApiRequestError. */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const parsed = ZApiError.safeParse(data);
    throw new ApiRequestError(
      response.status,
      parsed.success ? parsed.data.error : { code: "internal", message: "The server could not be reached." },
    );
  }
  return data as T;
}
