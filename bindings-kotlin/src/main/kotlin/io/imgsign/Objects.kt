// Signer and UrlBuilder: the generated UniFFI classes (FfiSigner, FfiUrlBuilder; see the
// `rename` table in bindings-uniffi/uniffi.toml) with what UniFFI cannot generate for the
// JVM: constructors a Java caller can use without positional nulls and that declare
// ImgsignException, overloads for the optional trailing arguments, and Map params as
// members. Nothing here decides anything: every overload passes "not given" (null, an empty
// list) on to the core, which applies its defaults.

package io.imgsign

/**
 * Signs URLs as given and verifies them, for one provider and key (plus previous keys that
 * verification also accepts, for key rotation; a salt and previous salts for a scheme with a
 * salt; the scheme's options by name). Immutable and thread-safe; no `close()` is needed (a
 * Cleaner frees the native side).
 *
 * Java: `new Signer("imgix", key)`, `new Signer("imgix", key, List.of(oldKey))`, or
 * `Signer.builder("imgproxy").key(key).salt(salt).option("signature_size", 8).build()`.
 */
class Signer : FfiSigner {
    /** Creates a signer; an argument left out is "not given" (the core's default). */
    @JvmOverloads
    @Throws(ImgsignException::class)
    constructor(
        provider: String,
        key: String,
        previousKeys: List<String> = emptyList(),
        salt: String? = null,
        previousSalts: List<String> = emptyList(),
        options: Map<String, ParamValue> = emptyMap(),
    ) : super(provider, key, previousKeys, salt, previousSalts, options)

    /** The handle of the fast path of the hottest calls (FastPath.kt). */
    private val fast: Long = FastPath.own(this, builder = false) { uniffiCloneHandle() }

    /** Signs [url] as given, replacing any existing signature. */
    @Throws(ImgsignException::class)
    fun signUrl(url: String): String = FastPath.call(this, fast) { FastPath.signUrl(it, url) } ?: signUrl(url, null, null, null, emptyMap())

    /** Signs [url] with the scheme's per-call [values] (a client IP, ...). */
    @Throws(ImgsignException::class)
    fun signUrl(url: String, values: Map<String, ParamValue>): String = signUrl(url, null, null, null, values)

    /** Signs [url] so that it expires at [expiresAt] (UNIX seconds), with per-call [values]. */
    @Throws(ImgsignException::class)
    fun signUrlExpiring(url: String, expiresAt: Long, values: Map<String, ParamValue>): String = signUrl(url, expiresAt, null, null, values)

    /** Signs [url] so that it expires [seconds] after the system clock's now. */
    @Throws(ImgsignException::class)
    fun signUrlExpiringIn(url: String, seconds: Long): String = signUrlExpiringIn(url, seconds, null)

    /** Verifies [url] against the system clock; throws the failing check. */
    @Throws(ImgsignException::class)
    fun verifyUrl(url: String) {
        if (FastPath.call(this, fast) { FastPath.verify(it, false, null, url) } != true) verifyUrl(url, null, emptyMap())
    }

    /** Verifies [url] against [now] (UNIX seconds); throws the failing check. */
    @Throws(ImgsignException::class)
    fun verifyUrl(url: String, now: Long) {
        if (FastPath.call(this, fast) { FastPath.verify(it, false, now, url) } != true) verifyUrl(url, now, emptyMap())
    }

    /** Verifies a request target or full URL against the system clock; throws the failing check. */
    @Throws(ImgsignException::class)
    fun verify(target: String) {
        if (FastPath.call(this, fast) { FastPath.verify(it, true, null, target) } != true) verify(target, null, emptyMap())
    }

    /** Verifies a request target or full URL against [now]; throws the failing check. */
    @Throws(ImgsignException::class)
    fun verify(target: String, now: Long) {
        if (FastPath.call(this, fast) { FastPath.verify(it, true, now, target) } != true) verify(target, now, emptyMap())
    }

