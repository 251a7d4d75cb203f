import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorList, Field, Honeypot, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { requestOrigin, safeRedirectTarget } from '#app/lib/redirect-target.server.ts'
import { clientIp } from '#app/lib/request-context.server.ts'
import { signIn } from '#app/modules/auth/accounts.server.ts'
import { requireAnonymous } from '#app/modules/auth/permissions.server.ts'
import { demoPersonasOffered } from '#app/modules/demo/personas.server.ts'
import { demoPersonas } from '#app/modules/demo/personas.ts'
import { signInSchema } from '#app/modules/auth/schemas.ts'
import { isHoneypotFilled, startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireAnonymous(request)
  return { demoPersonas: await demoPersonasOffered() }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  await requireAnonymous(request)
  const formData = await request.formData()
  const submission = parseForm(formData, signInSchema, { hideFields: ['password'] })
  if (submission.status !== 'success') return invalidReply(submission, { hideFields: ['password'] })
  if (isHoneypotFilled(formData)) throw new UserFacingError(401, 'auth.invalidCredentials')
  const user = await signIn(submission.value, clientIp())
  return await startSessionAndRedirect(request, user.id, safeRedirectTarget(submission.value.redirectTo, requestOrigin(request)))
})

// A refused attempt tells the client when to retry, with or without JavaScript.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export const meta: MetaFunction = pageTitle('title.signIn')

export default function SignIn() {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const { demoPersonas: offered } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'signin',
    lastResult: actionData?.result,
    // Not on blur: leaving the empty e-mail field for "forgot your password?" must not
    // push that link away with an error.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Honeypot />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label={t('auth.email')} type="email" inputProps={{ autoComplete: 'email', autoFocus: true }} />
        <Field field={fields.password} label={t('auth.password')} type="password" inputProps={{ autoComplete: 'current-password' }} />
        <SubmitButton>{t('auth.signIn')}</SubmitButton>
      </Form>
      <p>
        <Link to="/password/forgot">{t('passwordReset.forgotLink')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/signup">{t('auth.signUp')}</Link>
      </p>
      {offered ? (
        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">{t('demo.heading')}</h2>
          <p className="hint">{t('demo.intro')}</p>
          <ul className="plain-list">
            {demoPersonas.map((persona) => (
              <li key={persona}>
                {/* A whole-page POST: the new session cookie and the persona's landing page arrive together. */}
                <Form method="post" action="/signin/demo" reloadDocument>
                  <input type="hidden" name="persona" value={persona} />
                  <button type="submit" className="button">
                    {t(`demo.persona.${persona}`)}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}
