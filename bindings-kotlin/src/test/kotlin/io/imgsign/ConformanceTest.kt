package io.imgsign

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.fail
import java.io.File

/** The repository root (set by Surefire; falls back to the Maven project's parent). */
internal val repoRoot: File = File(System.getProperty("imgsign.root") ?: "..").canonicalFile

internal object Vectors {
    val doc: JsonNode by lazy { ObjectMapper().readTree(File(repoRoot, "conformance/vectors.json")) }
    val all: List<JsonNode> by lazy { doc["vectors"].toList() }
}

internal fun JsonNode.str(field: String): String = this[field].asText()
internal fun JsonNode.optStr(field: String): String? = this[field].let { if (it == null || it.isNull) null else it.asText() }
internal fun JsonNode.long(field: String): Long = this[field].also { check(it.isIntegralNumber) { "$field is not an integer" } }.asLong()
internal fun JsonNode.optLong(field: String): Long? = this[field].let { if (it == null || it.isNull) null else it.asLong() }

/** null in a vector is "not given": the core's default applies. */
internal fun JsonNode.optBool(field: String): Boolean? = this[field].let { if (it == null || it.isNull) null else it.asBoolean() }
internal fun JsonNode.optDouble(field: String): Double? = this[field].let { if (it == null || it.isNull) null else it.asDouble() }
internal fun JsonNode.optU32(field: String): Long? = this[field].let { if (it == null || it.isNull) null else u32(it) }

/** A JSON value as the core's param value: a number with `.`/exponent is a float. */
internal fun paramValue(n: JsonNode): ParamValue = when {
    n.isNull -> ParamValue.Null
    n.isTextual -> ParamValue.Str(n.asText())
    n.isBoolean -> ParamValue.Bool(n.asBoolean())
    n.isIntegralNumber -> ParamValue.Int(n.asLong())
    n.isFloatingPointNumber -> ParamValue.Float(n.asDouble())
    else -> error("unsupported param value $n")
}

/** A JSON integer as a Long (never a float silently truncated). */
internal fun u32(n: JsonNode): Long {
    check(n.isIntegralNumber && n.canConvertToLong()) { "$n is not an integer" }
    return n.asLong()
}

internal fun params(n: JsonNode): List<Param> = n.map { Param(it[0].asText(), paramValue(it[1])) }

/** A JSON object of named values (`options`, `values`). */
internal fun named(n: JsonNode): Map<String, ParamValue> = n.fields().asSequence().associate { (k, v) -> k to paramValue(v) }

internal fun strings(n: JsonNode): List<String> = n.map { it.asText() }

/** A vector's signer (`sign_*` vectors have no previous keys). */
internal fun signer(i: JsonNode) = Signer(
    i.str("provider"),
    i.str("key"),
    i["previous_keys"]?.let { strings(it) } ?: emptyList(),
    i.optStr("salt"),
    i["previous_salts"]?.let { strings(it) } ?: emptyList(),
    named(i["options"]),
)
internal fun headers(n: JsonNode): List<Header> = n.map { Header(it[0].asText(), it[1].asText()) }

internal fun builder(i: JsonNode) = UrlBuilder(
    domain = i.str("domain"),
    provider = i.optStr("provider"),
    key = i.optStr("key"),
    profile = i.optStr("profile"),
    useHttps = i.optBool("use_https"),
    includeLibraryParam = i.optBool("include_library_param"),
    disablePathEncoding = i.optBool("disable_path_encoding"),
    salt = i.optStr("salt"),
    options = named(i["options"]),
)

