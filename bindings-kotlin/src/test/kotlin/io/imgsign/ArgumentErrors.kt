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

private val sourceSet by lazy { Sources(listOf(SourceSpec("a", "demo.imgix.net", key = KEY))) }

private val illFormed: Map<String, Map<String, () -> Unit>> = mapOf(
    "sources" to mapOf(
        "name" to { SourceSpec("a$BAD", "demo.imgix.net") },
        "domain" to { SourceSpec("a", "demo$BAD.imgix.net") },
        "path_prefix" to { SourceSpec("a", "demo.imgix.net", pathPrefix = "/$BAD") },
        "key" to { SourceSpec("a", "demo.imgix.net", key = BAD) },
        "previous_keys" to { SourceSpec("a", "demo.imgix.net", key = KEY, previousKeys = listOf(KEY, BAD)) },
    ),
    "source" to mapOf("name" to { sourceSet.source("a$BAD") }),
    "signer" to mapOf(
        "provider" to { Signer("imgix$BAD", KEY) },
        "key" to { Signer("imgix", BAD) },
        "previous_keys" to { Signer("imgix", KEY, listOf(KEY, BAD)) },
        "salt" to { Signer("imgix", KEY, salt = BAD) },
        "previous_salts" to { Signer("imgix", KEY, listOf(KEY), previousSalts = listOf(BAD)) },
        "options" to { Signer("imgix", KEY, options = optionsOf(BAD to 8)) },
    ),
    "sign_url" to mapOf(
        "url" to { signer.signUrl("https://a.com/$BAD") },
        "values" to { signer.signUrl("https://a.com/x", values = valuesOf("ip" to BAD)) },
    ),
    "sign_urls" to mapOf(
        "urls" to { signer.signUrls(listOf("https://a.com/x", "https://a.com/$BAD")) },
        "values" to { signer.signUrls(listOf("https://a.com/x"), values = valuesOf("ip" to BAD)) },
    ),
    "verify_url" to mapOf(
        "url" to { signer.verifyUrl("https://a.com/$BAD?s=00", NOW) },
        "values" to { signer.verifyUrl("https://a.com/x?s=00", NOW, valuesOf(BAD to "x")) },
    ),
    "verify" to mapOf(
        "target" to { signer.verify("/$BAD?s=00", NOW) },
        "values" to { signer.verify("/x?s=00", NOW, valuesOf("ip" to BAD)) },
    ),
    "sign_token" to mapOf("values" to { signer.signToken(values = valuesOf("acl" to BAD)) }),
    "verify_token" to mapOf(
        "token" to { signer.verifyToken("exp=1~hmac=$BAD", NOW) },
        "values" to { signer.verifyToken("exp=1~hmac=00", NOW, valuesOf(BAD to 1)) },
    ),
    "request_target" to mapOf(
        "path" to { builder.requestTarget("/$BAD.jpg", "s=00") },
        "query" to { builder.requestTarget("/a.jpg", "s=$BAD") },
    ),
    "url_builder" to mapOf(
        "domain" to { UrlBuilder("demo$BAD.imgix.net") },
        "provider" to { UrlBuilder("demo.imgix.net", provider = BAD) },
        "key" to { UrlBuilder("demo.imgix.net", key = BAD) },
        "profile" to { UrlBuilder("demo.imgix.net", profile = BAD) },
        "salt" to { UrlBuilder("demo.imgix.net", key = KEY, salt = BAD) },
        "options" to { UrlBuilder("demo.imgix.net", options = optionsOf("x" to BAD)) },
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

/** Params, options and values are the arguments Kotlin takes untyped (`Any?` values). */
private val wrongType: Map<String, Map<String, () -> Unit>> = mapOf(
    "signer" to mapOf("options" to { Signer("imgix", KEY, options = optionsOf("x" to listOf(1))) }),
    "url_builder" to mapOf("options" to { UrlBuilder("demo.imgix.net", options = optionsOf("x" to Any())) }),
    "sign_url" to mapOf("values" to { signer.signUrl("https://a.com/x", values = valuesOf("ip" to listOf(1))) }),
    "sign_urls" to mapOf("values" to { signer.signUrls(listOf("https://a.com/x"), values = valuesOf("ip" to listOf(1))) }),
    "verify_url" to mapOf("values" to { signer.verifyUrl("https://a.com/x?s=00", NOW, valuesOf("ip" to 'c')) }),
    "verify" to mapOf("values" to { signer.verify("/x?s=00", NOW, valuesOf("ip" to Any())) }),
    "sign_token" to mapOf("values" to { signer.signToken(values = valuesOf("acl" to listOf(1))) }),
    "verify_token" to mapOf("values" to { signer.verifyToken("exp=1~hmac=00", NOW, valuesOf("ip" to Any())) }),
    "build_url" to mapOf("params" to { builder.buildUrl("/a.jpg", mapOf("w" to listOf(1))) }),
    "build_urls" to mapOf("params" to { builder.buildUrls(listOf("/a.jpg" to mapOf("w" to Any()))) }),
    "build_srcset" to mapOf("params" to { builder.buildSrcset("/a.jpg", mapOf("w" to 'c')) }),
    "reconstruct" to mapOf("params" to { builder.reconstruct("https://a.com/a.jpg", mapOf("w" to Any())) }),
)
