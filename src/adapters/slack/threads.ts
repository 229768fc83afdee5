/**
 * The threads lisbot has answered in, so a file dropped into one of them can go to the guest check.
 * In-process and bounded: after a restart, or on another replica, mentioning @lisbot with the upload still works.
 */
export class ThreadMemory {
  private readonly threads = new Map<string, true>();

  constructor(private readonly maxThreads = 20_000) {}

  remember(channel: string, thread: string): void {
    const key = `${channel}:${thread}`;
    this.threads.delete(key);
    this.threads.set(key, true);
    if (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next();
      if (!oldest.done) this.threads.delete(oldest.value);
    }
  }

  has(channel: string, thread: string): boolean {
    return this.threads.has(`${channel}:${thread}`);
  }
}
