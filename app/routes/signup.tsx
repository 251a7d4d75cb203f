import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorList, Field, Honeypot, SubmitButton } from '#app/components/forms.tsx'
import { PrivacyConsentField } from '#app/components/privacy-consent.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { signUpCompany, signUpStudent } from '#app/modules/auth/accounts.server.ts'
import { requireAnonymous } from '#app/modules/auth/permissions.server.ts'
import { companySignUpSchema, studentSignUpSchema } from '#app/modules/auth/schemas.ts'
import { isHoneypotFilled } from '#app/modules/auth/sign-in-flow.server.ts'
import { listUniversityOptions } from '#app/modules/universities/universities.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

const kindSchema = z.enum(['student', 'company']).catch('student')

// A new address and one that has an account get this same answer (and nobody is signed
// in), so sign-up cannot be used to find out who has an account.
const CHECK_INBOX = '/verify-email'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireAnonymous(request)
  const kind = kindSchema.parse(new URL(request.url).searchParams.get('as'))
  return { kind, universities: kind === 'student' ? await listUniversityOptions() : [] }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, locale }) => {
  await requireAnonymous(request)
  const kind = kindSchema.parse(new URL(request.url).searchParams.get('as'))
  const formData = await request.formData()
  const hideFields = ['password']
  if (kind === 'company') {
    const submission = parseForm(formData, companySignUpSchema, { hideFields })
    if (submission.status !== 'success') return invalidReply(submission, { hideFields })
    if (isHoneypotFilled(formData)) throw new UserFacingError(400, 'error.forbidden')
    await signUpCompany(submission.value, locale)
    return redirect(CHECK_INBOX)
  }
  const submission = parseForm(formData, studentSignUpSchema, { hideFields })
  if (submission.status !== 'success') return invalidReply(submission, { hideFields })
  if (isHoneypotFilled(formData)) throw new UserFacingError(400, 'error.forbidden')
  await signUpStudent(submission.value, locale)
  return redirect(CHECK_INBOX)
})

export const meta: MetaFunction = pageTitle('title.signUp')

export default function SignUp() {
  const { kind, universities } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const schema = kind === 'company' ? companySignUpSchema : studentSignUpSchema
  const [form, fields] = useForm({
    id: `signup-${kind}`,
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow">
      <h1>{t('auth.signUpTitle')}</h1>
      <nav aria-label={t('auth.signUpAs')} className="segmented">
        <Link to="?as=student" aria-current={kind === 'student' ? 'page' : undefined}>
          {t('auth.asStudent')}
        </Link>
        <Link to="?as=company" aria-current={kind === 'company' ? 'page' : undefined}>
          {t('auth.asCompany')}
        </Link>
      </nav>
      <p className="hint">{kind === 'company' ? t('auth.asCompanyHint') : t('auth.asStudentHint')}</p>
      <Form method="post" action={`/signup?as=${kind}`} {...getFormProps(form)} noValidate>
        <Honeypot />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.name} label={t('auth.name')} inputProps={{ autoComplete: 'name' }} />
        <Field field={fields.email} label={t('auth.email')} type="email" inputProps={{ autoComplete: 'email' }} />
        <Field field={fields.password} label={t('auth.password')} type="password" hint={t('auth.passwordHint')} inputProps={{ autoComplete: 'new-password' }} />
        {kind === 'company' ? (
          <>
            <Field field={fields.companyNameZh!} label={t('auth.companyNameZh')} />
            <Field field={fields.companyNameEn!} label={t('auth.companyNameEn')} />
            <Field field={fields.city!} label={t('auth.city')} />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="universityId">{t('auth.university')}</label>
              <select id="universityId" name="universityId" defaultValue="">
                <option value="">{t('auth.universityNone')}</option>
                {universities.map((u) => (
                  <option key={u.id} value={u.id}>
                    {pickText(locale, u.nameZh, u.nameEn)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <PrivacyConsentField field={fields.consent} />
        <SubmitButton>{t('auth.signUp')}</SubmitButton>
      </Form>
      <p className="hint">{t('auth.byInvitationHint')}</p>
      <p>
        {t('auth.haveAccount')} <Link to="/signin">{t('auth.signIn')}</Link>
      </p>
    </section>
  )
}
