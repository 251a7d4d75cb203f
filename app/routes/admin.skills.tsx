// Admins: the skill taxonomy — list, add, and merge two skills into one.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { createSkillSchema, mergeSkillsSchema } from '#app/modules/skills/schemas.ts'
import { createSkill, listSkills, mergeSkills } from '#app/modules/skills/skills.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'admin')
  return { skills: await listSkills() }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent: readIntent }) => {
  const user = await requireRole(request, 'admin')
  const formData = await request.formData()
  const intent = readIntent(formData, ['create', 'merge'])
  const schema = intent === 'merge' ? mergeSkillsSchema : createSkillSchema
  const submission = parseForm(formData, schema)
  const tagged = (reply: ReturnType<typeof invalidReply>) => data({ intent, result: reply.data.result }, reply.init ?? undefined)
  if (submission.status !== 'success') return tagged(invalidReply(submission))
  if (intent === 'merge') await mergeSkills(user.id, submission.value as ReturnType<typeof mergeSkillsSchema.parse>)
  else await createSkill(user.id, submission.value as ReturnType<typeof createSkillSchema.parse>)
  return redirectWithToast('/admin/skills', intent === 'merge' ? 'skills.merged' : 'skills.created')
})

export default function AdminSkills() {
  const { skills } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [createForm, createFields] = useForm({
    id: 'create-skill',
    lastResult: actionData?.intent === 'create' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createSkillSchema, errorMap: errorMapFor(locale) }),
  })
  const [mergeForm, mergeFields] = useForm({
    id: 'merge-skills',
    lastResult: actionData?.intent === 'merge' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeSkillsSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="stack">
      <h1>{t('skills.title')}</h1>
      <p className="hint">{t('skills.intro')}</p>
      <p>
        <Link to="/admin/skill-gap">{t('gap.link')}</Link>
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('skills.key')}</th>
            <th scope="col">{t('skills.nameZh')}</th>
            <th scope="col">{t('skills.nameEn')}</th>
            <th scope="col">{t('skills.aliases')}</th>
            <th scope="col">{t('skills.parent')}</th>
            <th scope="col">{t('skills.category')}</th>
            <th scope="col">{t('skills.usage')}</th>
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/admin/skills/${s.id}`} aria-label={`${t('skills.edit')} ${pickText(locale, s.nameZh, s.nameEn) || s.key}`}>
                  {s.key}
                </Link>
              </td>
              <td>{s.nameZh}</td>
              <td>{s.nameEn}</td>
              <td>{s.aliases.join('、')}</td>
              <td>{s.parent?.key}</td>
              <td>{s.category}</td>
              <td>
                {t('skills.usageCounts', {
                  roles: s._count.roleSkills,
                  courses: s._count.courseSkills,
                  students: s._count.studentSkills,
                  events: s._count.eventSkills,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="add-skill-heading" className="card">
        <h2 id="add-skill-heading">{t('skills.add')}</h2>
        <Form method="post" {...getFormProps(createForm)} noValidate>
          <ErrorList id={createForm.errorId} errors={createForm.errors} />
          <Field field={createFields.key} label={t('skills.key')} hint={t('skills.keyHint')} />
          <Field field={createFields.nameZh} label={t('skills.nameZh')} />
          <Field field={createFields.nameEn} label={t('skills.nameEn')} />
          <div className="field">
            <label htmlFor={createFields.aliases.id}>{t('skills.aliases')}</label>
            <textarea {...getTextareaProps(createFields.aliases)} key={createFields.aliases.key} />
            <p className="hint">{t('skills.aliasesHint')}</p>
            <ErrorList id={createFields.aliases.errorId} errors={createFields.aliases.errors} />
          </div>
          <Field field={createFields.parentKey} label={t('skills.parent')} inputProps={{ list: 'skill-keys' }} />
          <Field field={createFields.category} label={t('skills.category')} />
          <SubmitButton name="intent" value="create">
            {t('skills.add')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="merge-heading" className="card">
        <h2 id="merge-heading">{t('skills.merge')}</h2>
        <p className="hint">{t('skills.mergeHint')}</p>
        <Form method="post" {...getFormProps(mergeForm)} noValidate>
          <ErrorList id={mergeForm.errorId} errors={mergeForm.errors} />
          <Field field={mergeFields.sourceKey} label={t('skills.mergeSource')} inputProps={{ list: 'skill-keys' }} />
          <Field field={mergeFields.targetKey} label={t('skills.mergeTarget')} inputProps={{ list: 'skill-keys' }} />
          <SubmitButton name="intent" value="merge" className="button danger">
            {t('skills.merge')}
          </SubmitButton>
        </Form>
      </section>
      <datalist id="skill-keys">
        {skills.map((s) => (
          <option key={s.id} value={s.key}>
            {pickText(locale, s.nameZh, s.nameEn)}
          </option>
        ))}
      </datalist>
    </section>
  )
}
