import { useEffect, useRef, useState } from "react";

/**
 * A blob: URL for showing bytes held on the device, released when no longer shown. Keyed by what
 * the bytes are (a content hash), not the Blob object: each read of IndexedDB hands back a new
 * Blob for the same bytes, and a new URL each time would make the image reload on every sync.
 */
export function useObjectUrl(blob: Blob | null | undefined, key: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const latest = useRef(blob);
  latest.current = blob;
  const hasBlob = Boolean(blob);
  useEffect(() => {
    const current = latest.current;
    if (!hasBlob || !current || key === null) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(current);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [key, hasBlob]);
  return url;
}
