import { describe, expect, test } from 'vitest'
import { applicationStatuses, awaitsCompany, canTransition, isFinal, nextStatuses } from './transitions.ts'

describe('application transitions', () => {
  test('the company moves an application along the pipeline one step at a time', () => {
    expect(nextStatuses('submitted', 'company')).toEqual(['reviewing', 'rejected'])
    expect(nextStatuses('reviewing', 'company')).toEqual(['interview', 'rejected'])
    expect(nextStatuses('interview', 'company')).toEqual(['offer', 'rejected'])
    expect(nextStatuses('offer', 'company')).toEqual(['accepted', 'rejected'])
  })

  test('skipping steps and going backwards are refused', () => {
    expect(canTransition('submitted', 'offer', 'company')).toBe(false)
    expect(canTransition('interview', 'reviewing', 'company')).toBe(false)
    expect(canTransition('submitted', 'submitted', 'company')).toBe(false)
  })

  test('only the student withdraws, and only the company rejects', () => {
    for (const from of ['submitted', 'reviewing', 'interview', 'offer'] as const) {
      expect(canTransition(from, 'withdrawn', 'student')).toBe(true)
      expect(canTransition(from, 'withdrawn', 'company')).toBe(false)
      expect(canTransition(from, 'rejected', 'student')).toBe(false)
    }
    expect(nextStatuses('offer', 'student')).toEqual(['accepted', 'withdrawn'])
    expect(nextStatuses('reviewing', 'student')).toEqual(['withdrawn'])
  })

  test('accepted, rejected and withdrawn are final for everyone', () => {
    const finals = applicationStatuses.filter(isFinal)
    expect(finals).toEqual(['accepted', 'rejected', 'withdrawn'])
    for (const from of finals)
      for (const to of applicationStatuses) {
        expect(canTransition(from, to, 'company') || canTransition(from, to, 'student')).toBe(false)
      }
  })

  test('the company owes an answer while the application is open and before an offer', () => {
    expect(applicationStatuses.filter(awaitsCompany)).toEqual(['submitted', 'reviewing', 'interview'])
  })
})
