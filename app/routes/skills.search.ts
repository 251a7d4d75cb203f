// Skill search for the skill picker: `?q=合约` → the best matching skills as JSON, named
// in the reader's language with their category. Public: the taxonomy is not secret.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { searchSkills } from '#app/modules/skills/skills.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const query = new URL(request.url).searchParams.get('q') ?? ''
  const skills = await searchSkills(query, requestLocale(request))
  return Response.json({ skills }, { headers: { 'cache-control': 'private, max-age=60' } })
})
