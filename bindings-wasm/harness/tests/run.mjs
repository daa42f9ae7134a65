// Runs the imgsign package in every JavaScript runtime this harness installs, each one
// executing every conformance vector, the generated differential cases (expected outcomes
// from the native addon and @imgix/js-core, computed here first) and the API checks:
//   node (native addon), node (WebAssembly build), Deno, Bun (native and wasm),
//   workerd (a worker that runs the checks and reports over loopback), Vercel's Edge
//   Runtime (@edge-runtime/vm, compiling WebAssembly refused as on Vercel), Chromium
//   (headless, driven by playwright-core; main thread and a module worker).
// A runtime that cannot start is a failure. Usage: node run.mjs [runtime ...]
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execCase, revive, runAll } from './lib/cases.mjs'
import { generate } from './lib/differential.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const HARNESS = resolve(HERE, '..')
const ROOT = resolve(HERE, '../../..')
const PKG = join(ROOT, 'bindings-node')
const require = createRequire(import.meta.url)
const BIN = {
  deno: join(HARNESS, 'node_modules/@deno/linux-x64-glibc/deno'),
  bun: join(HARNESS, 'node_modules/@oven/bun-linux-x64/bin/bun'),
  workerd: join(HARNESS, 'node_modules/@cloudflare/workerd-linux-64/bin/workerd'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
}

// The napi loader itself: the native addon, or an exception (never the wasm fallback).
const native = require(join(PKG, 'native.js'))
// The package's main entry over it (the native exports plus index.js's own: the type guards).
const main = require(join(PKG, 'index.js'))
const ImgixClient = require('@imgix/js-core')

const vectors = JSON.parse(readFileSync(join(ROOT, 'conformance/vectors.json'), 'utf8'))
const md5 = (text) => createHash('md5').update(text).digest('hex')
const differential = generate(native, ImgixClient, revive, execCase, md5)
const data = { vectors, differential }
// JSON.stringify writes -0 as 0, and a vector's -0.0 is a value of its own (imgix-python
// writes it `-0.0`): it is written out as -0, which JSON.parse reads back as -0.
const NEG_ZERO = '"\\u0000-0"'
const dataJson = JSON.stringify(data, (_, v) => (Object.is(v, -0) ? '\u0000-0' : v)).replaceAll(
  NEG_ZERO,
  '-0',
)
const tmp = mkdtempSync(join(tmpdir(), 'imgsign-runtimes-'))
const dataPath = join(tmp, 'data.json')
writeFileSync(dataPath, dataJson)

function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: HARNESS, env: { ...process.env, NO_COLOR: '1' }, ...options })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: stderr + String(e) }))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

// The last stdout line of a child that prints its report as JSON.
async function reportOf(cmd, args) {
  if (!existsSync(cmd)) throw new Error(`${cmd} is not installed`)
  const r = await run(cmd, args)
  const last = r.stdout.trim().split('\n').pop() || ''
  try {
    return JSON.parse(last)
  } catch {
    throw new Error(`exit ${r.code}: ${(r.stderr || r.stdout).slice(-2000)}`)
  }
}

// Message parity: where the native addon throws, the wasm build throws the same message.
function messages(m) {
  const failures = []
  for (const c of differential) {
    if (!('message' in c.expected)) continue
    try {
      execCase(m, c)
    } catch (e) {
      if (e.message !== c.expected.message)
        failures.push(
          `${c.op} #${c.seed}: ${JSON.stringify(e.message)} != ${JSON.stringify(c.expected.message)}`,
        )
    }
  }
  return {
    passed: differential.filter((c) => 'message' in c.expected).length - failures.length,
    failed: failures.length,
    failures: failures.slice(0, 20),
  }
}

