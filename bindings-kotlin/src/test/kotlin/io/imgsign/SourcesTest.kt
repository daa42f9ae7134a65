package io.imgsign

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

/** The shared fixture of conformance/sources/ (the lines the CLI, Python and Node tests print too). */
class SourcesTest {
    private val dir = File(repoRoot, "conformance/sources")
    private val cases: JsonNode = ObjectMapper().readTree(File(dir, "cases.json"))
    private val now = cases.long("now")

    /** The sources file as an application reads it: each `*_env` from the environment. */
    private fun fixtureSources(): Sources {
        val env = cases["environment"]
        val doc = ObjectMapper().readTree(File(dir, cases.str("sources_file")))
        val specs = doc["sources"].fields().asSequence().map { (name, f) ->
            SourceSpec(
                name,
                f.str("domain"),
                pathPrefix = f.optStr("path_prefix"),
                provider = f.optStr("provider"),
                key = f.optStr("key_env")?.let { env.str(it) },
                previousKeys = f["previous_keys_env"]?.map { env.str(it.asText()) } ?: emptyList(),
                profile = f.optStr("profile"),
            )
        }
        return Sources(specs.toList())
    }

    private fun line(call: () -> String?): String = try {
        call() ?: "valid"
    } catch (e: ImgsignException) {
        "error ${e.code}"
    }

    private fun expected(kind: String) = cases[kind].map { it.str("expected") }

    @Test
    fun `the shared fixture`() {
        val s = fixtureSources()
        assertEquals(expected("sign"), cases["sign"].map { c -> line { s.signUrl(c.str("url")) } })
        assertEquals(
            expected("verify"),
            cases["verify"].map { c ->
                line {
                    s.verifyUrl(c.str("url"), now)
                    null
                }
            },
        )
        assertEquals(
            expected("build"),
            cases["build"].map { c -> line { s.source(c.str("source")).buildUrl(c.str("path"), params(c["params"])) } },
        )
        val first = cases["sign"].take(5)
        assertEquals(first.map { it.str("expected") }, s.signUrls(first.map { it.str("url") }))
    }

    @Test
    fun `source builders, verify by host, and errors`() {
        val s = fixtureSources()
        assertEquals(listOf("shop", "archive", "boss", "books"), s.names())
        val archive: UrlBuilder = s.source("archive")
        assertEquals("/archive", archive.pathPrefix())
        assertNull(UrlBuilder("demo.imgix.net").pathPrefix())
        val url = archive.buildUrl("/archive/a.jpg", mapOf("w" to 1))
        s.verify(url.removePrefix("https://demo.imgix.net"), "Demo.imgix.net:443", now)
        assertThrows<ImgsignException.InvalidUrl> { archive.buildUrl("/a.jpg") }
        assertEquals("unknown_source", assertThrows<ImgsignException.UnknownSource> { s.source("nope") }.code)
        assertThrows<ImgsignException.InvalidParam> { Sources(emptyList()) }
        val secret = "SuperSecretK3y!"
        val spec = SourceSpec("a", "a.example.com", key = secret)
        val set = Sources(listOf(spec))
        for (shown in listOf(spec.toString(), set.toString(), set.source("a").toString())) {
            assertFalse(shown.contains(secret), shown)
        }
        val e = assertThrows<ImgsignException.InvalidKey> { Sources(listOf(SourceSpec("a", "a.example.com", key = "$secret\n"))) }
        assertFalse(e.toString().contains(secret))
        assertTrue(e.detail.startsWith("sources[a]: key:"), e.detail)
    }
}
