import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { changePassword, signOutEverywhere } from '#app/modules/auth/accounts.server.ts'
import { createApiToken, listApiTokens, revokeApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { getSessionId, requireUser, scopesForRoles } from '#app/modules/auth/permissions.server.ts'
import { apiTokenNameSchema, changeEmailSchema, changePasswordSchema } from '#app/modules/auth/schemas.ts'
import { clearedSessionCookie } from '#app/modules/auth/session.server.ts'
import { requestEmailChange } from '#app/modules/auth/email-verification.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  return { user: { name: user.name, email: user.email, roles: user.roles }, tokens: await listApiTokens(user.id), allowedScopes: scopesForRoles(user.roles) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent }) => {
  const user = await requireUser(request)
  const formData = await request.formData()
  switch (intent(formData, ['change-password', 'change-email', 'sign-out-everywhere', 'create-token', 'revoke-token'])) {
    case 'change-password': {
      const submission = parseForm(formData, changePasswordSchema)
      if (submission.status !== 'success') return invalidReply(submission, { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] })
      await changePassword(user.id, submission.value, await getSessionId(request))
      return redirectWithToast('/account', 'auth.passwordChanged')
    }
    case 'change-email': {
      const submission = parseForm(formData, changeEmailSchema, { hideFields: ['currentPassword'] })
      if (submission.status !== 'success')
        return data({ intent: 'change-email', result: submission.reply({ hideFields: ['currentPassword'] }) }, { status: 400 })
      await requestEmailChange(user.id, submission.value)
      return redirectWithToast('/account', 'emailChange.requested')
    }
    case 'sign-out-everywhere': {
      await signOutEverywhere(user.id)
      return redirectWithToast('/', 'auth.signedOutEverywhere', { headers: { 'Set-Cookie': clearedSessionCookie() } })
    }
    case 'create-token': {
      const submission = parseForm(formData, apiTokenNameSchema)
      if (submission.status !== 'success') return data({ intent: 'create-token', result: submission.reply() }, { status: 400 })
      const created = await createApiToken(user.id, submission.value.name, { scopes: submission.value.scopes })
      return data({ result: submission.reply({ resetForm: true }), newToken: created.token })
    }
    case 'revoke-token': {
      const tokenId = String(formData.get('tokenId') ?? '')
      await revokeApiToken(user.id, tokenId)
      return redirectWithToast('/account', 'account.revoked')
    }
  }
})

