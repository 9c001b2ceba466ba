/**
 * Slots for polite fetching: at most `perHost` requests to one hostname and `total` requests overall at a time.
 * Waiters queue fairly: each host keeps its own first-come-first-served queue, and when a slot frees the oldest
 * waiter whose host has room is served first, so one host with a thousand queued pages holds back neither
 * another host's pages (they are served as soon as a total slot frees) nor its own order. Choosing the next
 * waiter looks at each host's head once: the cost grows with the number of hosts waiting, not of requests.
 */

/** Gives a slot back; calling it more than once does nothing. */
export type Release = () => void;

interface Waiter {
  seq: number;
  grant: () => void;
}

interface HostState {
  active: number;
  queue: Waiter[];
  /** Index of the first waiter still queued (shifting a long array at each grant would cost its length). */
  head: number;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private seq = 0;

  constructor(
    readonly perHost: number,
    readonly total: number,
  ) {
    for (const [name, n] of [['perHost', perHost], ['total', total]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
    }
  }

  /** Waits for a slot for `host` (a hostname) and resolves with its release function. */
  acquire(host: string): Promise<Release> {
    return new Promise((resolve) => {
      let state = this.hosts.get(host);
      if (!state) this.hosts.set(host, (state = { active: 0, queue: [], head: 0 }));
      const s = state;
      s.queue.push({
        seq: this.seq++,
        grant: () => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            s.active--;
            this.active--;
            if (s.active === 0 && s.head === s.queue.length) this.hosts.delete(host);
            this.dispatch();
          });
        },
      });
      this.dispatch();
    });
  }

  /** Requests running now, overall or for one host (for tests and progress reports). */
  running(host?: string): number {
    return host === undefined ? this.active : (this.hosts.get(host)?.active ?? 0);
  }

  /** Requests waiting for a slot, overall or for one host. */
  waiting(host?: string): number {
    if (host !== undefined) {
      const s = this.hosts.get(host);
      return s ? s.queue.length - s.head : 0;
    }
    let n = 0;
    for (const s of this.hosts.values()) n += s.queue.length - s.head;
    return n;
  }

  private dispatch(): void {
    while (this.active < this.total) {
      let best: HostState | null = null;
      for (const s of this.hosts.values()) {
        if (s.active >= this.perHost || s.head === s.queue.length) continue;
        if (!best || s.queue[s.head]!.seq < best.queue[best.head]!.seq) best = s;
      }
      if (!best) return;
      const waiter = best.queue[best.head++]!;
      if (best.head === best.queue.length) {
        best.queue = [];
        best.head = 0;
      } else if (best.head > 1024 && best.head * 2 > best.queue.length) {
        best.queue = best.queue.slice(best.head);
        best.head = 0;
      }
      best.active++;
      this.active++;
      waiter.grant();
    }
  }
}
