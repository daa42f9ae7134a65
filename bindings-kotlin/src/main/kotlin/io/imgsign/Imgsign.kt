// Idiomatic Kotlin on top of the generated UniFFI bindings (same package, io.imgsign).
//
// These helpers only convert Kotlin values into the records the bindings take: every rule
// (encoding, validation, defaults, signing) is in the Rust core. Java callers reach the same
// helpers through the `Imgsign` object (Facade.kt).
//
// Signer and UrlBuilder are immutable and thread-safe. They implement AutoCloseable, but no
// close() is needed: a java.lang.ref.Cleaner frees the Rust side when the garbage collector
// collects the Kotlin object. close()/use {} only frees it earlier.
@file:JvmName("ImgsignKotlin")

package io.imgsign

/**
 * Converts a Kotlin value into a [ParamValue]: `String`/`CharSequence` → string,
 * `Int`/`Long`/`Short`/`Byte` → integer, `Double` → float, `Float` → the float its decimal
 * form denotes (`0.1f` → `0.1`, not `0.10000000149…`), `Boolean` → boolean, `null` → dropped.
 * Any other type is the core's coded error for a param ([ImgsignException.InvalidParam]),
 * naming the type, never the value.
 */
@Throws(ImgsignException::class)
fun paramValueOf(value: Any?): ParamValue = valueOf(value, "build_url", "params")

/** [paramValueOf] with the operation and argument a wrong type is reported for. */
private fun valueOf(value: Any?, operation: String, argument: String): ParamValue = when (value) {
    null -> ParamValue.Null
    is ParamValue -> value
    is CharSequence -> ParamValue.Str(value.toString())
    is Boolean -> ParamValue.Bool(value)
    is Int -> ParamValue.Int(value.toLong())
    is Long -> ParamValue.Int(value)
    is Short -> ParamValue.Int(value.toLong())
    is Byte -> ParamValue.Int(value.toLong())
    is Double -> ParamValue.Float(value)
    is Float -> ParamValue.Float(value.toString().toDouble())
    else -> throw checkNotNull(
        argumentTypeError(
            operation,
            argument,
            "a String, Int, Long, Short, Byte, Double, Float, Boolean or null",
            value::class.qualifiedName ?: value.javaClass.name,
        ),
    )
}

/** Params in the map's iteration order (a `mapOf`/`LinkedHashMap` keeps insertion order). */
@Throws(ImgsignException::class)
fun paramsOf(params: Map<String, Any?>): List<Param> = params.map { (k, v) -> Param(k, paramValueOf(v)) }

/** Params from pairs: `paramsOf("w" to 400, "fit" to "crop")`. */
@Throws(ImgsignException::class)
fun paramsOf(vararg params: Pair<String, Any?>): List<Param> = params.map { (k, v) -> Param(k, paramValueOf(v)) }

/**
 * A scheme's options by name, for `Signer(..., options = ...)` and `UrlBuilder(..., options =
 * ...)`: `optionsOf("signatureSize" to 8)`. Values convert as [paramValueOf] does; the core
 * checks names, types and ranges (docs/schemes.md).
 */
@Throws(ImgsignException::class)
fun optionsOf(vararg options: Pair<String, Any?>): Map<String, ParamValue> =
    options.associate { (k, v) -> k to valueOf(v, "signer", "options") }

/** A scheme's options from a map (Java: `Imgsign.optionsOf(Map.of("signature_size", 8))`). */
@Throws(ImgsignException::class)
fun optionsOf(options: Map<String, Any?>): Map<String, ParamValue> = options.mapValues { (_, v) -> valueOf(v, "signer", "options") }

/** Per-call values from a map (Java: `Imgsign.valuesOf(Map.of("ip", "10.0.0.1"))`). */
@Throws(ImgsignException::class)
fun valuesOf(values: Map<String, Any?>): Map<String, ParamValue> = values.mapValues { (_, v) -> valueOf(v, "sign_url", "values") }

/** Per-call values by name, for `signUrl(..., values = ...)` and the verify calls. */
@Throws(ImgsignException::class)
fun valuesOf(vararg values: Pair<String, Any?>): Map<String, ParamValue> =
    values.associate { (k, v) -> k to valueOf(v, "sign_url", "values") }

/** Headers from a map (one value per name). */
fun headersOf(headers: Map<String, String>): List<Header> = headers.map { (k, v) -> Header(k, v) }

/** Headers from pairs, repeated names kept (the core reports them as `malformed_header`). */
fun headersOf(vararg headers: Pair<String, String>): List<Header> = headers.map { (k, v) -> Header(k, v) }

/**
 * A [UrlBuilder] whose signing key comes from [key], called once here: a key your app
 * fetched from its own backend and keeps in Android Keystore-backed storage, never a
 * literal compiled into the app (see docs/mobile-keys.md). [key] returning `null` builds
 * unsigned URLs. The other options are [UrlBuilder]'s own.
 */
@Suppress("ktlint:standard:function-naming", "FunctionName")
@Throws(ImgsignException::class)
fun UrlBuilder(
    domain: String,
    key: () -> String?,
    provider: String? = null,
    profile: String? = null,
    useHttps: Boolean? = null,
    includeLibraryParam: Boolean? = null,
    disablePathEncoding: Boolean? = null,
): UrlBuilder = UrlBuilder(domain, provider, key(), profile, useHttps, includeLibraryParam, disablePathEncoding)

/**
 * A [Signer] whose key and previous keys (still accepted while keys rotate) come from
 * [key] and [previousKeys], called once here (see docs/mobile-keys.md).
 */
@Suppress("ktlint:standard:function-naming", "FunctionName")
@Throws(ImgsignException::class)
fun Signer(provider: String, key: () -> String, previousKeys: () -> List<String> = { emptyList() }): Signer =
    Signer(provider, key(), previousKeys())

/** Verifies an origin request with headers given as a map. */
@Throws(ImgsignException::class)
fun verifyOriginRequest(key: String, headers: Map<String, String>, now: Long? = null, tolerance: Long? = null) =
    verifyOriginRequest(key, headersOf(headers), now, tolerance)

/** The stable code of any [ImgsignException] (`invalid_key`, `signature_mismatch`, ...). */
val ImgsignException.code: String
    get() = errorCode()

/** The message of any [ImgsignException], without the code (never contains a key). */
val ImgsignException.detail: String
    get() = errorDetail()

/**
 * The UTF-8 bytes of a string argument (see `InputString` in `bindings-uniffi/uniffi.toml`).
 * A lone surrogate is written as the three bytes of its code point, which are not UTF-8, so
 * that the core raises the coded error of the argument it was given for.
 */
internal fun inputBytes(s: String): ByteArray {
    if (s.none { it.isSurrogate() }) return s.toByteArray(Charsets.UTF_8)
    val out = java.io.ByteArrayOutputStream(s.length * 3)
    s.codePoints().forEach { cp ->
        when {
            cp < 0x80 -> out.write(cp)
            cp < 0x800 -> {
                out.write(0xC0 or (cp shr 6))
                out.write(0x80 or (cp and 0x3F))
            }
            cp < 0x10000 -> {
                out.write(0xE0 or (cp shr 12))
                out.write(0x80 or ((cp shr 6) and 0x3F))
                out.write(0x80 or (cp and 0x3F))
            }
            else -> {
                out.write(0xF0 or (cp shr 18))
                out.write(0x80 or ((cp shr 12) and 0x3F))
                out.write(0x80 or ((cp shr 6) and 0x3F))
                out.write(0x80 or (cp and 0x3F))
            }
        }
    }
    return out.toByteArray()
}
