import { expect, test } from 'vitest'
import { grown, putRow, SlotLists, Slots, ValueTable } from './slot-postings.ts'

test('slot lists keep every live list intact through replacements and compaction', () => {
  const lists = new SlotLists()
  const expected = new Map<number, number[]>()
  // Replace lists many times over, so that garbage passes half the pool again and again.
  for (let round = 0; round < 40; round++) {
    for (let slot = 0; slot < 3_000; slot++) {
      if ((slot + round) % 7 === 0) {
        lists.clear(slot)
        expected.delete(slot)
        continue
      }
      const values = Array.from({ length: (slot + round) % 5 }, (_, i) => slot * 10 + i + round)
      lists.set(slot, values)
      expected.set(slot, values)
    }
  }
  for (let slot = 0; slot < 3_000; slot++) expect([...lists.get(slot)]).toEqual(expected.get(slot) ?? [])
  expect([...lists.get(99_999)]).toEqual([])
})

test('slots are reused after removal and ids map both ways', () => {
  const slots = new Slots()
  const a = slots.insert('a')
  const b = slots.insert('b')
  slots.remove('a')
  expect(slots.slot('a')).toBeUndefined()
  expect(slots.size).toBe(1)
  const c = slots.insert('c')
  expect(c).toBe(a)
  expect(slots.ids[c]).toBe('c')
  expect(slots.slot('b')).toBe(b)
  expect(slots.capacity).toBe(2)
})

test('a value table numbers each key once and finds only what it holds', () => {
  const table = new ValueTable<string[]>()
  const zh = table.ord('zh', () => ['zh'])
  expect(table.ord('zh', () => ['other'])).toBe(zh)
  expect(table.at[zh]).toEqual(['zh'])
  expect(table.find('en')).toBeUndefined()
  expect(table.ord('en', () => ['en'])).toBe(zh + 1)
})

test('a column grows to hold a slot and keeps its values', () => {
  const column = new Int32Array([1, 2, 3])
  expect(grown(column, 2)).toBe(column)
  const bigger = grown(column, 5)
  expect(bigger.length).toBeGreaterThanOrEqual(5)
  expect([...bigger.subarray(0, 3)]).toEqual([1, 2, 3])
})

test('a row is written into every named column, each grown to hold the slot', () => {
  const columns = { days: new Int16Array(0), closes: new Float64Array(0) }
  putRow(columns, 0, { days: 3, closes: 1.5e12 })
  putRow(columns, 2000, { days: 5, closes: 2.5e12 })
  expect(columns.days.length).toBeGreaterThan(2000)
  expect([columns.days[0], columns.days[2000], columns.closes[0], columns.closes[2000]]).toEqual([3, 5, 1.5e12, 2.5e12])
})
