// Role kinds as the API and the skill-gap filter name them.
export const gapRoleKindValues = ['smart-contract-dev', 'app-dev', 'product', 'testing', 'other'] as const
export type GapRoleKind = (typeof gapRoleKindValues)[number]
