import type { Prisma } from '#app/generated/prisma/client.ts'

/** A role's own content (what the form, the import format and a search document all carry). */
export const roleContentSelect = {
  key: true,
  companyId: true,
  titleZh: true,
  titleEn: true,
  descriptionZh: true,
  descriptionEn: true,
  kind: true,
  city: true,
  workMode: true,
  stipendMin: true,
  stipendMax: true,
  daysPerWeek: true,
  durationMonths: true,
  languages: true,
  openings: true,
  deadline: true,
  status: true,
} satisfies Prisma.InternshipRoleSelect
