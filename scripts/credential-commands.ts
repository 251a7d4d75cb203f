// Operator commands for the credential transparency log: print a credential's inclusion
// proofs, and check a printed proof offline. Registered in cli-commands.ts.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { issuerRegistry } from '#app/modules/credentials/issuers.server.ts'
import { checkConsistencyProof, checkInclusionProof, type InclusionProof, type SignedTreeHead } from '#app/modules/credentials/merkle.server.ts'
import { consistencyBetween, proveCredential } from '#app/modules/credentials/transparency-log.server.ts'
import { parseCommand, type Io } from './args.ts'

export const CREDENTIAL_USAGE = `  credentials prove ID                     prints the credential's inclusion proofs (issuance, revocation) as
                                           JSON, then checks them offline from the printed text alone
  credentials check-proof FILE [--key DID] checks printed proofs offline against the log's public key
                                           (default: the key named in the file; compare it with /api/vc/issuers)
  credentials consistency SIZE1 SIZE2      prints the RFC 9162 consistency proof between two signed tree heads
                                           and checks it: the later tree extends the earlier one`

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const treeHeadSchema = z.object({
  treeSize: z.number().int().positive(),
  rootHash: base64,
  timestamp: z.number().int().nonnegative(),
  signature: base64,
  keyId: z.string(),
}) satisfies z.ZodType<SignedTreeHead>
const proofSchema = z.object({
  entry: z.object({ credentialId: z.string(), event: z.enum(['issued', 'revoked']), time: z.string(), credentialDigest: z.string() }),
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  auditPath: z.array(base64),
  treeHead: z.object({
    treeSize: z.number().int().positive(),
    rootHash: base64,
    timestamp: z.number().int().nonnegative(),
    signature: base64,
    keyId: z.string(),
  }),
}) satisfies z.ZodType<InclusionProof>
const printedSchema = z.object({ credentialId: z.string(), proofs: z.array(proofSchema) })
const consistencyFileSchema = z.object({ first: treeHeadSchema, second: treeHeadSchema, path: z.array(base64) })

const consistencySchema = z.object({ positionals: z.tuple([z.coerce.number().int().positive(), z.coerce.number().int().positive()]) })
const proveSchema = z.object({ positionals: z.tuple([z.string().trim().min(1).max(200)]) })
const checkSchema = z.object({ positionals: z.tuple([z.string().min(1)]), key: z.string().startsWith('did:key:').optional() })

async function platformDids() {
  return new Set((await issuerRegistry()).filter((issuer) => issuer.kind === 'platform').flatMap((issuer) => issuer.dids))
}

/** Checks each proof against the key; prints one line per proof; true when all check. */
async function reportChecks(proofs: InclusionProof[], keyFor: (proof: InclusionProof) => string, io: Io) {
  let allValid = proofs.length > 0
  for (const proof of proofs) {
    const check = await checkInclusionProof(proof, keyFor(proof))
    allValid &&= check.valid
    const verdict = check.valid
      ? 'checks'
      : `DOES NOT CHECK (${[!check.signature && 'tree head signature', !check.inclusion && 'audit path'].filter(Boolean).join(', ')})`
    io.err(`${proof.entry.event} at leaf ${proof.leafIndex}, tree size ${proof.treeSize}, signed by ${keyFor(proof)}: ${verdict}`)
  }
  return allValid
}

class ProofCheckFailed extends UserFacingError {
  constructor() {
    super(422, 'transparencyLog.proofInvalid')
  }
}

async function prove(argv: string[], io: Io) {
  const [id] = parseCommand(argv, {}, proveSchema).positionals
  const events = await proveCredential(id)
  if (!events) throw new UserFacingError(404, 'transparencyLog.noCredential', { id })
  const proofs = events.flatMap((event) => (event.proof ? [event.proof] : []))
  if (events.length === 0 || proofs.length < events.length) throw new UserFacingError(409, 'transparencyLog.pendingCli', { id })
  const printed = JSON.stringify({ credentialId: events[0]!.entry.credentialId, proofs }, null, 2)
  io.out(printed)
  // Offline: only the printed text and the platform's public keys from the registry.
  const platform = await platformDids()
  const reread = printedSchema.parse(JSON.parse(printed))
  const keyOf = (proof: InclusionProof) => (platform.has(proof.treeHead.keyId) ? proof.treeHead.keyId : 'no platform key')
  if (!(await reportChecks(reread.proofs, keyOf, io))) throw new ProofCheckFailed()
}

async function checkProof(argv: string[], io: Io) {
  const { positionals, key } = parseCommand(argv, { key: { type: 'string' } }, checkSchema)
  const text = await readFile(positionals[0], 'utf8')
  let parsed: z.infer<typeof printedSchema>
  try {
    const json: unknown = JSON.parse(text)
    const single = proofSchema.safeParse(json)
    parsed = single.success ? { credentialId: single.data.entry.credentialId, proofs: [single.data] } : printedSchema.parse(json)
  } catch {
    throw new UserFacingError(400, 'transparencyLog.notAProof')
  }
  if (!key) io.err('no --key given: using the key named in the file; compare it with the platform issuer in /api/vc/issuers')
  if (!(await reportChecks(parsed.proofs, (proof) => key ?? proof.treeHead.keyId, io))) throw new ProofCheckFailed()
}

async function consistency(argv: string[], io: Io) {
  const [first, second] = parseCommand(argv, {}, consistencySchema).positionals
  const proof = await consistencyBetween(first, second)
  if (!proof) throw new UserFacingError(404, 'transparencyLog.noTreeHeads', { first: String(first), second: String(second) })
  const printed = JSON.stringify(proof, null, 2)
  io.out(printed)
  // Each head with its own key (a rotation between them is fine), which must be the platform's.
  const platform = await platformDids()
  const reread = consistencyFileSchema.parse(JSON.parse(printed))
  const keyOf = (head: SignedTreeHead) => (platform.has(head.keyId) ? head.keyId : 'no platform key')
  const check = await checkConsistencyProof(reread, { first: keyOf(reread.first), second: keyOf(reread.second) })
  io.err(
    `tree ${first} → ${second}: ${check.valid ? 'consistent, both heads signed by the platform' : `DOES NOT CHECK (${[!check.signatures && 'tree head signatures', !check.consistent && 'consistency path'].filter(Boolean).join(', ')})`}`,
  )
  if (!check.valid) throw new ProofCheckFailed()
}

export const credentialCommands: Record<string, (argv: string[], io: Io) => Promise<void>> = {
  'credentials prove': prove,
  'credentials check-proof': checkProof,
  'credentials consistency': consistency,
}
