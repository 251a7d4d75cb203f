// Publishing transparency-log tree heads to a consortium chain (FISCO BCOS, ChainMaker, as
// 桂链 uses). Deliberately unimplemented until a node is available to test against; see
// docs/decisions/019-anchoring-plan.md.

/** A signed tree head of the credential transparency log (RFC 9162 style). */
export type TreeHead = { treeSize: number; rootHash: string; timestamp: string; signature: string }

/** Where a tree head was written on a chain. */
export type AnchorReceipt = { chainId: string; blockHeight: number; transactionHash: string }

export interface Anchor {
  /** Writes the tree head's hash to the chain; resolves once the transaction is final. */
  publish(treeHead: TreeHead): Promise<AnchorReceipt>
  /** Checks a receipt offline against a block header the verifier trusts. */
  verify(receipt: AnchorReceipt, treeHead: TreeHead): Promise<boolean>
}
