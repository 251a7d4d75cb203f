// /company/roles/:id/edit — change a role; a closed role reopens by a later deadline.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { RoleForm } from '#app/components/role-form.tsx'
import { RoleReviewNotice } from '#app/components/role-review-notice.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { useT } from '#app/i18n/use-t.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { errorReply, invalidReply, parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { notFoundResponse, requireUser } from '#app/modules/auth/permissions.server.ts'
import { roleFormDefaults, saveRoleForm } from '#app/modules/roles/form.server.ts'
import { skillOptions, todayInShanghai } from '#app/modules/roles/roles.server.ts'
import { roleFormSchema } from '#app/modules/roles/schemas.ts'

const notFoundAs404 = (error: unknown): never => {
  throw error instanceof UserFacingError && error.status === 404 ? notFoundResponse() : error
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const role = await roleFormDefaults(user, params.id ?? '').catch(notFoundAs404)
  return { ...role, skills: await skillOptions(), today: todayInShanghai() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const roleId = params.id ?? ''
  await roleFormDefaults(user, roleId).catch(notFoundAs404)
  const locale = requestLocale(request)
  const submission = parseForm(await request.formData(), roleFormSchema, locale)
  if (submission.status !== 'success') return invalidReply(submission)
  let saved: { inReview: boolean }
  try {
    saved = await saveRoleForm(user, { roleId }, submission.value)
  } catch (error) {
    return errorReply(submission, error, locale)
  }
  return redirectWithToast(`/roles/${roleId}`, saved.inReview ? 'trust.review.sentToast' : 'company.roleSaved')
}

export default function EditRole() {
  const { defaults, status, review, skills, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('roleForm.editTitle')}</h1>
      <RoleReviewNotice review={review} />
      <RoleForm defaults={defaults} skills={skills} lastResult={actionData?.result} status={status} today={today} />
    </section>
  )
}
