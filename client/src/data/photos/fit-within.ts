/** The long side photos are stored at: sharp on a desktop screen, a few hundred kB as JPEG. */
export const photoLongSide = 1600;

/** A size scaled down (never up) so its long side is at most longSide, keeping the aspect ratio. */
export function fitWithin(width: number, height: number, longSide = photoLongSide): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
