/** How long to wait before retry number `failures` (1 for the first): doubling from 1 s, at most a minute. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1_000 * 2 ** Math.max(0, failures - 1));
  // Between half and all of the ceiling: devices that failed together do not retry together.
  return Math.round(ceiling * (0.5 + random() / 2));
}
