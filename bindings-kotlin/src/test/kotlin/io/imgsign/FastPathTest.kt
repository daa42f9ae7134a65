package io.imgsign

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The byte-array fast path (FastPath.kt) is in use, and its overloads answer and fail exactly
 * as the UniFFI methods do (the conformance vectors also run through them).
 */
class FastPathTest {
    private val now = 1_700_000_000L
    private val s = Signer("imgix", "FOO123bar")
    private val b = UrlBuilder("demo.imgix.net", key = "FOO123bar")

    @Test
    fun `the library has the fast path`() {
        assertTrue(FastPath.available)
        // The JVM's reachability fence keeps an object alive during its call, not a monitor.
        assertTrue(Fence.available)
    }

    @Test
    fun `the fast overloads answer as the UniFFI methods do`() {
        for (url in listOf(
            "https://demo.imgix.net/a.png",
            "https://demo.imgix.net/ü/ß.png?w=1&s=old",
            "https://demo.imgix.net/" + "x".repeat(5000),
        )) {
            assertEquals(s.signUrl(url, null, null, null, emptyMap()), s.signUrl(url))
        }
        val params = paramsOf("w" to 400, "fit" to "crop", "q" to 0.75, "lossless" to true, "h" to null, "txt" to "ü " + "y".repeat(3000))
        assertEquals(b.buildUrl("/a b.png", params, null), b.buildUrl("/a b.png", params))
        assertEquals(b.buildUrl("/a.png", emptyList(), null), b.buildUrl("/a.png"))
        // Longer than the first output array (each space is written %20): the kept result.
        val spaces = paramsOf("txt" to " ".repeat(2000))
        assertEquals(b.buildUrl("/a b.png", spaces, null), b.buildUrl("/a b.png", spaces))
        val signed = s.signUrl("https://demo.imgix.net/a.png?w=1")
        s.verifyUrl(signed)
        s.verifyUrl(signed, now)
        s.verify("/a.png?w=1&" + signed.substringAfter("&"), now)
    }

    @Test
    fun `a failure on the fast path is the same coded exception`() {
        val signed = s.signUrl("https://demo.imgix.net/a.png?w=1")
        val tampered = signed.replace("w=1", "w=2")
        val slow = assertThrows<ImgsignException> { s.verifyUrl(tampered, now, emptyMap()) }
        val fast = assertThrows<ImgsignException> { s.verifyUrl(tampered, now) }
        assertEquals(slow::class, fast::class)
        assertEquals(slow.code, fast.code)
        assertEquals(slow.message, fast.message)
        assertFromFastPath(fast)
        val target = "/a.png?w=2&" + tampered.substringAfter("&")
        val slowTarget = assertThrows<ImgsignException> { s.verify(target, now, emptyMap()) }
        val fastTarget = assertThrows<ImgsignException> { s.verify(target, now) }
        assertEquals(slowTarget::class to slowTarget.message, fastTarget::class to fastTarget.message)
        assertFromFastPath(fastTarget)
        val url = "https://a.com/\uD800"
        val badUrl = assertThrows<ImgsignException> { s.signUrl(url) }
        val slowUrl = assertThrows<ImgsignException> { s.signUrl(url, null, null, null, emptyMap()) }
        assertEquals(slowUrl::class to slowUrl.message, badUrl::class to badUrl.message)
        assertFromFastPath(badUrl)
        val params = paramsOf("txt" to "a\uDFFFb")
        val badParam = assertThrows<ImgsignException> { b.buildUrl("/a.jpg", params) }
        val slowParam = assertThrows<ImgsignException> { b.buildUrl("/a.jpg", params, null) }
        assertEquals(slowParam::class to slowParam.message, badParam::class to badParam.message)
        assertFromFastPath(badParam)
    }

    /** [e] was raised on the fast path, not by repeating the call through UniFFI. */
    private fun assertFromFastPath(e: ImgsignException) {
        val frames = e.stackTrace.map { it.className }
        assertTrue(frames.any { it.startsWith("io.imgsign.FastPath") }, frames.take(16).toString())
        assertTrue(frames.none { it.endsWith("\$ErrorHandler") }, frames.take(16).toString())
    }

    @Test
    fun `a closed object still refuses the fast overloads`() {
        val closed = Signer("imgix", "FOO123bar")
        closed.close()
        assertThrows<IllegalStateException> { closed.signUrl("https://demo.imgix.net/a.png") }
        val closedBuilder = UrlBuilder("demo.imgix.net", key = "FOO123bar")
        closedBuilder.close()
        assertThrows<IllegalStateException> { closedBuilder.buildUrl("/a.png") }
    }
}
