// A Cloudflare Worker (bundled like wrangler does): runs the checks on `imgsign` as workerd
// resolves it and answers the harness's request with the report.
import * as imgsign from 'imgsign'
import { runAll } from '../lib/cases.mjs'
import data from './data.json'

export default {
  async fetch() {
    let report
    try {
      report = runAll(imgsign, data)
    } catch (e) {
      report = { passed: 0, failed: 1, failures: [String(e?.stack || e)] }
    }
    return new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } })
  },
}
