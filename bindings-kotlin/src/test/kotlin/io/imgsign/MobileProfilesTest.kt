package io.imgsign

import com.fasterxml.jackson.databind.JsonNode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.fail

/**
 * The profiles of the two official mobile libraries, which Android and iOS apps migrating to
 * imgsign select: every conformance vector of `imgix-java` and `imgix-swift`, among them the
 * URL expectations of imgix-java 2.3.2's and imgix-swift 1.1.3's own test suites (vector ids
 * `imgix-java-test-*`, `imgix-swift-test-*`) and the outputs recorded from the real imgix-java
 * classes (`imgix-java-case-*`).
 */
class MobileProfilesTest {
    private val mobile: List<JsonNode> by lazy {
        Vectors.all.filter { it["input"]?.get("profile")?.asText() in setOf("imgix-java", "imgix-swift") }
    }

    @TestFactory
    fun `every vector of imgix-java and imgix-swift`(): List<DynamicTest> = mobile.map { v ->
        DynamicTest.dynamicTest("${v["input"]["profile"].asText()}: ${v.str("id")}") { check(v) }
    }

    @Test
    fun `the libraries' own test expectations are all there`() {
        val ids = mobile.map { it.str("id") }
        assertEquals(60, ids.count { it.startsWith("imgix-java-test-") }, "imgix-java 2.3.2 test expectations")
        assertEquals(37, ids.count { it.startsWith("imgix-swift-test-") }, "imgix-swift 1.1.3 test expectations")
        assertTrue(ids.count { it.startsWith("imgix-java-case-java-random-") } >= 100, "recorded imgix-java outputs")
        assertTrue(mobile.any { it.str("kind") == "reconstruct" }, "reconstruct vectors")
    }

    @Test
    fun `a builder's key can come from a supplier`() {
        var asked = 0
        val fromSupplier =
            UrlBuilder("demo.imgix.net", key = {
                asked++
                "FOO123bar"
            }, profile = "imgix-java")
        val fromString = UrlBuilder("demo.imgix.net", key = "FOO123bar", profile = "imgix-java")
        assertEquals(fromString.buildUrl("/a.jpg", mapOf("w" to 400)), fromSupplier.buildUrl("/a.jpg", mapOf("w" to 400)))
        assertEquals(1, asked, "the supplier is called once, when the builder is made")
        val unsigned = UrlBuilder("demo.imgix.net", key = { null }, profile = "imgix-java")
        assertEquals("https://demo.imgix.net/a.jpg?ixlib=java-2.3.2&w=1", unsigned.buildUrl("/a.jpg", mapOf("w" to 1)))
        val signer = Signer("imgix", key = { "new-key" }, previousKeys = { listOf("old-key") })
        signer.verifyUrl(Signer("imgix", "old-key").signUrl("https://demo.imgix.net/a.jpg"), 0)
    }

    @Test
    fun `reconstruct sizes an API's image for this device`() {
        val b = UrlBuilder("demo.imgix.net", key = null, profile = "imgix-swift", includeLibraryParam = false)
        assertEquals(
            "https://paulstraw.imgix.net/pika.jpg?dpr=3&fit=crop&h=200&w=390",
            b.reconstruct("https://paulstraw.imgix.net/pika.jpg?w=200&h=200&fit=crop", mapOf("w" to 390, "dpr" to 3)),
        )
    }

    private fun check(v: JsonNode) {
        val id = v.str("id")
        if (v.has("error")) {
            try {
                val got = run(v)
                fail("$id: expected error ${v.str("error")}, got result $got")
            } catch (e: ImgsignException) {
                assertEquals(v.str("error"), e.code, "$id: error code (message: ${e.detail})")
            }
        } else {
            val got =
                try {
                    run(v)
                } catch (e: ImgsignException) {
                    fail("$id: unexpected error ${e.code}: ${e.detail}")
                }
            assertEquals(expectedValue(v["expected"]), got, id)
        }
    }
}
