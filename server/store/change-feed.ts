// A minimal synchronous publish/subscribe list, for stores and indexes that tell derived views what changed.

export class ChangeFeed<T> {
  private readonly listeners = new Set<(change: T) => void>();

  /** Adds `listener`; the answer removes it. */
  subscribe(listener: (change: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: T): void {
    for (const listener of this.listeners) listener(change);
  }
}
