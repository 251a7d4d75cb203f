import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/lib/forms.server.ts'
import { rubricSchema } from './schemas.ts'

/** The organizer's rubric form: six rows of key, names and weight, spare rows left blank. */
function rubricForm(rows: Array<[string, string, string, string]>) {
  const form = new FormData()
  form.set('intent', 'rubric')
  rows.forEach(([key, nameZh, nameEn, weight], i) => {
    form.set(`criteria[${i}].key`, key)
    form.set(`criteria[${i}].nameZh`, nameZh)
    form.set(`criteria[${i}].nameEn`, nameEn)
    form.set(`criteria[${i}].weight`, weight)
  })
  return form
}

const blank: [string, string, string, string] = ['', '', '', '']

function errorsOf(form: FormData) {
  const submission = parseForm(form, rubricSchema, 'zh-CN')
  return submission.status === 'error' ? submission.error : null
}

describe('the rubric form', () => {
  test('blank spare rows are ignored', () => {
    const form = rubricForm([['innovation', '创新性', 'Innovation', '60'], ['value', '应用价值', '', '40'], blank, blank])
    const submission = parseForm(form, rubricSchema, 'zh-CN')
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value.criteria).toEqual([
      { key: 'innovation', nameZh: '创新性', nameEn: 'Innovation', weight: 60 },
      { key: 'value', nameZh: '应用价值', weight: 40 },
    ])
  })

  test('a half-filled row is named by its own row, after blank ones', () => {
    expect(errorsOf(rubricForm([['innovation', '创新性', '', '100'], blank, ['depth', '技术深度', '', '']]))).toEqual({ 'criteria[2].weight': ['必填'] })
    expect(errorsOf(rubricForm([['innovation', '创新性', '', '90'], blank, ['depth', '', '', '10']]))).toEqual({
      'criteria[2].nameZh': ['至少填写一种语言（中文或英文）'],
    })
  })

  test('weights must add up to 100, and an all-blank rubric is refused', () => {
    expect(
      errorsOf(
        rubricForm([
          ['a', '甲', '', '70'],
          ['b', '乙', '', '40'],
        ]),
      ),
    ).toEqual({ criteria: ['各项权重之和须为 100（现为 110）'] })
    expect(errorsOf(rubricForm([blank, blank]))).toEqual({ criteria: ['必填'] })
  })
})
