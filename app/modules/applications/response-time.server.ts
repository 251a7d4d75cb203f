// How fast a company answers: the median time from application to the company's first
// response (status change or message), over responses in the last 90 days.
import { prisma } from '#app/lib/db.server.ts'

export async function medianFirstResponse(companyId: string): Promise<{ medianHours: number | null; responses: number }> {
  // A deleted account's application (AnonymousApplication, decision 029) still counts.
  const rows = await prisma.$queryRaw<Array<{ median: number | null; responses: number }>>`
    WITH roles AS (SELECT id FROM "InternshipRole" WHERE "companyId" = ${companyId})
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.responded - a.applied))::float8 AS median,
           count(*)::int AS responses
    FROM (SELECT "createdAt" AS applied, "firstResponseAt" AS responded FROM "Application"
           WHERE "roleId" IN (SELECT id FROM roles) AND "firstResponseAt" >= now() - interval '90 days'
          UNION ALL
          SELECT "appliedAt", "firstResponseAt" FROM "AnonymousApplication"
           WHERE "roleId" IN (SELECT id FROM roles) AND "firstResponseAt" >= now() - interval '90 days') a`
  const row = rows[0]
  return { medianHours: row?.median == null ? null : Math.round(Number(row.median) / 360) / 10, responses: Number(row?.responses ?? 0) }
}
