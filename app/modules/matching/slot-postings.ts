// The matching index's data structures, free of I/O: ids in numbered slots, fields in typed
// columns and pooled int lists, postings as int lists, and per-slot sums with a top-k that
// ranks by sum, ties by id.
/** Ids in numbered slots, reused after removal, so that postings are lists of ints and every other field a typed column. */
export class Slots {
  readonly ids: Array<string | undefined> = []
  private readonly slotOf = new Map<string, number>()
  private readonly free: number[] = []

  get size() {
    return this.slotOf.size
  }
  /** One past the highest slot ever used: columns are at least this long. */
  get capacity() {
    return this.ids.length
  }
  slot(id: string) {
    return this.slotOf.get(id)
  }
  insert(id: string): number {
    const slot = this.free.pop() ?? this.ids.length
    this.ids[slot] = id
    this.slotOf.set(id, slot)
    return slot
  }
  remove(id: string) {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.ids[slot] = undefined
    this.slotOf.delete(id)
    this.free.push(slot)
  }
}

type Column = Float64Array | Int32Array | Int16Array | Uint8Array

/** The column itself if it holds `length` values, else a copy at least twice as long. */
export function grown<T extends Column>(column: T, length: number): T {
  if (column.length >= length) return column
  const next = new (column.constructor as new (length: number) => T)(Math.max(length, column.length * 2, 1024))
  next.set(column)
  return next
}

/** Writes one row into a record's named columns, growing each as needed (a role's or a student's slot). */
export function putRow<K extends string>(columns: Record<NoInfer<K>, Column>, slot: number, row: Record<K, number>) {
  for (const name of Object.keys(row) as K[]) {
    const column = grown(columns[name], slot + 1)
    column[slot] = row[name]
    columns[name] = column
  }
}

/**
 * A list of ints per slot (a role's skills, a student's evidence), all in one growable pool:
 * one typed array for a million lists instead of a million arrays. A replaced list's old
 * ints stay behind as garbage until half the pool is garbage; then the live lists move
 * together.
 */
export class SlotLists {
  private pool = new Int32Array(4096)
  private used = 0
  private garbage = 0
  private start = new Int32Array(0)
  private count = new Int32Array(0)

  set(slot: number, values: ArrayLike<number>) {
    this.clear(slot)
    this.start = grown(this.start, slot + 1)
    this.count = grown(this.count, slot + 1)
    this.pool = grown(this.pool, this.used + values.length)
    for (let i = 0; i < values.length; i++) this.pool[this.used + i] = values[i]!
    this.start[slot] = this.used
    this.count[slot] = values.length
    this.used += values.length
  }
  clear(slot: number) {
    if (slot >= this.count.length || this.count[slot] === 0) return
    this.garbage += this.count[slot]!
    this.count[slot] = 0
    if (this.garbage > 65_536 && this.garbage * 2 > this.used) this.compact()
  }
  /** The slot's ints, as a view valid until the next change. */
  get(slot: number): Int32Array {
    return slot < this.count.length ? this.pool.subarray(this.start[slot]!, this.start[slot]! + this.count[slot]!) : this.pool.subarray(0, 0)
  }
  private compact() {
    const next = new Int32Array(Math.max(4096, (this.used - this.garbage) * 1.5))
    let used = 0
    for (let slot = 0; slot < this.count.length; slot++) {
      const n = this.count[slot]!
      if (n === 0) continue
      next.set(this.pool.subarray(this.start[slot]!, this.start[slot]! + n), used)
      this.start[slot] = used
      used += n
    }
    this.pool = next
    this.used = used
    this.garbage = 0
  }
}

/** One copy of each distinct value (a city, a list of languages, a skill entry), by a key, numbered in order of arrival. */
export class ValueTable<T> {
  readonly at: T[] = []
  private readonly ordOf = new Map<string, number>()
  ord(key: string, make: () => T): number {
    let ord = this.ordOf.get(key)
    if (ord === undefined) {
      ord = this.at.push(make()) - 1
      this.ordOf.set(key, ord)
    }
    return ord
  }
  /** The ordinal of a key already held, if any. */
  find(key: string): number | undefined {
    return this.ordOf.get(key)
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

export function postingsOf(byOrdinal: Postings[], ord: number) {
  return (byOrdinal[ord] ??= new Postings())
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
