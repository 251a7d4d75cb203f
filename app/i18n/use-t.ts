// The reader's locale and translator, from the root loader's data.
import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { defaultLocale, type Locale } from './locale.ts'
import { translator, type Translate } from './translate.ts'

type RootData = { locale: Locale }

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootData>('root')
  return data?.locale ?? defaultLocale
}

export function useT(): Translate {
  const locale = useLocale()
  return useMemo(() => translator(locale), [locale])
}
