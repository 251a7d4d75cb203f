import { z } from 'zod'

export const saveSearchSchema = z.object({
  /** The /roles query string as the student sees it ("q=solidity&city=nanning"). */
  query: z.string().trim().max(1000).default(''),
  name: z.string().trim().max(100).optional(),
})

export const deleteSavedSearchSchema = z.object({ id: z.string().trim().min(1).max(40) })
