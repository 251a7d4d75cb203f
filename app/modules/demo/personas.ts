// The demo personas ("try as") the sign-in page offers on the embedded default database.
import { z } from 'zod'

export const demoPersonas = ['student', 'company', 'staff', 'organizer', 'judge', 'admin'] as const
export type DemoPersona = (typeof demoPersonas)[number]

export const demoPersonaSchema = z.object({ persona: z.enum(demoPersonas) })
