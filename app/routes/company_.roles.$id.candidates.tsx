// Company members (of a verified company) and admins: suggested candidates for a role —
// discoverable students only, best match first, with reasons; "invite to apply".
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { EvidenceList } from '#app/components/evidence-list.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { MatchBadge, MatchReasons } from '#app/components/match.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { candidateAccess, candidatesFor, inviteToApply } from '#app/modules/matching/matching.server.ts'
import { inviteSchema } from '#app/modules/matching/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

async function access(request: Request, roleId: string) {
  const user = await requireUser(request)
  return { user, ...(await candidateAccess(user, roleId)) }
}

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const { user, role, allowed } = await access(request, params.id ?? '')
  const list = allowed ? await candidatesFor(role.id, { limit: 50, locale: requestLocale(request), viewer: user, withEvidence: true }) : { items: [] }
  return { role: { id: role.id, titleZh: role.titleZh, titleEn: role.titleEn }, allowed, items: list.items }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { locale }) => {
  const { user, role } = await access(request, params.id ?? '')
  const parsed = inviteSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: translate(locale, 'error.notFound') }, { status: 400 })
  await inviteToApply(user, role.id, parsed.data.studentId)
  return redirectWithToast(`/company/roles/${role.id}/candidates`, 'match.invited')
})

export default function Candidates() {
  const { role, allowed, items } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('match.candidatesFor', { role: pickText(locale, role.titleZh, role.titleEn) })}</h1>
      {actionData?.error ? (
        <p className="notice warning" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {!allowed ? (
        <p className="notice">{t('match.companyNotVerified')}</p>
      ) : (
        <>
          <p className="hint">{t('match.candidatesHint')}</p>
          {items.length === 0 ? <p>{t('match.noCandidates')}</p> : null}
          <ol className="candidate-list">
            {items.map((item) => (
              <li key={item.student.id} className="card">
                <h2>
                  {item.student.name} <MatchBadge score={item.score} />
                </h2>
                <p className="hint">{pickText(locale, item.student.university.zh, item.student.university.en)}</p>
                <MatchReasons reasons={item.reasons} />
                <EvidenceList items={item.evidence ?? []} />
                <Form method="post">
                  <input type="hidden" name="studentId" value={item.student.id} />
                  <SubmitButton className="button small">
                    {t('match.invite')}
                    {/* Each row's button names its student for screen-reader users. */}
                    <span className="visually-hidden"> {item.student.name}</span>
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
