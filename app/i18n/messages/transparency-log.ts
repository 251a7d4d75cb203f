import type { Messages } from './types.ts'

// The credential transparency log, as the verify page shows it.
export const transparencyLogMessages = {
  'transparencyLog.title': { zh: '透明日志', en: 'Transparency log' },
  'transparencyLog.intro': {
    zh: '链桥把每次签发和吊销记入一个只可追加的默克尔树日志（RFC 9162），并定期用平台密钥签署树头。下面的包含证明表明这份证书确实记录在已签名的树中。',
    en: "Lianqiao appends every issuance and revocation to an append-only Merkle tree log (RFC 9162) and signs its tree head with the platform's key every few minutes. The inclusion proof below shows that this exact credential is in a signed tree.",
  },
  'transparencyLog.event.issued': { zh: '签发记录：第 {leaf} 号叶子，{time}', en: 'Issuance logged as leaf {leaf} at {time}' },
  'transparencyLog.event.revoked': { zh: '吊销记录：第 {leaf} 号叶子，{time}', en: 'Revocation logged as leaf {leaf} at {time}' },
  'transparencyLog.pending': {
    zh: '尚未纳入已签名的树头；下一次签署（每几分钟一次）后即可看到包含证明。',
    en: 'Not yet under a signed tree head; the inclusion proof appears after the next one (every few minutes).',
  },
  'transparencyLog.notLogged': { zh: '这份证书（逐字节）不在链桥的透明日志中。', en: "This exact credential is not in Lianqiao's transparency log." },
  'transparencyLog.treeSize': { zh: '树大小', en: 'Tree size' },
  'transparencyLog.root': { zh: '根哈希', en: 'Root hash' },
  'transparencyLog.signedAt': { zh: '树头签署时间', en: 'Tree head signed at' },
  'transparencyLog.signedBy': { zh: '签署密钥', en: 'Signed by' },
  'transparencyLog.path': { zh: '审计路径（自叶子向上）', en: 'Audit path (from the leaf up)' },
  'transparencyLog.proofValid': {
    zh: '包含证明核验通过：树头签名有效，叶子在树中。',
    en: 'The inclusion proof checks: the tree head signature is valid and the leaf is in the tree.',
  },
  'transparencyLog.proofInvalid': { zh: '包含证明核验失败。', en: 'The inclusion proof does not check.' },
  'transparencyLog.signerNotPlatform': { zh: '签署密钥不是链桥平台的密钥。', en: "The signing key is not the Lianqiao platform's key." },
  'transparencyLog.json': {
    zh: '证明的 JSON（可离线核验：npm run cli -- credentials check-proof 文件）',
    en: 'The proof as JSON (check it offline: npm run cli -- credentials check-proof FILE)',
  },
  'transparencyLog.noCredential': { zh: '没有编号为 {id} 的证书。', en: 'No credential {id}.' },
  'transparencyLog.pendingCli': {
    zh: '证书 {id} 尚未记入透明日志（早于日志的证书由下一次定时任务补记）。',
    en: 'Credential {id} is not in the transparency log yet (credentials older than the log are added by the next scheduled run).',
  },
  'transparencyLog.notAProof': { zh: '该文件不是包含证明的 JSON。', en: 'The file is not an inclusion proof in JSON.' },
} satisfies Messages
