// Types for s3rver (a fake S3 server the storage tests run against), which ships JavaScript
// only. Only what the tests use is declared.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'

  export default class S3rver {
    constructor(options: { address: string; port: number; directory: string; silent: boolean; configureBuckets: Array<{ name: string }> })
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
