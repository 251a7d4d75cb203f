// Zod issues in the reader's language. Built-in checks are translated by the error map;
// a schema's own rules name a catalogue key with `i18n(key)` instead of a message.
import { z, type ZodErrorMap } from 'zod'
import type { Locale } from './locale.ts'
import { isMessageKey, translate, type MessageKey, type MessageParams } from './translate.ts'

/** Use as the second argument of refine/superRefine issues: `{ ...i18n('roles.stipendOrder') }`. */
export function i18n(key: MessageKey, values?: MessageParams) {
  return { params: { i18n: key, values } }
}

export function errorMapFor(locale: Locale): ZodErrorMap {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params)
  return (issue) => {
    const params = (issue as { params?: { i18n?: string; values?: MessageParams } }).params
    if (params?.i18n && isMessageKey(params.i18n)) return { message: t(params.i18n, params.values) }
    switch (issue.code) {
      case z.ZodIssueCode.invalid_type:
        if (issue.received === 'undefined' || issue.received === 'null') return { message: t('validation.required') }
        if (issue.expected === 'integer') return { message: t('validation.integer') }
        return { message: t('validation.invalidType', { expected: issue.expected }) }
      case z.ZodIssueCode.too_small:
        if (issue.type === 'string') {
          return { message: Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minChars', { min: Number(issue.minimum) }) }
        }
        if (issue.type === 'array') return { message: t('validation.minItems', { min: Number(issue.minimum) }) }
        if (issue.type === 'date') return { message: t('validation.dateTooEarly') }
        return { message: t('validation.minNumber', { min: Number(issue.minimum) }) }
      case z.ZodIssueCode.too_big:
        if (issue.type === 'string') return { message: t('validation.maxChars', { max: Number(issue.maximum) }) }
        if (issue.type === 'array') return { message: t('validation.maxItems', { max: Number(issue.maximum) }) }
        if (issue.type === 'date') return { message: t('validation.dateTooLate') }
        return { message: t('validation.maxNumber', { max: Number(issue.maximum) }) }
      case z.ZodIssueCode.invalid_string:
        if (issue.validation === 'email') return { message: t('validation.email') }
        if (issue.validation === 'url') return { message: t('validation.url') }
        return { message: t('validation.format') }
      case z.ZodIssueCode.invalid_enum_value:
        return { message: t('validation.oneOf', { options: issue.options.join(', ') }) }
      case z.ZodIssueCode.invalid_date:
        return { message: t('validation.date') }
      case z.ZodIssueCode.unrecognized_keys:
        return { message: t('validation.unknownFields', { keys: issue.keys.join(', ') }) }
      case z.ZodIssueCode.invalid_literal:
        return { message: t('validation.oneOf', { options: String(issue.expected) }) }
      default:
        // zod's own text is English only ("Invalid input"): never shown to a reader.
        return { message: t('validation.format') }
    }
  }
}
