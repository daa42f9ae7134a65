// `npm pack` of the package, installed into an empty project where no native binary exists
// (the tarball carries none and no platform package is installed): require() and import
// must sign the Pixta example through the WebAssembly fallback. Prints "N passed, M failed".
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const PKG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bindings-node')
const tmp = mkdtempSync(join(tmpdir(), 'imgsign-pack-'))
const npm = (args, cwd) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' })
let passed = 0
let failed = 0
const check = (name, f) => {
  try {
    f()
    passed++
  } catch (e) {
    failed++
    console.log(`FAIL ${name}: ${e.message}`)
  }
}

try {
  const listing = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp], PKG))[0]
  const files = listing.files.map((f) => f.path)
  check('the tarball carries the WebAssembly build and no native binary', () => {
    for (const f of [
      'wasm/imgsign.wasm',
      'wasm/glue.mjs',
      'wasm/glue.cjs',
      'wasm/node.cjs',
      'wasm/browser.mjs',
      'wasm/workerd.mjs',
      'wasm/edge.mjs',
      'wasm/deno.mjs',
      'index.js',
      'native.js',
      'index.d.ts',
    ]) {
      if (!files.includes(f)) throw new Error(`missing ${f}`)
    }
    const natives = files.filter((f) => f.endsWith('.node'))
    if (natives.length) throw new Error(`carries ${natives}`)
  })
  const app = join(tmp, 'app')
  execFileSync('mkdir', [app])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0' }))
  npm(
    [
      'install',
      join(
        tmp,
        readdirSync(tmp).find((f) => f.endsWith('.tgz')),
      ),
    ],
    app,
  )
  const url = 'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop'
  const want = `${url}&s=7d0d58f62c945d0ca08269205228bbe7`
  const run = (args) => execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8' }).trim()
  check('require("imgsign") signs the Pixta example through the wasm fallback', () => {
    const out = run([
      '-e',
      `const m = require('imgsign'); if (m.Signer !== require('imgsign/wasm').Signer) throw new Error('not the wasm build'); console.log(new m.Signer('pixta', 'wakanda123@').signUrl(${JSON.stringify(url)}))`,
    ])
    if (out !== want) throw new Error(out)
  })
  check('import "imgsign" signs the Pixta example through the wasm fallback', () => {
    const out = run([
      '--input-type=module',
      '-e',
      `import { Signer } from 'imgsign'; import * as w from 'imgsign/wasm'; if (Signer !== w.Signer) throw new Error('not the wasm build'); console.log(new Signer('pixta', 'wakanda123@').signUrl(${JSON.stringify(url)}))`,
    ])
    if (out !== want) throw new Error(out)
  })
  check('errors keep their codes through the fallback', () => {
    const out = run([
      '-e',
      `try { new (require('imgsign').Signer)('imgix', 42) } catch (e) { console.log(e instanceof Error, e.code) }`,
    ])
    if (out !== 'true invalid_key') throw new Error(out)
  })
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
console.log(`pack: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
