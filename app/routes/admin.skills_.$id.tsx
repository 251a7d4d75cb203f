// Admins: rename a skill, change its aliases, parent and category.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { updateSkillSchema } from '#app/modules/skills/schemas.ts'
import { getSkill, updateSkill } from '#app/modules/skills/skills.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireRole(request, 'admin')
  const skill = await getSkill(params.id ?? '')
  if (!skill) throw notFoundResponse()
  return { skill }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'admin')
  const submission = parseForm(await request.formData(), updateSkillSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await updateSkill(user.id, params.id ?? '', submission.value)
  return redirectWithToast('/admin/skills', 'skills.updated')
})

export default function EditSkill() {
  const { skill } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'edit-skill',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    defaultValue: {
      nameZh: skill.nameZh ?? '',
      nameEn: skill.nameEn ?? '',
      aliases: skill.aliases.join('\n'),
      parentKey: skill.parent?.key ?? '',
      category: skill.category ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateSkillSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow stack">
      <h1>
        {t('skills.edit')} <code>{skill.key}</code>
      </h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.nameZh} label={t('skills.nameZh')} />
        <Field field={fields.nameEn} label={t('skills.nameEn')} />
        <div className="field">
          <label htmlFor={fields.aliases.id}>{t('skills.aliases')}</label>
          <textarea {...getTextareaProps(fields.aliases)} key={fields.aliases.key} />
          <p className="hint">{t('skills.aliasesHint')}</p>
          <ErrorList id={fields.aliases.errorId} errors={fields.aliases.errors} />
        </div>
        <Field field={fields.parentKey} label={t('skills.parent')} />
        <Field field={fields.category} label={t('skills.category')} />
        <SubmitButton>{t('common.save')}</SubmitButton> <Link to="/admin/skills">{t('common.cancel')}</Link>
      </Form>
    </section>
  )
}
