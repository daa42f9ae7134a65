package io.imgsign

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Bad strings, bad values and misplaced secrets: always a coded error, never a leak. */
class SafetyTest {
    private val now = 1_700_000_000L
    private val secret = "SuperSecretK3y!"

    private fun codeOf(f: () -> Unit): String = assertThrows<ImgsignException> { f() }.code

    @Test
    fun `a string that is not well-formed UTF-16 is the coded error of its argument`() {
        val s = Signer("imgix", "FOO123bar")
        val b = UrlBuilder("demo.imgix.net", key = "FOO123bar")
        val cases = listOf<Pair<String, () -> Unit>>(
            "invalid_key" to { Signer("imgix", "k\uD800") },
            "invalid_key" to { Signer("imgix", "k\uDBFF") },
            "invalid_key" to { Signer("imgix", "FOO123bar", listOf("old\uDC00")) },
            "invalid_key" to { UrlBuilder("demo.imgix.net", key = "k\uD800") },
            "invalid_key" to { signOriginRequest("0123456789abcdef\uD800", "r", now) },
            "invalid_key" to { verifyOriginSecret("s\uD800", headersOf("X-Imgix-Origin-Secret" to "s\uDFFF")) },
            "invalid_key" to { verifyBasicAuth("user\uD800", "pw", headersOf("Authorization" to "Basic dXNlcjpwdw==")) },
            "invalid_key" to { verifyBasicAuth("user", "pw\uDFFF", headersOf("Authorization" to "Basic dXNlcjpwdw==")) },
            "invalid_param" to { Signer("imgix\uD800", "FOO123bar") },
            "invalid_param" to { UrlBuilder("demo.imgix.net", profile = "canonical\uD800") },
            "invalid_domain" to { UrlBuilder("demo.imgix.net\uD800") },
            "invalid_url" to { s.signUrl("https://a.com/\uD800") },
            "invalid_url" to { s.signUrls(listOf("https://a.com/x", "https://a.com/\uDFFF")) },
            "invalid_url" to { s.signUrlExpiring("https://a.com/\uD800", now) },
            "malformed_url" to { s.verifyUrl("https://a.com/\uD800?s=0", now) },
            "invalid_url" to { b.buildUrl("/a\uD800.jpg", emptyList()) },
            "invalid_param" to { b.buildUrl("/a.jpg", mapOf("w\uD800" to 1)) },
            "invalid_param" to { b.buildUrl("/a.jpg", mapOf("txt" to "a\uDFFFb")) },
            "invalid_param" to { signOriginRequest("0123456789abcdef", "r\uD800", now) },
            "invalid_param" to { verifyOriginSecret("s", headersOf("X-Imgix-Origin-Secret\uD800" to "s")) },
            "invalid_param" to { verifyOriginSecret("s", headersOf("X-Imgix-Origin-Secret" to "s\uD800")) },
        )
        for ((want, f) in cases) {
            val e = assertThrows<ImgsignException> { f() }
            assertEquals(want, e.code, e.detail)
        }
        // Well-formed pairs still work: the check is on well-formedness, not on surrogates.
        assertTrue(s.signUrl("https://a.com/\uD83D\uDE00").contains("%F0%9F%98%80"))
        // Two different lone surrogates never compare equal as secrets (they used to pass).
        assertEquals("invalid_key", codeOf { verifyOriginSecret("s\uD800", headersOf("X-Imgix-Origin-Secret" to "s\uDFFF")) })
    }

    @Test
    fun `paramValueOf gives the coded invalid_param, naming the type and never the value`() {
        val sneaky = object {
            override fun toString() = secret
        }
        for (v in listOf<Any>(listOf(1), sneaky, 'c', mapOf("a" to 1))) {
            val e = assertThrows<ImgsignException.InvalidParam> { paramValueOf(v) }
            assertEquals("invalid_param", e.code)
            for (text in listOf(e.detail, e.message ?: "", e.toString())) assertFalse(text.contains(secret), text)
        }
        val viaMap = assertThrows<ImgsignException> { UrlBuilder("demo.imgix.net").buildUrl("/a.jpg", mapOf("w" to sneaky)) }
        assertEquals("invalid_param", viaMap.code)
        assertFalse(viaMap.detail.contains(secret), viaMap.detail)
    }

    @Test
    fun `a header prints its name but never its value`() {
        val basic = "Basic " + java.util.Base64.getEncoder().encodeToString("user:$secret".toByteArray())
        val headers = listOf(Header("X-Imgix-Origin-Secret", secret), Header("Authorization", basic))
        for (text in listOf(headers.toString(), headers[0].toString(), headers[1].toString())) {
            assertFalse(text.contains(secret), text)
            assertFalse(text.contains(basic.removePrefix("Basic ")), text)
        }
        assertTrue(headers[0].toString().contains("X-Imgix-Origin-Secret"), headers[0].toString())
        // A secret given where the name goes is not printed either.
        assertFalse(Header(secret, "X-Imgix-Origin-Secret").toString().contains(secret))
        // Records still compare by value.
        assertEquals(Header("a", "b"), Header("a", "b"))
    }

    @Test
    fun `a secret in the wrong position never appears in a message or toString`() {
        val failures = listOf<() -> Unit>(
            { Signer(secret, "imgix") },
            { UrlBuilder("demo.imgix.net", provider = secret) },
            { UrlBuilder("demo.imgix.net", profile = secret) },
            { UrlBuilder(secret) },
            { Signer("imgix", "FOO123bar").signUrl(secret) },
            { Signer("imgix", "FOO123bar").verifyUrl(secret, now) },
            { verifyOriginSecret("s3cret", headersOf(secret to "s3cret")) },
            { verifyOriginRequest("0123456789abcdef", headersOf("X-Imgix-Signature" to secret), now = now) },
        )
        for (f in failures) {
            val e = assertThrows<ImgsignException> { f() }
            for (text in listOf(e.detail, e.message ?: "", e.toString(), e.stackTraceToString())) {
                assertFalse(text.contains(secret), "secret leaked in: $text")
            }
        }
    }

    @Test
    fun `an error prints its code and detail`() {
        val e = assertThrows<ImgsignException.InvalidKey> { Signer("imgix", "") }
        assertEquals("invalid_key", e.code)
        assertTrue(e.toString().startsWith("invalid_key: "), e.toString())
        assertTrue(e.toString().endsWith(e.detail), e.toString())
    }
}