    /** A token on its own (cookies, headers), for a scheme that signs tokens. */
    @Throws(ImgsignException::class)
    fun signToken(): String = signToken(null, null, null, emptyMap())

    /** A token with the scheme's per-call [values]. */
    @Throws(ImgsignException::class)
    fun signToken(values: Map<String, ParamValue>): String = signToken(null, null, null, values)

    /** A token that expires at [expiresAt] (UNIX seconds). */
    @Throws(ImgsignException::class)
    fun signTokenExpiring(expiresAt: Long): String = signToken(expiresAt, null, null, emptyMap())

    /** A token that expires [seconds] after the system clock's now. */
    @Throws(ImgsignException::class)
    fun signTokenExpiringIn(seconds: Long): String = signToken(null, seconds, null, emptyMap())

    /** Verifies a token against the system clock; throws the failing check. */
    @Throws(ImgsignException::class)
    fun verifyToken(token: String) = verifyToken(token, null, emptyMap())

    /** Verifies a token against [now]; throws the failing check. */
    @Throws(ImgsignException::class)
    fun verifyToken(token: String, now: Long) = verifyToken(token, now, emptyMap())

    /** A [Builder] for Java: `Signer.builder(provider).key(key)...build()`. */
    companion object {
        /** Starts a [Signer] for [provider]; every argument not set is "not given". */
        @JvmStatic
        fun builder(provider: String): Builder = Builder(provider)
    }

    /**
     * Collects a [Signer]'s secrets and options. What is not set is "not given". Not
     * thread-safe; the [Signer] it builds is. Its `toString()` never shows a secret.
     */
    class Builder internal constructor(private val provider: String) {
        private var key: String? = null
        private var previousKeys: List<String> = emptyList()
        private var salt: String? = null
        private var previousSalts: List<String> = emptyList()
        private val options = LinkedHashMap<String, ParamValue>()

        /** The signing key. */
        fun key(key: String) = apply { this.key = key }

        /** Keys verification also accepts (key rotation). */
        fun previousKeys(keys: List<String>) = apply { this.previousKeys = keys }

        /** The salt, for a scheme with a salt. */
        fun salt(salt: String) = apply { this.salt = salt }

        /** One salt per previous key, in the same order. */
        fun previousSalts(salts: List<String>) = apply { this.previousSalts = salts }

        /** One of the scheme's options by name (see [paramValueOf] for the value's types). */
        @Throws(ImgsignException::class)
        fun option(name: String, value: Any?) = apply { options[name] = optionsOf(name to value).getValue(name) }

        /** The scheme's options by name. */
        fun options(options: Map<String, ParamValue>) = apply { this.options.putAll(options) }

        /** Creates the [Signer]; throws the core's coded error (a missing key is `invalid_key`). */
        @Throws(ImgsignException::class)
        fun build(): Signer = Signer(provider, key ?: "", previousKeys, salt, previousSalts, options)

        /** Names the provider, never a secret. */
        override fun toString(): String = "Signer.Builder($provider)"
    }
}

/**
 * Builds (and signs, when it has a key) URLs on one domain. Immutable and thread-safe; no
 * `close()` is needed.
 *
 * Kotlin: named arguments, `UrlBuilder("demo.imgix.net", key = key, profile = "imgix-js")`.
 * Java: `UrlBuilder.builder("demo.imgix.net").key(key).profile("imgix-js").build()`, or
 * `new UrlBuilder("demo.imgix.net")` for unsigned canonical URLs.
 */
class UrlBuilder : FfiUrlBuilder {
    /** Creates a builder; an option left out is "not given" (the core's default). */
    @JvmOverloads
    @Throws(ImgsignException::class)
    constructor(
        domain: String,
        provider: String? = null,
        key: String? = null,
        profile: String? = null,
        useHttps: Boolean? = null,
        includeLibraryParam: Boolean? = null,
        disablePathEncoding: Boolean? = null,
        salt: String? = null,
        options: Map<String, ParamValue> = emptyMap(),
    ) : super(domain, provider, key, profile, useHttps, includeLibraryParam, disablePathEncoding, salt, options)