internal fun srcsetOptions(i: JsonNode) = SrcsetOptions(
    widths = i["widths"].takeUnless { it.isNull }?.map { it.asDouble() },
    minWidth = i.optDouble("min_width"),
    maxWidth = i.optDouble("max_width"),
    tolerance = i.optDouble("tolerance"),
    devicePixelRatios = i["device_pixel_ratios"].takeUnless { it.isNull }?.map { it.asDouble() },
    variableQualities = i["variable_qualities"].takeUnless { it.isNull }
        ?.map { VariableQuality(it[0].asDouble(), u32(it[1])) },
    disableVariableQuality = i.optBool("disable_variable_quality"),
    disablePathEncoding = i.optBool("call_disable_path_encoding"),
)

/** Runs one vector; returns the result as a JSON-comparable value (null for "valid"). */
internal fun run(v: JsonNode): Any? {
    val i = v["input"]
    return when (val kind = v.str("kind")) {
        "sign_url" -> {
            val s = signer(i)
            val expires = i.optLong("expires")
            val values = named(i["values"])
            when {
                values.isNotEmpty() -> s.signUrl(i.str("url"), expires = expires, values = values)
                expires == null -> s.signUrl(i.str("url"))
                else -> s.signUrlExpiring(i.str("url"), expires)
            }
        }
        // Without per-call values, the overloads of the fast path (FastPath.kt).
        "verify_url" -> {
            val values = named(i["values"])
            if (values.isEmpty()) {
                signer(
                    i,
                ).verifyUrl(i.str("url"), i.long("now"))
            } else {
                signer(i).verifyUrl(i.str("url"), i.long("now"), values)
            }
            null
        }
        "verify" -> {
            val values = named(i["values"])
            if (values.isEmpty()) {
                signer(
                    i,
                ).verify(i.str("target"), i.long("now"))
            } else {
                signer(i).verify(i.str("target"), i.long("now"), values)
            }
            null
        }
        "sign_token" -> signer(i).signToken(expires = i.optLong("expires"), values = named(i["values"]))
        "verify_tampered" -> {
            val s = signer(i)
            val url = i.str("url")
            val values = named(i["values"])
            val verify = { u: String -> if (values.isEmpty()) s.verifyUrl(u, i.long("now")) else s.verifyUrl(u, i.long("now"), values) }
            verify(url)
            val codes = i["codes"].map { it.asText() }
            for (range in i["ranges"]) {
                for (at in range[0].asInt() until range[1].asInt()) {
                    // The byte changed: `a` becomes `b`, anything else `a` (the URLs are ASCII).
                    val changed = url.substring(0, at) + (if (url[at] == 'a') 'b' else 'a') + url.substring(at + 1)
                    val failed = try {
                        verify(changed)
                        false
                    } catch (e: ImgsignException) {
                        check(e.code in codes) { "byte $at changed: ${e.code}, expected one of $codes" }
                        true
                    }
                    check(failed) { "byte $at changed, the URL still verifies: $changed" }
                }
            }
            null
        }
        "verify_token" -> {
            signer(i).verifyToken(i.str("token"), i.long("now"), named(i["values"]))
            null
        }
        "build_url" -> {
            val disable = i.optBool("call_disable_path_encoding")
            if (disable ==
                null
            ) {
                builder(i).buildUrl(i.str("path"), params(i["params"]))
            } else {
                builder(i).buildUrl(i.str("path"), params(i["params"]), disable)
            }
        }
        "reconstruct" -> builder(i).reconstruct(i.str("original_url"), params(i["params"]))
        "build_srcset" -> builder(i).buildSrcset(i.str("path"), params(i["params"]), srcsetOptions(i))
        "request_target" -> builder(i).requestTarget(i.str("path"), i.str("query"))
        "target_widths" ->
            targetWidths(i.optDouble("min_width"), i.optDouble("max_width"), i.optDouble("tolerance"), i.optStr("profile"))
        "sign_origin_request" -> signOriginRequest(i.str("key"), i.str("request_id"), i.long("timestamp"))
        "verify_origin_request" -> {
            verifyOriginRequest(i.str("key"), headers(i["headers"]), i.long("now"), i.optLong("tolerance"))
            null
        }
        "verify_basic_auth" -> {
            verifyBasicAuth(i.str("username"), i.str("password"), headers(i["headers"]))
            null
        }
        "verify_origin_secret" -> {
            verifyOriginSecret(i.str("secret"), headers(i["headers"]))
            null
        }
        "sources" -> runSources(i)
        "argument_error" -> runArgumentError(i.str("operation"), i.str("argument"), i.str("problem"))
        "profile_defaults" -> {
            val found = profileDefaults().filter { it.profile == i.str("profile") }
            assertEquals(1, found.size, "profileDefaults entries for ${i.str("profile")}")
            val d = found[0]
            mapOf(
                "profile" to d.profile,
                "min_width" to d.minWidth,
                "max_width" to d.maxWidth,
                "tolerance" to d.tolerance,
                "library_param" to d.libraryParam,
                "library_version" to d.libraryVersion,
                "include_library_param" to d.includeLibraryParam,
            )
        }
        else -> fail("unknown vector kind '$kind' (${v.str("id")}): the Kotlin runner must know every kind")
    }
}

