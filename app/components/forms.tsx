// Shared form pieces: a labelled field with its errors, an error list, a submit button
// that shows progress. They render plain HTML controls so every form works without JS.
import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { useT } from '#app/i18n/use-t.ts'

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean)
  if (!list?.length) return null
  return (
    // The alert role sits on a wrapper: on the list itself it would hide the list from assistive technology.
    <div id={id} className="field-errors" role="alert">
      <ul>
        {list.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  )
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'url' | 'search' | 'tel'

/** What every field shows around its control: the label, an optional hint, its errors. */
function FieldFrame({
  field,
  label,
  hint,
  hintId,
  children,
}: {
  field: { id: string; errorId: string; errors?: string[] }
  label: ReactNode
  hint?: ReactNode
  hintId?: string
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {children}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}

const describedBy = (...ids: Array<string | undefined>) => ids.filter(Boolean).join(' ') || undefined

export function Field({
  field,
  label,
  type = 'text',
  hint,
  inputProps,
}: {
  field: FieldMetadata<string | number | undefined | null | Date>
  label: ReactNode
  type?: InputType
  hint?: ReactNode
  inputProps?: InputHTMLAttributes<HTMLInputElement>
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const props = getInputProps(field, { type, ariaDescribedBy: hintId })
  return (
    <FieldFrame field={field} label={label} hint={hint} hintId={hintId}>
      <input {...props} {...inputProps} key={props.key} aria-describedby={describedBy(props['aria-describedby'], hintId)} />
    </FieldFrame>
  )
}

export function TextAreaField({ field, label, hint, rows }: { field: FieldMetadata<string | undefined>; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const props = getTextareaProps(field)
  return (
    <FieldFrame field={field} label={label} hint={hint} hintId={hintId}>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(props['aria-describedby'], hintId)} />
    </FieldFrame>
  )
}

export function SubmitButton({ children, name, value, className }: { children: ReactNode; name?: string; value?: string; className?: string }) {
  const navigation = useNavigation()
  const t = useT()
  const pending = navigation.state === 'submitting' && (value === undefined || navigation.formData?.get(name ?? 'intent') === value)
  return (
    <button type="submit" name={name} value={value} className={className ?? 'button primary'} aria-disabled={pending || undefined}>
      {pending ? t('common.working') : children}
    </button>
  )
}

/** Bots fill every field; people never see this one. */
export function Honeypot() {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor="website_url">Website</label>
      <input id="website_url" name="website_url" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}