// The same exports, classes, methods and getters as the native addon (its internal fast
// path and the napi loader's marker aside).
function shape(m) {
  const internal = new Set(['__napiBindingTarget', '_fast', '_id', 'constructor'])
  const names = (o) =>
    Object.getOwnPropertyNames(o)
      .filter((n) => !internal.has(n))
      .sort()
      .join()
  const failures = []
  const pairs = [
    ['exports', main, m],
    ['Signer', native.Signer.prototype, m.Signer.prototype],
    ['UrlBuilder', native.UrlBuilder.prototype, m.UrlBuilder.prototype],
  ]
  for (const [what, a, b] of pairs) {
    const [x, y] =
      what === 'exports'
        ? [
            Object.keys(a)
              .filter((n) => !internal.has(n))
              .sort()
              .join(),
            Object.keys(b).sort().join(),
          ]
        : [names(a), names(b)]
    if (x !== y) failures.push(`${what}: native has ${x}, wasm has ${y}`)
  }
  return { passed: pairs.length - failures.length, failed: failures.length, failures }
}

// What each full run of the checks in a report counted (a report may hold several runs).
const runsOf = (r) => r.runs ?? (r.counts === undefined ? [] : [r.counts])

function merge(...reports) {
  return reports.reduce(
    (a, r) => ({
      passed: a.passed + r.passed,
      failed: a.failed + r.failed,
      failures: [...a.failures, ...r.failures],
      runs: [...a.runs, ...runsOf(r)],
    }),
    { passed: 0, failed: 0, failures: [], runs: [] },
  )
}

// Bundles a runtime's test entry as that runtime's bundler would, and checks that the
// package entry it picked is `expected`.
async function bundle(entry, conditions, format, expected, plugins = []) {
  const esbuild = await import('esbuild')
  const out = await esbuild.build({
    entryPoints: [join(HERE, 'runtimes', entry)],
    bundle: true,
    write: false,
    format,
    platform: 'neutral',
    conditions,
    mainFields: ['module', 'main'],
    plugins,
    metafile: true,
    logLevel: 'silent',
  })
  const picked = Object.keys(out.metafile.inputs).filter(
    (p) => /(^|\/)wasm\/[a-z]+\.mjs$/.test(p) && !p.endsWith('glue.mjs'),
  )
  if (picked.length !== 1 || !picked[0].endsWith(expected))
    throw new Error(`${conditions} bundled ${picked}, not ${expected}`)
  return out.outputFiles[0].text
}

// The entry a bundler picks for `imgsign` under `conditions`, from package.json's exports.
function entryFor(subpath, conditions) {
  let target = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).exports[subpath]
  while (typeof target === 'object') {
    const key = Object.keys(target).find((k) => k === 'default' || conditions.includes(k))
    if (!key) throw new Error(`no export of ${subpath} for ${conditions}`)
    target = target[key]
  }
  return target
}

