// The error `require('imgsign')` throws when neither the native addon nor the WebAssembly
// fallback loads (index.js). It says what was looked for, for which platform, and why the
// fallback did not take over, instead of the generated loader's generic hint about npm;
// the loader's own error (with every attempt in its `cause` chain) stays as `cause`.

// napi-rs's name for this platform, as in the platform packages' names (imgsign-<name>).
function platformName() {
  const { platform, arch } = process
  if (platform === 'linux') {
    const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null
    const glibc = Boolean(report?.header?.glibcVersionRuntime)
    if (arch === 'arm') return `linux-arm-${glibc ? 'gnueabihf' : 'musleabihf'}`
    return `linux-${arch}-${glibc ? 'gnu' : 'musl'}`
  }
  if (platform === 'win32') return `win32-${arch}-msvc`
  if (platform === 'android' && arch === 'arm') return 'android-arm-eabi'
  return `${platform}-${arch}`
}

function installed(name) {
  try {
    require.resolve(`${name}/package.json`)
    return true
  } catch {
    return false
  }
}

function firstMessage(error) {
  const text = typeof error?.message === 'string' ? error.message : String(error)
  return text.split('\n')[0]
}

// Why an installed platform package did not load (a missing libc symbol, a wrong
// architecture, a version mismatch): the attempt in the loader's cause chain that found
// something. The chain holds messages only (no codes), the last attempt first.
function loadFailure(error) {
  for (let e = error?.cause, depth = 0; e && depth < 64; e = e.cause, depth++) {
    if (typeof e.message === 'string' && !e.message.startsWith('Cannot find module')) return e
  }
  return null
}

function loadError(nativeError, wasmError) {
  const platform = platformName()
  const name = `imgsign-${platform}`
  let pkg = {}
  try {
    pkg = require('./package.json')
  } catch {}
  const published = Object.keys(pkg.optionalDependencies || {})
    .filter((dep) => dep.startsWith('imgsign-'))
    .map((dep) => dep.slice('imgsign-'.length))
  const version = pkg.version || ''

  let native
  if (installed(name)) {
    const why = loadFailure(nativeError)
    native = `the package ${name} is installed, but its addon did not load${why ? `: ${firstMessage(why)}` : ''}`
  } else if (published.length === 0 || published.includes(platform)) {
    native =
      `the package ${name}, which npm installs as an optional dependency on this platform only, is not ` +
      `installed (installs with --omit=optional, and lockfiles made on another platform, leave it out: ` +
      `\`npm install ${name}${version ? `@${version}` : ''}\` adds it)`
  } else {
    native = `imgsign publishes no native addon for ${platform} (no package ${name}; there are: ${published.join(', ')})`
  }

  const missing = wasmError?.code === 'MODULE_NOT_FOUND' || wasmError?.code === 'ENOENT'
  const wasm = missing
    ? 'this copy of the package carries no WebAssembly build (wasm/imgsign.wasm)'
    : `the WebAssembly build did not load either: ${firstMessage(wasmError)}`

  const error = new Error(
    `imgsign cannot load on ${platform}: ${native}. Its fallback is the WebAssembly build of the same ` +
      `core (also importable as 'imgsign/wasm'), but ${wasm}.`,
  )
  error.code = 'ERR_IMGSIGN_NO_BINDING'
  error.platform = platform
  error.packageName = name
  error.cause = nativeError
  error.wasmError = wasmError
  return error
}

module.exports = { loadError, platformName }
