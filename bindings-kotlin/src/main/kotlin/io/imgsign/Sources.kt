// Sources and SourceSpec: the generated classes (FfiSources, FfiSourceSpec) with Java
// overloads, @Throws constructors and a SourceSpec.Builder; `source(name)` returns this
// package's UrlBuilder. Every rule (matching, names, prefixes, duplicates) is the core's.

package io.imgsign

/**
 * One source of a [Sources] set: a name, a domain (and optional path prefix) and what its
 * builder and signer take. Every argument left out is "not given" (the core's default); a
 * source without a key builds unsigned URLs and cannot sign. Its `toString()` shows the name
 * and domain, never a key.
 *
 * Kotlin: `SourceSpec("shop", "demo.imgix.net", key = key, pathPrefix = "/shop")`.
 * Java: `SourceSpec.builder("shop", "demo.imgix.net").key(key).pathPrefix("/shop").build()`.
 */
class SourceSpec : FfiSourceSpec {
    /** Creates a source spec; an argument left out is "not given". */
    @JvmOverloads
    @Throws(ImgsignException::class)
    constructor(
        name: String,
        domain: String,
        pathPrefix: String? = null,
        provider: String? = null,
        key: String? = null,
        previousKeys: List<String> = emptyList(),
        salt: String? = null,
        previousSalts: List<String> = emptyList(),
        options: Map<String, ParamValue> = emptyMap(),
        profile: String? = null,
        useHttps: Boolean? = null,
        includeLibraryParam: Boolean? = null,
        disablePathEncoding: Boolean? = null,
    ) : super(
        name,
        domain,
        pathPrefix,
        provider,
        key,
        previousKeys,
        salt,
        previousSalts,
        options,
        profile,
        useHttps,
        includeLibraryParam,
        disablePathEncoding,
    )

    /** A [Builder] for Java. */
    companion object {
        /** Starts the spec of the source [name] on [domain]. */
        @JvmStatic
        fun builder(name: String, domain: String): Builder = Builder(name, domain)
    }

    /**
     * Collects a [SourceSpec]'s fields; what is not set is "not given". Not thread-safe.
     * Its `toString()` never shows a secret.
     */
    class Builder internal constructor(private val name: String, private val domain: String) {
        private var pathPrefix: String? = null
        private var provider: String? = null
        private var key: String? = null
        private var previousKeys: List<String> = emptyList()
        private var salt: String? = null
        private var previousSalts: List<String> = emptyList()
        private val options = LinkedHashMap<String, ParamValue>()
        private var profile: String? = null
        private var useHttps: Boolean? = null
        private var includeLibraryParam: Boolean? = null
        private var disablePathEncoding: Boolean? = null

        /** The path prefix (`/shop`): the source takes the URLs under it on its host. */
        fun pathPrefix(prefix: String) = apply { this.pathPrefix = prefix }

        /** The provider name (`imgix`, ...). */
        fun provider(provider: String) = apply { this.provider = provider }

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

        /** The encoding profile name (`canonical`, ...). */
        fun profile(profile: String) = apply { this.profile = profile }

        /** `https://` (true) or `http://` (false). */
        fun useHttps(useHttps: Boolean) = apply { this.useHttps = useHttps }

        /** Whether to add the library-identifying `ixlib` param. */
        fun includeLibraryParam(include: Boolean) = apply { this.includeLibraryParam = include }

        /** Whether to use paths as given (already encoded). */
        fun disablePathEncoding(disable: Boolean) = apply { this.disablePathEncoding = disable }

        /** The [SourceSpec]. */
        @Throws(ImgsignException::class)
        fun build(): SourceSpec = SourceSpec(
            name,
            domain,
            pathPrefix,
            provider,
            key,
            previousKeys,
            salt,
            previousSalts,
            options,
            profile,
            useHttps,
            includeLibraryParam,
            disablePathEncoding,
        )

        /** Names the source and domain, never a secret. */
        override fun toString(): String = "SourceSpec.Builder($name, $domain)"
    }
}

/**
 * Several named sources in one object. [signUrl], [verifyUrl] and [verify] choose the source
 * by the URL's host and path (the longest path prefix wins); [source] gives a source's
 * [UrlBuilder]. A URL no source takes, or an unknown name, throws
 * [ImgsignException.UnknownSource]. Immutable and thread-safe.
 */
class Sources
@Throws(ImgsignException::class)
constructor(sources: List<SourceSpec>) : FfiSources(sources) {
    /** The builder of the source named [name] (a path outside its prefix throws `invalid_url`). */
    @Throws(ImgsignException::class)
    override fun source(name: String): UrlBuilder = UrlBuilder.of(super.source(name))

    /** Signs [url] with the key of its source. */
    @Throws(ImgsignException::class)
    fun signUrl(url: String): String = signUrl(url, null, null, null, emptyMap())

    /** Signs [url] with the key of its source and the scheme's per-call [values]. */
    @Throws(ImgsignException::class)
    fun signUrl(url: String, values: Map<String, ParamValue>): String = signUrl(url, null, null, null, values)

    /** Signs [url] with the key of its source so that it expires at [expiresAt] (UNIX seconds). */
    @Throws(ImgsignException::class)
    fun signUrlExpiring(url: String, expiresAt: Long): String = signUrl(url, expiresAt, null, null, emptyMap())

    /** Signs [url] so that it expires [seconds] after [now] (UNIX seconds). */
    @Throws(ImgsignException::class)
    fun signUrlExpiringIn(url: String, seconds: Long, now: Long): String = signUrl(url, null, seconds, now, emptyMap())

    /** Signs [url] so that it expires [seconds] after the system clock's now. */
    @Throws(ImgsignException::class)
    fun signUrlExpiringIn(url: String, seconds: Long): String = signUrl(url, null, seconds, null, emptyMap())

    /** Verifies [url] with the keys of its source against the system clock. */
    @Throws(ImgsignException::class)
    fun verifyUrl(url: String) = verifyUrl(url, null, emptyMap())

    /** Verifies [url] with the keys of its source against [now] (UNIX seconds). */
    @Throws(ImgsignException::class)
    fun verifyUrl(url: String, now: Long) = verifyUrl(url, now, emptyMap())

    /** Verifies what a server for [host] received ([target]) against the system clock. */
    @Throws(ImgsignException::class)
    fun verify(target: String, host: String) = verify(target, host, null, emptyMap())

    /** Verifies what a server for [host] received ([target]) against [now] (UNIX seconds). */
    @Throws(ImgsignException::class)
    fun verify(target: String, host: String, now: Long) = verify(target, host, now, emptyMap())
}
