// The `Imgsign` object: every top-level function of the package as a static method for Java
// (`Imgsign.targetWidths()`), with an overload per optional trailing argument instead of
// positional nulls, and `@Throws(ImgsignException::class)` on everything that throws, so
// that Java can catch ImgsignException (a checked exception) and its subclasses. Kotlin
// callers may use it too, or the top-level functions directly. Each method passes "not
// given" on to the core; nothing is decided here.

package io.imgsign

/** imgsign's functions for Java: `Imgsign.signOriginRequest(key, requestId, timestamp)`. */
object Imgsign {
    /** The library version. */
    @JvmStatic
    fun version(): String = io.imgsign.version()

    /** Every provider name of the core, in its stable order. */
    @JvmStatic
    fun providerNames(): List<String> = io.imgsign.providerNames()

    /** Every profile's defaults (srcset range, `ixlib` value and version), in the core's order. */
    @JvmStatic
    fun profileDefaults(): List<ProfileDefaults> = io.imgsign.profileDefaults()

    /** The fluid srcset widths with the core's default bounds and tolerance. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun targetWidths(): List<Long> = io.imgsign.targetWidths()

    /** The fluid srcset widths from [minWidth] to [maxWidth] with the core's default tolerance. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun targetWidths(minWidth: Long, maxWidth: Long): List<Long> = io.imgsign.targetWidths(minWidth.toDouble(), maxWidth.toDouble())

    /** The fluid srcset widths from [minWidth] to [maxWidth], [tolerance] apart. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun targetWidths(minWidth: Long, maxWidth: Long, tolerance: Double): List<Long> =
        io.imgsign.targetWidths(minWidth.toDouble(), maxWidth.toDouble(), tolerance)

    /**
     * The fluid srcset widths from [minWidth] to [maxWidth], [tolerance] apart, as [profile]'s
     * library computes them (`imgix-java`, `imgix-swift`, ...).
     */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun targetWidths(minWidth: Double, maxWidth: Double, tolerance: Double, profile: String): List<Long> =
        io.imgsign.targetWidths(minWidth, maxWidth, tolerance, profile)

    /** The `X-Imgix-Signature` header value (`v1,<HEX>`) for an origin request. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun signOriginRequest(key: String, requestId: String, timestamp: Long): String = io.imgsign.signOriginRequest(key, requestId, timestamp)

    /** Verifies an origin request's signature headers against the system clock. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: Map<String, String>) = io.imgsign.verifyOriginRequest(key, headersOf(headers))

    /** Verifies an origin request's signature headers against [now] (UNIX seconds). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: Map<String, String>, now: Long) =
        io.imgsign.verifyOriginRequest(key, headersOf(headers), now)

    /** Verifies an origin request's signature headers against [now], within [tolerance] seconds. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: Map<String, String>, now: Long, tolerance: Long) =
        io.imgsign.verifyOriginRequest(key, headersOf(headers), now, tolerance)

    /** Verifies an origin request's signature headers given as a list (repeated names kept). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: List<Header>) = io.imgsign.verifyOriginRequest(key, headers)

    /** Verifies an origin request's signature headers given as a list against [now]. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: List<Header>, now: Long) = io.imgsign.verifyOriginRequest(key, headers, now)

    /** Verifies an origin request's signature headers given as a list against [now], within [tolerance] seconds. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginRequest(key: String, headers: List<Header>, now: Long, tolerance: Long) =
        io.imgsign.verifyOriginRequest(key, headers, now, tolerance)

    /** Checks the `Authorization: Basic ...` header against the credentials. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyBasicAuth(username: String, password: String, headers: Map<String, String>) =
        io.imgsign.verifyBasicAuth(username, password, headersOf(headers))

    /** Checks the `Authorization: Basic ...` header (headers given as a list). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyBasicAuth(username: String, password: String, headers: List<Header>) = io.imgsign.verifyBasicAuth(username, password, headers)

    /** Checks the `X-Imgix-Origin-Secret` handshake header against [secret]. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginSecret(secret: String, headers: Map<String, String>) = io.imgsign.verifyOriginSecret(secret, headersOf(headers))

    /** Checks the `X-Imgix-Origin-Secret` handshake header (headers given as a list). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun verifyOriginSecret(secret: String, headers: List<Header>) = io.imgsign.verifyOriginSecret(secret, headers)

    /** The error code a wrong-typed value of [argument] of [operation] gets, or null for an unknown operation. */
    @JvmStatic
    fun argumentErrorCode(operation: String, argument: String): String? = io.imgsign.argumentErrorCode(operation, argument)

    /** Params from a map, in its iteration order (a `LinkedHashMap` keeps insertion order). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun paramsOf(params: Map<String, Any?>): List<Param> = io.imgsign.paramsOf(params)

    /** One param value from a Java value (see [io.imgsign.paramValueOf]). */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun paramValueOf(value: Any?): ParamValue = io.imgsign.paramValueOf(value)

    /** A scheme's options by name from a map: `Imgsign.optionsOf(Map.of("signature_size", 8))`. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun optionsOf(options: Map<String, Any?>): Map<String, ParamValue> = io.imgsign.optionsOf(options)

    /** Per-call values by name from a map: `Imgsign.valuesOf(Map.of("ip", "10.0.0.1"))`. */
    @JvmStatic
    @Throws(ImgsignException::class)
    fun valuesOf(values: Map<String, Any?>): Map<String, ParamValue> = io.imgsign.valuesOf(values)

    /** Headers from a map (one value per name). */
    @JvmStatic
    fun headersOf(headers: Map<String, String>): List<Header> = io.imgsign.headersOf(headers)

    /** Starts a [UrlBuilder] for [domain] (the same as `UrlBuilder.builder(domain)`). */
    @JvmStatic
    fun urlBuilder(domain: String): UrlBuilder.Builder = UrlBuilder.builder(domain)

    /** Starts srcset options: `Imgsign.srcsetOptions().maxWidth(2000).build()`. */
    @JvmStatic
    fun srcsetOptions(): SrcsetOptionsBuilder = SrcsetOptionsBuilder()
}