    private constructor(withHandle: UniffiWithHandle, handle: Long) : super(withHandle, handle)

    /** The handle of the fast path of the hottest calls (FastPath.kt). */
    private val fast: Long = FastPath.own(this, builder = true) { uniffiCloneHandle() }

    /** Builds (and signs) the URL for [path] without params. */
    @Throws(ImgsignException::class)
    fun buildUrl(path: String): String = buildUrl(path, emptyList())

    /** Builds (and signs) the URL for [path] with [params] given as a map (see [paramValueOf]). */
    @Throws(ImgsignException::class)
    fun buildUrl(path: String, params: Map<String, Any?>): String = buildUrl(path, paramsOf(params))

    /** Builds (and signs) the URL for [path] with [params]; [disablePathEncoding] given here wins over the builder's. */
    @Throws(ImgsignException::class)
    fun buildUrl(path: String, params: List<Param>): String =
        FastPath.call(this, fast) { FastPath.buildUrl(it, path, params) } ?: buildUrl(path, params, null)

    /**
     * Builds (and signs) the URL for [path] with [params] given as a map; [disablePathEncoding]
     * given here wins over the builder's.
     */
    @Throws(ImgsignException::class)
    fun buildUrl(path: String, params: Map<String, Any?>, disablePathEncoding: Boolean?): String =
        buildUrl(path, paramsOf(params), disablePathEncoding)

    /** [reconstruct] without new params: [originalUrl] written and signed again. */
    @Throws(ImgsignException::class)
    fun reconstruct(originalUrl: String): String = reconstruct(originalUrl, emptyList())

    /**
     * Merges [params] into the query of [originalUrl] (an image URL an API returned, say; new
     * values win) and writes and signs it again, keeping its scheme, host and port:
     * `builder.reconstruct(apiUrl, mapOf("w" to widthPx, "dpr" to density))`.
     */
    @Throws(ImgsignException::class)
    fun reconstruct(originalUrl: String, params: Map<String, Any?>): String = reconstruct(originalUrl, paramsOf(params))

    /** Builds many URLs in one crossing of the native boundary: `(path, params)` pairs. */
    @Throws(ImgsignException::class)
    @JvmName("buildUrlsFromPairs")
    fun buildUrls(items: List<Pair<String, Map<String, Any?>?>>): List<String> =
        buildUrls(items.map { (path, params) -> UrlItem(path, if (params == null) emptyList() else paramsOf(params)) })

    /** Builds the srcset for [path] without params, with the core's default options. */
    @Throws(ImgsignException::class)
    fun buildSrcset(path: String): String = buildSrcset(path, emptyList(), SrcsetOptions())

    /** Builds the srcset for [path] with [params], with the core's default options. */
    @Throws(ImgsignException::class)
    fun buildSrcset(path: String, params: List<Param>): String = buildSrcset(path, params, SrcsetOptions())

    /** Builds the srcset for [path] with [params] given as a map, with the core's default options. */
    @Throws(ImgsignException::class)
    fun buildSrcset(path: String, params: Map<String, Any?>): String = buildSrcset(path, paramsOf(params), SrcsetOptions())

    /** Builds the srcset for [path] with [params] given as a map and [options]. */
    @Throws(ImgsignException::class)
    fun buildSrcset(path: String, params: Map<String, Any?>, options: SrcsetOptions): String = buildSrcset(path, paramsOf(params), options)

    /** A builder of [UrlBuilder] options for Java: set only what you need, then [Builder.build]. */
    companion object {
        /** Starts a [UrlBuilder] for [domain]; every option not set is "not given". */
        @JvmStatic
        fun builder(domain: String): Builder = Builder(domain)

        /** The builder a native call returned (a source's), as this class; [ffi] is released. */
        internal fun of(ffi: FfiUrlBuilder): UrlBuilder = UrlBuilder(UniffiWithHandle, ffi.uniffiCloneHandle()).also { ffi.destroy() }
    }

