// Vercel's Edge Runtime (bundled like Next.js does for middleware and edge route handlers):
// runs the checks on `imgsign` as the edge build resolves it; the harness reads the report.
import * as imgsign from 'imgsign'
import { runAll } from '../lib/cases.mjs'

try {
  globalThis.__report = JSON.stringify(runAll(imgsign, JSON.parse(globalThis.__data_json)))
} catch (e) {
  globalThis.__error = e?.stack || e
}
