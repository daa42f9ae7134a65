// Idiomatic Kotlin on top of the generated UniFFI bindings (same package, io.imgsign).
//
// These helpers only convert Kotlin values into the records the bindings take: every rule
// (encoding, validation, defaults, signing) is in the Rust core.
//
// Signer and UrlBuilder are immutable and thread-safe. They implement AutoCloseable, but no
// close() is needed: a java.lang.ref.Cleaner frees the Rust side when the garbage collector
// collects the Kotlin object. close()/use {} only frees it earlier.
@file:JvmName("Imgsign")

package io.imgsign

/**
 * Converts a Kotlin value into a [ParamValue]: `String`/`CharSequence` → string,
 * `Int`/`Long`/`Short`/`Byte` → integer, `Double` → float, `Float` → the float its decimal
 * form denotes (`0.1f` → `0.1`, not `0.10000000149…`), `Boolean` → boolean, `null` → dropped.
 */
fun paramValueOf(value: Any?): ParamValue = when (value) {
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
    else -> throw IllegalArgumentException(
        "param values must be String, Int, Long, Double, Float, Boolean or null, not ${value::class.qualifiedName}"
    )
}

/** Params in the map's iteration order (a `mapOf`/`LinkedHashMap` keeps insertion order). */
fun paramsOf(params: Map<String, Any?>): List<Param> =
    params.map { (k, v) -> Param(k, paramValueOf(v)) }

/** Params from pairs: `paramsOf("w" to 400, "fit" to "crop")`. */
fun paramsOf(vararg params: Pair<String, Any?>): List<Param> =
    params.map { (k, v) -> Param(k, paramValueOf(v)) }

/** Headers from a map (one value per name). */
fun headersOf(headers: Map<String, String>): List<Header> =
    headers.map { (k, v) -> Header(k, v) }

/** Headers from pairs, repeated names kept (the core reports them as `malformed_header`). */
fun headersOf(vararg headers: Pair<String, String>): List<Header> =
    headers.map { (k, v) -> Header(k, v) }

/** Builds (and signs) the URL for [path] with [params] given as a map. */
fun UrlBuilder.buildUrl(path: String, params: Map<String, Any?>): String =
    buildUrl(path, paramsOf(params))

/** Builds many URLs in one crossing of the native boundary: `(path, params)` pairs. */
fun UrlBuilder.buildUrls(items: List<Pair<String, Map<String, Any?>?>>): List<String> =
    buildUrls(items.map { (path, params) -> UrlItem(path, if (params == null) emptyList() else paramsOf(params)) })

/** Builds a srcset for [path] with [params] given as a map. */
fun UrlBuilder.buildSrcset(path: String, params: Map<String, Any?>, options: SrcsetOptions = SrcsetOptions()): String =
    buildSrcset(path, paramsOf(params), options)

/** Verifies an origin request with headers given as a map. */
fun verifyOriginRequest(key: String, headers: Map<String, String>, now: Long? = null, tolerance: Long? = null) =
    verifyOriginRequest(key, headersOf(headers), now, tolerance)

/** The stable code of any [ImgsignException] (`invalid_key`, `signature_mismatch`, ...). */
val ImgsignException.code: String
    get() = when (this) {
        is ImgsignException.InvalidDomain -> code
        is ImgsignException.InvalidKey -> code
        is ImgsignException.InvalidUrl -> code
        is ImgsignException.InvalidParam -> code
        is ImgsignException.InvalidSrcset -> code
        is ImgsignException.MissingSignature -> code
        is ImgsignException.SignatureMismatch -> code
        is ImgsignException.Expired -> code
        is ImgsignException.MalformedUrl -> code
        is ImgsignException.MalformedHeader -> code
    }

/** The message of any [ImgsignException], without the code (never contains a key). */
val ImgsignException.detail: String
    get() = when (this) {
        is ImgsignException.InvalidDomain -> detail
        is ImgsignException.InvalidKey -> detail
        is ImgsignException.InvalidUrl -> detail
        is ImgsignException.InvalidParam -> detail
        is ImgsignException.InvalidSrcset -> detail
        is ImgsignException.MissingSignature -> detail
        is ImgsignException.SignatureMismatch -> detail
        is ImgsignException.Expired -> detail
        is ImgsignException.MalformedUrl -> detail
        is ImgsignException.MalformedHeader -> detail
    }