const RUNTIMES = {
  async 'node-native'() {
    const main = require('imgsign')
    if (main.Signer !== native.Signer) throw new Error('require("imgsign") did not load the native addon')
    const esm = await import('imgsign')
    if (esm.Signer !== native.Signer) throw new Error('import "imgsign" did not load the native addon')
    return runAll(main, data)
  },
  async 'node-wasm'() {
    const cjs = require('imgsign/wasm')
    const esm = await import('imgsign/wasm')
    if (cjs.Signer === native.Signer || esm.Signer !== cjs.Signer || esm.default !== cjs) {
      throw new Error('imgsign/wasm: require and import must give the one WebAssembly instance')
    }
    return merge(runAll(cjs, data), messages(cjs), shape(cjs))
  },
  async deno() {
    // Only the data file is readable: the package needs no permission.
    return reportOf(BIN.deno, [
      'run',
      `--allow-read=${dataPath}`,
      join(HERE, 'runtimes/script.mjs'),
      dataPath,
    ])
  },
  async 'bun-native'() {
    return reportOf(BIN.bun, [join(HERE, 'runtimes/script.mjs'), dataPath])
  },
  async 'bun-wasm'() {
    return reportOf(BIN.bun, [join(HERE, 'runtimes/script.mjs'), dataPath, '--wasm'])
  },
  async workerd() {
    if (!existsSync(BIN.workerd)) throw new Error(`${BIN.workerd} is not installed`)
    // As wrangler bundles a Worker: its conditions, `.wasm` imports left as modules.
    const wasmModule = {
      name: 'wasm-module',
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, () => ({ path: 'imgsign.wasm', external: true }))
        b.onResolve({ filter: /^\.\/data\.json$/ }, () => ({ path: 'data.json', external: true }))
      },
    }
    const dir = mkdtempSync(join(tmp, 'workerd-'))
    writeFileSync(
      join(dir, 'worker.mjs'),
      await bundle('worker.mjs', ['workerd', 'worker', 'browser'], 'esm', 'wasm/workerd.mjs', [wasmModule]),
    )
    copyFileSync(join(PKG, 'wasm/imgsign.wasm'), join(dir, 'imgsign.wasm'))
    writeFileSync(join(dir, 'data.json'), dataJson)
    writeFileSync(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "imgsign.wasm", wasm = embed "imgsign.wasm"),
    (name = "data.json", json = embed "data.json"),
  ],
  compatibilityDate = "2025-09-01",
);
`,
    )
    const child = spawn(BIN.workerd, ['serve', '--control-fd=3', join(dir, 'config.capnp')], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    try {
      const port = await new Promise((resolve, reject) => {
        let control = ''
        const timer = setTimeout(
          () => reject(new Error(`workerd did not listen: ${stderr.slice(-2000)}`)),
          30000,
        )
        child.on('exit', (code) => reject(new Error(`workerd exited ${code}: ${stderr.slice(-2000)}`)))
        child.stdio[3].on('data', (d) => {
          control += d
          for (const line of control.split('\n')) {
            try {
              const msg = JSON.parse(line)
              if (msg.event === 'listen' && msg.socket === 'http') {
                clearTimeout(timer)
                resolve(msg.port)
              }
            } catch {}
          }
        })
      })
      const res = await fetch(`http://127.0.0.1:${port}/`)
      const body = await res.text()
      try {
        return JSON.parse(body)
      } catch {
        throw new Error(`workerd answered ${res.status}: ${body.slice(0, 2000)} ${stderr.slice(-2000)}`)
      }
    } finally {
      child.kill()
    }
  },
  async edge() {
    const { EdgeVM } = await import('@edge-runtime/vm')
    // As Next.js builds for the Edge Runtime: its conditions; a `?module` import is the
    // module compiled at build time, which the runtime provides as a binding.
    const binding = {
      name: 'wasm-binding',
      setup(b) {
        b.onResolve({ filter: /\.wasm\?module$/ }, (a) => ({ path: a.path, namespace: 'wasm-binding' }))
        b.onLoad({ filter: /.*/, namespace: 'wasm-binding' }, () => ({
          contents: 'export default globalThis.__imgsign_wasm',
          loader: 'js',
        }))
      },
    }
    const code = await bundle('edge.mjs', ['edge-light', 'worker', 'browser'], 'iife', 'wasm/edge.mjs', [
      binding,
    ])
    const compiled = new WebAssembly.Module(readFileSync(join(PKG, 'wasm/imgsign.wasm')))
    const vm = new EdgeVM({
      codeGeneration: { strings: false, wasm: false },
      extend: (context) => {
        context.__imgsign_wasm = compiled
        context.__data_json = dataJson
        return context
      },
    })
    const refused = vm.evaluate(
      `(() => { try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return false } catch { return true } })()`,
    )
    if (!refused)
      throw new Error(
        'the Edge Runtime context compiled WebAssembly from bytes: the test would not show the entry avoids it',
      )
    vm.evaluate(code)
    const report = vm.evaluate('globalThis.__report')
    if (!report) throw new Error(`no report: ${vm.evaluate('String(globalThis.__error)')}`)
    return JSON.parse(report)
  },
  async chromium() {
    if (!existsSync(BIN.chromium)) throw new Error(`${BIN.chromium} is not installed`)
    const { chromium } = await import('playwright-core')
    const browserEntry = entryFor('.', ['browser', 'import'])
    const workerEntry = entryFor('.', ['worker', 'import'])
    const types = {
      '.html': 'text/html',
      '.mjs': 'text/javascript',
      '.js': 'text/javascript',
      '.json': 'application/json',
      '.wasm': 'application/wasm',
    }
    const page = `<!doctype html><meta charset="utf-8"><title>imgsign</title>
<script type="importmap">${JSON.stringify({ imports: { imgsign: `/pkg/${browserEntry.slice(2)}` } })}</script>
<script type="module">
  window.addEventListener('error', (e) => { window.__report = { passed: 0, failed: 1, failures: [String(e.message)] } })
  window.addEventListener('unhandledrejection', (e) => { window.__report = { passed: 0, failed: 1, failures: [String(e.reason && e.reason.stack || e.reason)] } })
  import('/tests/runtimes/browser.mjs').catch((e) => { window.__report = { passed: 0, failed: 1, failures: [String(e && e.stack || e)] } })
</script>`
    const roots = { '/pkg/': PKG + sep, '/tests/': HERE + sep }
    const server = createServer((req, res) => {
      const url = new URL(req.url, 'http://x')
      if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page)
      if (url.pathname === '/data.json')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(dataJson)
      if (url.pathname === '/worker-entry')
        return res.writeHead(200, { 'content-type': 'text/plain' }).end(`/pkg/${workerEntry.slice(2)}`)
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!url.pathname.startsWith(prefix)) continue
        const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))))
        if (!file.startsWith(dir) || file.includes(`${sep}node_modules${sep}`) || !existsSync(file)) break
        return res
          .writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' })
          .end(readFileSync(file))
      }
      res.writeHead(404).end()
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    const profile = mkdtempSync(join(tmp, 'chromium-'))
    // A new empty profile directory, as for a clean browser.
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: BIN.chromium,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    try {
      const tab = await browser.newPage()
      await tab.goto(`http://127.0.0.1:${server.address().port}/`)
      await tab.waitForFunction(() => window.__report, null, { timeout: 120000 })
      return await tab.evaluate(() => window.__report)
    } finally {
      await browser.close()
      server.close()
    }
  },
}

