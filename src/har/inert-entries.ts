/**
 * The entries a cheap read only counted (inert.ts): each is the one-entry, not-cors exchange it would be, kept
 * as 16 bytes (start time, index, a hash of its URL) instead of an Entry. The start and index place it among
 * the exchanges, so every exchange keeps the number a full read gives it.
 *
 * An inert entry is still part of an exchange when a preflight or a redirect elsewhere names its URL (pair.ts,
 * chain.ts). A name seen first keeps the entry from being counted; an entry counted shortly before its name
 * is taken back from the most recent ones, still held in full (Chrome writes a redirect's hops in order, and a
 * preflight a few entries from its request); only an older one needs the bytes read again (stream.ts).
 */
import type { Entry } from './entry';
import type { PendingEntry } from './read-entry';

/** Counted entries held in full, for a name that comes a little later. */
const RECENT = 1024;

/** A counted entry as it can be read again: in full already, or a skimmed one's stand-in and text (skim.ts). */
export type Held = PendingEntry | { readonly standIn: PendingEntry; readonly text: string };

export class InertEntries {
  private size = 0;
  private starts = new Float64Array(1024);
  private indices = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  /** Counted once, then taken back: read in full after all. */
  private readonly removed = new Set<number>();
  /** Hashes of the URLs a kept preflight or redirect names (a false match only keeps an entry in full). */
  private readonly names = new Set<number>();
  /** The last RECENT counted entries, by their position modulo RECENT. */
  private readonly recent: (Held | null)[] = new Array<Held | null>(RECENT).fill(null);

  get count(): number {
    return this.size - this.removed.size;
  }

  /** Counts an inert entry, unless a kept entry named its URL already (then the caller keeps it). */
  offer(e: Entry, held: Held): boolean {
    const hash = hashUrl(e.url);
    if (this.names.has(hash)) return false;
    if (this.size === this.starts.length) this.grow();
    this.starts[this.size] = e.start;
    this.indices[this.size] = e.index;
    this.hashes[this.size] = hash;
    this.recent[this.size % RECENT] = held;
    this.size++;
    return true;
  }

  /**
   * A kept entry: the URLs it names from now on, and the recently counted entries that may be at them, taken
   * back to be read in full (a hash match: the caller keeps them all, which is only more work when one is not).
   */
  named(e: Entry, isPreflight: boolean): Held[] {
    const back: Held[] = [];
    for (const url of [isPreflight ? e.url : null, e.redirectUrl]) {
      if (url === null) continue;
      const hash = hashUrl(url);
      this.names.add(hash);
      for (let i = Math.max(0, this.size - RECENT); i < this.size; i++) {
        const held = this.recent[i % RECENT];
        const index = this.indices[i] as number;
        if (this.hashes[i] !== hash || !held || this.removed.has(index)) continue;
        this.removed.add(index);
        back.push(held);
      }
    }
    return back;
  }

  /** Counted entries some kept entry names, no longer held in full: a second pass must read them. */
  takeNamed(): ReadonlySet<number> {
    const out = new Set<number>();
    if (this.names.size === 0) return out;
    for (let i = 0; i < this.size; i++) {
      const index = this.indices[i] as number;
      if (this.names.has(this.hashes[i] as number) && !this.removed.has(index)) out.add(index);
    }
    for (const index of out) this.removed.add(index);
    return out;
  }

  /**
   * Each counted exchange's sort key, in the exchanges' order (by start, then first entry: buildExchanges), as
   * positions into `start`/`index`.
   */
  ordered(): { readonly start: Float64Array; readonly index: Uint32Array; readonly order: Uint32Array } {
    const start = this.starts.subarray(0, this.size);
    const index = this.indices.subarray(0, this.size);
    const kept: number[] = [];
    for (let i = 0; i < this.size; i++) if (!this.removed.has(index[i] as number)) kept.push(i);
    const order = Uint32Array.from(kept);
    // Files list entries nearly in time order already, so this sort has little to do.
    order.sort((a, b) => (start[a] as number) - (start[b] as number) || (index[a] as number) - (index[b] as number));
    return { start, index, order };
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const starts = new Float64Array(n);
    starts.set(this.starts);
    const indices = new Uint32Array(n);
    indices.set(this.indices);
    const hashes = new Uint32Array(n);
    hashes.set(this.hashes);
    this.starts = starts;
    this.indices = indices;
    this.hashes = hashes;
  }
}

/**
 * Each built exchange's id: its position among all the capture's exchanges, the counted ones included, in
 * buildExchanges' order (start time, then first entry), which `built` is in already. Without counted entries
 * the id is the position.
 */
export function exchangeIds(built: readonly { readonly start: number; readonly entries: readonly number[] }[], inert: InertEntries | null): number[] {
  if (!inert || inert.count === 0) return built.map((_, i) => i);
  const { start, index, order } = inert.ordered();
  const ids: number[] = [];
  let before = 0;
  for (const b of built) {
    const first = b.entries[0] ?? 0;
    while (before < order.length) {
      const j = order[before] as number;
      if (((start[j] as number) - b.start || (index[j] as number) - first) > 0) break;
      before++;
    }
    ids.push(ids.length + before);
  }
  return ids;
}

/** FNV-1a over the URL's UTF-16 units. */
function hashUrl(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
