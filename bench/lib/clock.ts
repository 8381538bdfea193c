/**
 * Milliseconds since the epoch with sub-millisecond resolution. Every process on one machine
 * reads the same system clock, so times taken in different processes can be subtracted.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
