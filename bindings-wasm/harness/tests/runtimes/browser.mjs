// Chromium: runs the checks on `imgsign` (the import map points at the package's browser
// entry) on the main thread, then in a module worker (the package's worker entry).
import * as imgsign from 'imgsign'
import { runAll } from '../lib/cases.mjs'

const data = await (await fetch('/data.json')).json()
const main = runAll(imgsign, data)
const entry = await (await fetch('/worker-entry')).text()
const worker = new Worker(
  new URL(`./browser-worker.mjs?entry=${encodeURIComponent(entry)}`, import.meta.url),
  { type: 'module' },
)
const inWorker = await new Promise((resolve) => {
  worker.onmessage = (e) => resolve(e.data)
  worker.onerror = (e) => resolve({ passed: 0, failed: 1, failures: [`worker: ${e.message}`] })
})
window.__report = {
  passed: main.passed + inWorker.passed,
  failed: main.failed + inWorker.failed,
  failures: [...main.failures, ...inWorker.failures.map((f) => `worker: ${f}`)],
  runs: [main.counts, inWorker.counts],
}
