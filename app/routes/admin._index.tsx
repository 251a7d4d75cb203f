import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { createInvitation } from '#app/modules/auth/invitations.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { createInvitationSchema } from '#app/modules/auth/schemas.ts'
import { listUniversityOptions } from '#app/modules/universities/universities.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

const adminInvitationKinds = ['university_staff', 'organizer'] as const

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'admin')
  return { universities: await listUniversityOptions() }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'admin')
  const submission = parseForm(await request.formData(), createInvitationSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const invitation = await createInvitation(submission.value, user.id)
  const link = new URL(invitation.path, request.url).toString()
  return data({ result: submission.reply({ resetForm: true }), link })
})

export default function Admin() {
  const { universities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'create-invitation',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createInvitationSchema, errorMap: errorMapFor(locale) }),
  })
  const link = actionData && 'link' in actionData ? String(actionData.link) : null
  return (
    <section className="stack">
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.sections')} className="card">
        <ul className="link-list">
          <li>
            <Link to="/admin/companies">{t('nav.adminCompanies')}</Link>
          </li>
          <li>
            <Link to="/admin/skills">{t('nav.adminSkills')}</Link>
          </li>
          <li>
            <Link to="/admin/reviews">{t('nav.adminReviews')}</Link>
          </li>
          <li>
            <Link to="/admin/verifications">{t('nav.adminVerifications')}</Link>
          </li>
          <li>
            <Link to="/admin/moderation">{t('nav.adminModeration')}</Link>
          </li>
          <li>
            <Link to="/admin/skill-gap">{t('admin.skillGap')}</Link>
          </li>
          <li>
            <Link to="/admin/trusted-issuers">{t('nav.adminTrustedIssuers')}</Link>
          </li>
          <li>
            <Link to="/organize">{t('nav.organize')}</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t('admin.createInvitation')}</h2>
        {link ? (
          <div role="status" className="notice">
            <p>{t('admin.invitationCreated')}</p>
            <code className="token">{link}</code>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorList id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.kind.id}>{t('admin.invitationKind')}</label>
            <select id={fields.kind.id} name={fields.kind.name} defaultValue="university_staff">
              {adminInvitationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`invitationKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fields.universityId.id}>{t('admin.universityForInvite')}</label>
            <select id={fields.universityId.id} name={fields.universityId.name} defaultValue="" aria-describedby={fields.universityId.errorId}>
              <option value="">—</option>
              {universities.map((u) => (
                <option key={u.id} value={u.id}>
                  {pickText(locale, u.nameZh, u.nameEn)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.universityId.errorId} errors={fields.universityId.errors} />
          </div>
          <Field field={fields.email} label={t('admin.invitationEmail')} type="email" />
          <SubmitButton>{t('admin.createInvitation')}</SubmitButton>
        </Form>
      </section>
    </section>
  )
}