    /**
     * Collects the options of a [UrlBuilder]. An option not set is "not given" and takes the
     * core's default. Not thread-safe; the [UrlBuilder] it builds is.
     */
    class Builder internal constructor(private val domain: String) {
        private var provider: String? = null
        private var key: String? = null
        private var profile: String? = null
        private var useHttps: Boolean? = null
        private var includeLibraryParam: Boolean? = null
        private var disablePathEncoding: Boolean? = null
        private var salt: String? = null
        private val options = LinkedHashMap<String, ParamValue>()

        /** The provider name (`imgix`, ...). */
        fun provider(provider: String) = apply { this.provider = provider }

        /** The signing key; without one, URLs are unsigned. */
        fun key(key: String) = apply { this.key = key }

        /** The encoding profile name (`canonical`, ...). */
        fun profile(profile: String) = apply { this.profile = profile }

        /** `https://` (true) or `http://` (false). */
        fun useHttps(useHttps: Boolean) = apply { this.useHttps = useHttps }

        /** Whether to add the library-identifying `ixlib` param. */
        fun includeLibraryParam(include: Boolean) = apply { this.includeLibraryParam = include }

        /** Whether to use paths as given (already encoded). */
        fun disablePathEncoding(disable: Boolean) = apply { this.disablePathEncoding = disable }

        /** The salt that goes with the key, for a scheme with a salt. */
        fun salt(salt: String) = apply { this.salt = salt }

        /** One of the scheme's options by name (see [paramValueOf] for the value's types). */
        @Throws(ImgsignException::class)
        fun option(name: String, value: Any?) = apply { options[name] = optionsOf(name to value).getValue(name) }

        /** The scheme's options by name. */
        fun options(options: Map<String, ParamValue>) = apply { this.options.putAll(options) }

        /** Creates the [UrlBuilder]; throws the core's coded error for a bad option. */
        @Throws(ImgsignException::class)
        fun build(): UrlBuilder =
            UrlBuilder(domain, provider, key, profile, useHttps, includeLibraryParam, disablePathEncoding, salt, options)

        /** Names the domain and which options are set, never the key. */
        override fun toString(): String = "UrlBuilder.Builder($domain, signed=${key != null})"
    }
}

/**
 * Collects srcset options for Java (Kotlin uses `SrcsetOptions(maxWidth = 2000)`): an
 * option not set is "not given" and takes the core's default.
 */
class SrcsetOptionsBuilder {
    private var widths: List<Double>? = null
    private var minWidth: Double? = null
    private var maxWidth: Double? = null
    private var tolerance: Double? = null
    private var devicePixelRatios: List<Double>? = null
    private var variableQualities: List<VariableQuality>? = null
    private var disableVariableQuality: Boolean? = null

    /** Explicit widths of a fluid srcset. */
    fun widths(widths: List<Number>) = apply { this.widths = widths.map { it.toDouble() } }

    /** Smallest generated width. */
    fun minWidth(minWidth: Double) = apply { this.minWidth = minWidth }

    /** Largest generated width. */
    fun maxWidth(maxWidth: Double) = apply { this.maxWidth = maxWidth }

    /** Tolerance between consecutive generated widths. */
    fun tolerance(tolerance: Double) = apply { this.tolerance = tolerance }

    /** Ratios of a fixed srcset. */
    fun devicePixelRatios(ratios: List<Double>) = apply { this.devicePixelRatios = ratios }

    /** Quality per ratio (`Map.of(1.0, 80L)`), overriding the core's qualities for those ratios. */
    fun variableQualities(qualities: Map<Double, Long>) =
        apply { this.variableQualities = qualities.map { (ratio, quality) -> VariableQuality(ratio, quality) } }

    /** Add no generated `q` to fixed entries. */
    fun disableVariableQuality(disable: Boolean) = apply { this.disableVariableQuality = disable }

    /** The options record. */
    fun build() = SrcsetOptions(widths, minWidth, maxWidth, tolerance, devicePixelRatios, variableQualities, disableVariableQuality, null)
}
