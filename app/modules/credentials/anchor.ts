// Publishing transparency-log tree heads to a consortium chain (FISCO BCOS, ChainMaker, as
// 桂链 uses). Deliberately unimplemented until a node is available to test against; see
// docs/decisions/019-anchoring-plan.md. The heads come from signTreeHead() in
// transparency-log.server.ts (decision 032).
import type { SignedTreeHead } from './merkle.server.ts'

/** Where a tree head was written on a chain. */
export type AnchorReceipt = { chainId: string; blockHeight: number; transactionHash: string }

export interface Anchor {
  /** Writes the tree head (size, root hash, timestamp) to the chain; resolves once the transaction is final. */
  publish(treeHead: SignedTreeHead): Promise<AnchorReceipt>
  /** Checks a receipt offline against a block header the verifier trusts. */
  verify(receipt: AnchorReceipt, treeHead: SignedTreeHead): Promise<boolean>
}
