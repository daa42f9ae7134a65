// A module web worker: imports the package's worker entry (import maps do not reach
// workers) and posts the report back.
import { runAll } from '../lib/cases.mjs'

try {
  const imgsign = await import(new URL(self.location.href).searchParams.get('entry'))
  const data = await (await fetch('/data.json')).json()
  self.postMessage(runAll(imgsign, data))
} catch (e) {
  self.postMessage({ passed: 0, failed: 1, failures: [String(e?.stack || e)] })
}