internal fun expectedValue(n: JsonNode): Any? = when {
    n.isNull -> null
    n.isTextual -> n.asText()
    n.isArray -> n.map { if (it.isTextual) it.asText() else it.asLong() }
    n.isObject -> n.fields().asSequence().associate { (k, v) -> k to scalar(v) }
    else -> fail("unexpected expected value $n")
}

/** A field of an expected object: a JSON integer is a Long, any other number a Double. */
internal fun scalar(n: JsonNode): Any? = when {
    n.isNull -> null
    n.isTextual -> n.asText()
    n.isBoolean -> n.asBoolean()
    n.isIntegralNumber -> n.asLong()
    n.isFloatingPointNumber -> n.asDouble()
    else -> fail("unexpected field value $n")
}

class ConformanceTest {
    @TestFactory
    fun vectors(): List<DynamicTest> {
        assertEquals(1, Vectors.doc["schema_version"].asInt(), "schema_version")
        assertTrue(Vectors.all.size > 0, "no vectors")
        return Vectors.all.map { v ->
            DynamicTest.dynamicTest("${v.str("kind")}: ${v.str("id")}") {
                val id = v.str("id")
                val hasExpected = v.has("expected")
                val hasError = v.has("error")
                assertTrue(hasExpected != hasError, "$id: exactly one of expected/error")
                if (hasError) {
                    val want = v.str("error")
                    try {
                        val got = run(v)
                        fail("$id: expected error $want, got result $got")
                    } catch (e: ImgsignException) {
                        assertEquals(want, e.code, "$id: error code (message: ${e.detail})")
                    }
                } else {
                    val got = try {
                        run(v)
                    } catch (e: ImgsignException) {
                        fail("$id: unexpected error ${e.code}: ${e.detail}")
                    }
                    assertEquals(expectedValue(v["expected"]), got, id)
                }
            }
        }
    }

    @Test
    fun `every kind of the README is covered by the vectors`() {
        val kinds = Vectors.all.map { it.str("kind") }.toSet()
        for (k in listOf(
            "sign_url", "verify_url", "verify", "sign_token", "verify_token", "verify_tampered", "build_url",
            "build_srcset",
            "target_widths", "reconstruct",
            "sign_origin_request", "verify_origin_request", "verify_basic_auth", "verify_origin_secret",
            "argument_error", "request_target", "profile_defaults",
        )) {
            assertTrue(k in kinds, "no vector of kind $k")
        }
    }

    @Test
    fun `an unknown kind fails`() {
        val v = ObjectMapper().readTree("""{"id":"x","kind":"no_such_kind","input":{},"expected":null}""")
        var failed = false
        try {
            run(v)
        } catch (e: org.opentest4j.AssertionFailedError) {
            failed = true
        }
        assertTrue(failed, "an unknown kind must fail")
    }
}
