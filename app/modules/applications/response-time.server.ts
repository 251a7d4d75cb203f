// How fast a company answers: the median time from application to the company's first
// response (status change or message), over responses in the last 90 days.
import { prisma } from '#app/lib/db.server.ts'

export async function medianFirstResponse(companyId: string): Promise<{ medianHours: number | null; responses: number }> {
  const rows = await prisma.$queryRaw<Array<{ median: number | null; responses: number }>>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."firstResponseAt" - a."createdAt"))::float8 AS median,
           count(*)::int AS responses
    FROM "Application" a
    JOIN "InternshipRole" r ON r.id = a."roleId"
    WHERE r."companyId" = ${companyId}
      AND a."firstResponseAt" IS NOT NULL
      AND a."firstResponseAt" >= now() - interval '90 days'`
  const row = rows[0]
  return { medianHours: row?.median == null ? null : Math.round(Number(row.median) / 360) / 10, responses: Number(row?.responses ?? 0) }
}
