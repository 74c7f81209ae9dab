/**
 * A few things let go by runs that have ended, kept for the next runs: a batch's runs are alike,
 * so the next one usually fits what the last one used (arena buffers, kernel memories).
 */
export interface Shelf<T> {
  /** Takes the first item that fits, if any. */
  take(fits: (item: T) => boolean): T | undefined;
  /** Puts an item back; the oldest goes when more than `keep` are held. */
  put(item: T): void;
}

export function createShelf<T>(keep: number): Shelf<T> {
  const items: T[] = [];
  return {
    take(fits) {
      const at = items.findIndex(fits);
      return at < 0 ? undefined : items.splice(at, 1)[0];
    },
    put(item) {
      items.push(item);
      if (items.length > keep) items.shift();
    },
  };
}
