package io.imgsign

import org.junit.jupiter.api.fail

/**
 * Runs an `argument_error` vector as a real call where Kotlin can express the problem: a
 * string holding a lone surrogate for every string argument, and a value of a type
 * [paramValueOf] does not take for `params`. Kotlin's types rule out every other wrong type,
 * so for those the core's rule is checked as the package exposes it ([argumentErrorCode]).
 * Throws what the call throws; returns normally only when nothing was thrown.
 */
internal fun runArgumentError(operation: String, argument: String, problem: String) {
    val call = when (problem) {
        "ill_formed_string" -> illFormed[operation]?.get(argument)
        "wrong_type" -> wrongType[operation]?.get(argument)
        else -> fail("unknown problem $problem")
    }
    if (call != null) {
        call()
        return
    }
    check(problem == "wrong_type") { "no Kotlin call for an ill-formed $operation $argument" }
    val code = argumentErrorCode(operation, argument) ?: fail("unknown operation $operation")
    throw checkNotNull(argumentTypeError(operation, argument, "its type", "another type")).also {
        check(it.code == code) { "argumentTypeError and argumentErrorCode disagree for $operation $argument" }
    }
}

/** A string that is not well-formed UTF-16. */
private const val BAD = "x\uD800y"

private const val KEY = "0123456789abcdef"
private const val NOW = 1_700_000_000L
private val signer by lazy { Signer("imgix", KEY) }
private val builder by lazy { UrlBuilder("demo.imgix.net", key = KEY) }
private val basic = headersOf("Authorization" to "Basic dXNlcjpwdw==")

private val illFormed: Map<String, Map<String, () -> Unit>> = mapOf(
    "signer" to mapOf(
        "provider" to { Signer("imgix$BAD", KEY) },
        "key" to { Signer("imgix", BAD) },
        "previous_keys" to { Signer("imgix", KEY, listOf(KEY, BAD)) },
    ),
    "sign_url" to mapOf("url" to { signer.signUrl("https://a.com/$BAD") }),
    "sign_urls" to mapOf("urls" to { signer.signUrls(listOf("https://a.com/x", "https://a.com/$BAD")) }),
    "verify_url" to mapOf("url" to { signer.verifyUrl("https://a.com/$BAD?s=00", NOW) }),
    "verify" to mapOf("target" to { signer.verify("/$BAD?s=00", NOW) }),
    "url_builder" to mapOf(
        "domain" to { UrlBuilder("demo$BAD.imgix.net") },
        "provider" to { UrlBuilder("demo.imgix.net", provider = BAD) },
        "key" to { UrlBuilder("demo.imgix.net", key = BAD) },
        "profile" to { UrlBuilder("demo.imgix.net", profile = BAD) },
    ),
    "build_url" to mapOf(
        "path" to { builder.buildUrl("/$BAD.jpg", emptyList()) },
        "params" to { builder.buildUrl("/a.jpg", mapOf("w" to 1, "txt" to BAD)) },
    ),
    "build_urls" to mapOf(
        "path" to { builder.buildUrls(listOf("/a.jpg" to null, "/$BAD" to null)) },
        "params" to { builder.buildUrls(listOf("/a.jpg" to mapOf(BAD to 1))) },
    ),
    "build_srcset" to mapOf(
        "path" to { builder.buildSrcset("/$BAD.jpg", emptyList()) },
        "params" to { builder.buildSrcset("/a.jpg", mapOf("txt" to BAD)) },
    ),
    "target_widths" to mapOf("profile" to { targetWidths(profile = BAD) }),
    "reconstruct" to mapOf(
        "original_url" to { builder.reconstruct("https://a.com/$BAD", emptyList()) },
        "params" to { builder.reconstruct("https://a.com/a.jpg", mapOf("txt" to BAD)) },
    ),
    "sign_origin_request" to mapOf(
        "key" to { signOriginRequest(BAD, "r", NOW) },
        "request_id" to { signOriginRequest(KEY, BAD, NOW) },
    ),
    "verify_origin_request" to mapOf(
        "key" to { verifyOriginRequest(BAD, headersOf("X-Imgix-Signature" to "v1,00"), NOW) },
        "headers" to { verifyOriginRequest(KEY, headersOf("X-Imgix-Signature" to BAD), NOW) },
    ),
    "verify_basic_auth" to mapOf(
        "username" to { verifyBasicAuth(BAD, "pw", basic) },
        "password" to { verifyBasicAuth("user", BAD, basic) },
        "headers" to { verifyBasicAuth("user", "pw", headersOf("Authorization" to BAD)) },
    ),
    "verify_origin_secret" to mapOf(
        "secret" to { verifyOriginSecret(BAD, headersOf("X-Imgix-Origin-Secret" to "s")) },
        "headers" to { verifyOriginSecret("s", headersOf(BAD to "s")) },
    ),
)

/** Params are the one argument Kotlin takes untyped (`Map<String, Any?>`). */
private val wrongType: Map<String, Map<String, () -> Unit>> = mapOf(
    "build_url" to mapOf("params" to { builder.buildUrl("/a.jpg", mapOf("w" to listOf(1))) }),
    "build_urls" to mapOf("params" to { builder.buildUrls(listOf("/a.jpg" to mapOf("w" to Any()))) }),
    "build_srcset" to mapOf("params" to { builder.buildSrcset("/a.jpg", mapOf("w" to 'c')) }),
    "reconstruct" to mapOf("params" to { builder.reconstruct("https://a.com/a.jpg", mapOf("w" to Any())) }),
)
