// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
// 31-character alphabet (digits and capitals without I, O, S, V, Z), the last a check
// character over the first 17. Browser-safe, so the form can say so before sending.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Upper case, without the spaces and hyphens people type to group the characters. */
export function normaliseCreditCode(value: string) {
  return value.replace(/[\s-]/g, '').toUpperCase()
}

/** The check character the first 17 characters call for, or null when they are not valid. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null
}

export type CreditCodeProblem = 'length' | 'characters' | 'checkDigit'

/** Why a (normalised) code is not a valid unified social credit code, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length'
  if (![...code].every((c) => ALPHABET.includes(c))) return 'characters'
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'checkDigit'
}