export default function Account() {
  const { user, tokens, allowedScopes } = useLoaderData<typeof loader>()
  // One page, several forms: each takes the reply tagged with its intent (untagged: the password form's own check).
  const actionData = useActionData<typeof action>() as { intent?: string; result?: SubmissionResult<string[]>; newToken?: string } | undefined
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  const [passwordForm, passwordFields] = useForm({
    id: 'change-password',
    lastResult: actionData?.intent === 'change-password' || (actionData && !actionData.intent) ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema, errorMap: errorMapFor(locale) }),
  })
  const [tokenForm, tokenFields] = useForm({
    id: 'create-token',
    lastResult: actionData?.intent === 'create-token' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: apiTokenNameSchema, errorMap: errorMapFor(locale) }),
  })
  const [emailForm, emailFields] = useForm({
    id: 'change-email',
    lastResult: actionData?.intent === 'change-email' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeEmailSchema, errorMap: errorMapFor(locale) }),
  })
  const newToken = actionData && 'newToken' in actionData ? String(actionData.newToken) : null
  return (
    <section className="stack">
      <h1>{t('account.title')}</h1>
      <p>
        {user.name} · {user.email}
      </p>
      <p>
        {t('account.roles')}: {user.roles.map((r) => t(`role.${r}`)).join('、')}
      </p>

      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">{t('auth.changePassword')}</h2>
        <Form method="post" {...getFormProps(passwordForm)} noValidate>
          <ErrorList id={passwordForm.errorId} errors={passwordForm.errors} />
          <Field field={passwordFields.currentPassword} label={t('auth.currentPassword')} type="password" inputProps={{ autoComplete: 'current-password' }} />
          <Field
            field={passwordFields.newPassword}
            label={t('auth.newPassword')}
            type="password"
            hint={t('auth.passwordHint')}
            inputProps={{ autoComplete: 'new-password' }}
          />
          <Field field={passwordFields.confirmPassword} label={t('auth.confirmPassword')} type="password" inputProps={{ autoComplete: 'new-password' }} />
          <SubmitButton name="intent" value="change-password">
            {t('auth.changePassword')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="email-heading" className="card">
        <h2 id="email-heading">{t('emailChange.title')}</h2>
        <p className="hint">{t('emailChange.hint')}</p>
        <Form method="post" {...getFormProps(emailForm)} noValidate>
          <ErrorList id={emailForm.errorId} errors={emailForm.errors} />
          <Field field={emailFields.email} label={t('emailChange.newEmail')} type="email" inputProps={{ autoComplete: 'email' }} />
          <Field field={emailFields.currentPassword} label={t('auth.currentPassword')} type="password" inputProps={{ autoComplete: 'current-password' }} />
          <SubmitButton name="intent" value="change-email">
            {t('emailChange.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="tokens-heading" className="card">
        <h2 id="tokens-heading">{t('account.apiTokens')}</h2>
        <p className="hint">{t('account.apiTokensHint')}</p>
        {newToken ? (
          <div role="status" className="notice">
            <p>{t('account.newToken')}</p>
            <code className="token">{newToken}</code>
          </div>
        ) : null}
        {tokens.length > 0 ? (
          <ul className="plain-list">
            {tokens.map((token) => {
              const expired = new Date(token.expiresAt) <= new Date()
              return (
                <li key={token.id}>
                  <strong>{token.name}</strong> <code>{token.prefix}…</code> · {t('account.tokenScopes')}: {token.scopes.join(', ')} ·{' '}
                  {t('account.tokenCreated')}: {formatDate(token.createdAt, 'dateTime')} · {t('account.tokenExpires')}: {formatDate(token.expiresAt, 'date')} ·{' '}
                  {t('account.lastUsed')}: {token.lastUsedAt ? formatDate(token.lastUsedAt, 'dateTime') : t('account.never')}
                  {token.revokedAt ? (
                    <span className="tag">{t('account.revoked')}</span>
                  ) : expired ? (
                    <span className="tag">{t('account.tokenExpired')}</span>
                  ) : (
                    <Form method="post" className="inline">
                      <input type="hidden" name="tokenId" value={token.id} />
                      <SubmitButton name="intent" value="revoke-token" className="button small">
                        {t('account.revoke')}
                      </SubmitButton>
                    </Form>
                  )}
                </li>
              )
            })}
          </ul>
        ) : null}
        <Form method="post" {...getFormProps(tokenForm)} noValidate>
          <Field field={tokenFields.name} label={t('account.tokenName')} />
          <fieldset>
            <legend>{t('account.tokenScopes')}</legend>
            <p className="hint">{t('account.tokenScopesHint')}</p>
            {allowedScopes.map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" name={tokenFields.scopes.name} value={scope} /> <code>{scope}</code>
              </label>
            ))}
            <ErrorList id={tokenFields.scopes.errorId} errors={tokenFields.scopes.errors} />
          </fieldset>
          <SubmitButton name="intent" value="create-token">
            {t('account.createToken')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{t('auth.signOutEverywhere')}</h2>
        <p>
          <Link to="/account/sessions">{t('sessions.link')}</Link>
        </p>
        <p className="hint">{t('auth.signOutEverywhereHint')}</p>
        <Form method="post">
          <SubmitButton name="intent" value="sign-out-everywhere" className="button danger">
            {t('auth.signOutEverywhere')}
          </SubmitButton>
        </Form>
      </section>
    </section>
  )
}
