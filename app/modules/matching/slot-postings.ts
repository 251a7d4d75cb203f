// The matching index's data structures, free of I/O: entries in numbered slots, postings as
// int lists, and per-slot sums with a top-k that ranks by sum, ties by id.
/** Entries in numbered slots, reused after removal, so that postings are lists of ints and sums an array of floats. */
export class SlotTable<T extends { id: string }> {
  readonly at: Array<T | undefined> = []
  private readonly slotOf = new Map<string, number>()
  private readonly free: number[] = []

  get size() {
    return this.slotOf.size
  }
  get(id: string): T | undefined {
    const slot = this.slotOf.get(id)
    return slot === undefined ? undefined : this.at[slot]
  }
  slot(id: string) {
    return this.slotOf.get(id)
  }
  insert(entry: T): number {
    const slot = this.free.pop() ?? this.at.length
    this.at[slot] = entry
    this.slotOf.set(entry.id, slot)
    return slot
  }
  remove(id: string) {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.at[slot] = undefined
    this.slotOf.delete(id)
    this.free.push(slot)
  }
  *values() {
    for (const entry of this.at) if (entry) yield entry
  }
}

/** A growable list of ints; order does not matter (removal moves the last one into the gap). */
export class Postings {
  items = new Int32Array(16)
  length = 0
  add(value: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2)
      grown.set(this.items)
      this.items = grown
    }
    this.items[this.length++] = value
  }
  remove(value: number) {
    const i = this.items.subarray(0, this.length).indexOf(value)
    if (i >= 0) this.items[i] = this.items[--this.length]!
  }
}

export function postingsOf(map: Map<string, Postings>, key: string) {
  let postings = map.get(key)
  if (!postings) map.set(key, (postings = new Postings()))
  return postings
}

/** Sums by slot, reused by every query (queries run synchronously, one at a time), with the list of slots touched. */
export class SlotSums {
  sums = new Float64Array(0)
  touched = new Int32Array(0)
  count = 0
  reset(capacity: number) {
    if (this.sums.length < capacity) {
      this.sums = new Float64Array(capacity * 1.5)
      this.touched = new Int32Array(capacity * 1.5)
    }
    this.count = 0
  }
  add(slot: number, value: number) {
    const sum = this.sums[slot]!
    if (sum === 0) this.touched[this.count++] = slot
    this.sums[slot] = sum + value
  }
  /**
   * The `limit` best accepted entries by sum, ties by id, and the sums cleared for the next
   * query. Sums are rounded first so that equal evidence ties exactly whatever the order of
   * addition. A heap of the best so far, whose worst is at the root: most entries lose to
   * the root on the sum alone. (Sorting everything at or above the limit-th sum instead
   * compared strings across tens of thousands of ties.)
   */
  top<T extends { id: string }>(limit: number, accept: (slot: number) => T | undefined): T[] {
    const heap: Array<Ranked<T>> = []
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i]!
      const sum = Math.round(this.sums[slot]! * 1e6) / 1e6
      this.sums[slot] = 0
      if (heap.length === limit && sum < heap[0]!.sum) continue
      const entry = accept(slot)
      if (!entry) continue
      const ranked = { entry, sum }
      if (heap.length < limit) heapPush(heap, ranked)
      else if (worse(heap[0]!, ranked)) heapReplaceRoot(heap, ranked)
    }
    this.count = 0
    return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((r) => r.entry)
  }
}

type Ranked<T extends { id: string }> = { entry: T; sum: number }

function worse<T extends { id: string }>(a: Ranked<T>, b: Ranked<T>) {
  return a.sum < b.sum || (a.sum === b.sum && a.entry.id > b.entry.id)
}

function heapPush<T extends { id: string }>(heap: Array<Ranked<T>>, item: Ranked<T>) {
  let i = heap.push(item) - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(heap[i]!, heap[parent]!)) break
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

function heapReplaceRoot<T extends { id: string }>(heap: Array<Ranked<T>>, item: Ranked<T>) {
  heap[0] = item
  for (let i = 0; ;) {
    const [left, right] = [2 * i + 1, 2 * i + 2]
    let worst = i
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right
    if (worst === i) return
    ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
    i = worst
  }
}