const only = process.argv.slice(2)
for (const name of only)
  if (!(name in RUNTIMES)) throw new Error(`unknown runtime ${name}: ${Object.keys(RUNTIMES).join(', ')}`)
let passed = 0
let failed = 0
const lines = []
console.log(
  `data: ${vectors.vectors.length} vectors, ${differential.length} differential cases (${differential.filter((c) => 'jscore' in c).length} against @imgix/js-core)`,
)
try {
  for (const [name, fn] of Object.entries(RUNTIMES)) {
    if (only.length && !only.includes(name)) continue
    const start = Date.now()
    let r
    try {
      r = await fn()
    } catch (e) {
      r = { passed: 0, failed: 1, failures: [`cannot run: ${e?.stack ? e.stack : e}`] }
    }
    if (!(r.passed > 0) && !(r.failed > 0)) r = { passed: 0, failed: 1, failures: ['no checks ran'] }
    // Every run in every runtime runs every vector and every differential case.
    const want = { vectors: vectors.vectors.length, differential: differential.length }
    const runs = runsOf(r)
    if (runs.length === 0) runs.push({})
    for (const counts of runs) {
      for (const [group, n] of Object.entries(want)) {
        if (counts?.[group] === n) continue
        r.failed++
        r.failures.push(`ran ${counts?.[group]} ${group}, not all ${n}`)
      }
    }
    passed += r.passed
    failed += r.failed
    const line = `${name}: ${r.passed} passed, ${r.failed} failed (${((Date.now() - start) / 1000).toFixed(1)} s)`
    lines.push(line)
    console.log(line)
    for (const f of r.failures) console.log(`  FAIL ${f}`)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
