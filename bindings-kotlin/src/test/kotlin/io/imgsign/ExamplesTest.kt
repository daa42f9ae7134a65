package io.imgsign

import io.imgsign.example.images.ImageUrls
import io.imgsign.example.images.SigningKeys
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The mobile examples follow docs/mobile-keys.md: the Android example's image code (compiled
 * here against these bindings) takes its key from an injected source, and no example passes a
 * literal key or secret to imgsign.
 */
class ExamplesTest {
    private val key = "test-key-" + System.nanoTime()
    private val keys =
        object : SigningKeys {
            override fun current() = key
        }

    @Test
    fun `the Android example signs with the injected key`() {
        val images = ImageUrls(keys, "example.imgix.net")
        val sized = images.sized("https://example.imgix.net/photos/beach.jpg?fit=crop&ar=16:9", 360, 2.75f)
        assertTrue(
            sized.startsWith("https://example.imgix.net/photos/beach.jpg?ar=16%3A9&dpr=2.75&fit=max&ixlib=java-2.3.2&w=360&s="),
            sized,
        )
        Signer("imgix", key).verifyUrl(sized, 0)
        val avatar = images.avatar("42", 48, 3f)
        assertTrue(avatar.contains("dpr=3.0&fit=crop&h=48&ixlib=java-2.3.2&w=48&s="), avatar)
        Signer("imgix", key).verifyUrl(avatar, 0)
        val unsigned =
            ImageUrls(
                object : SigningKeys {
                    override fun current(): String? = null
                },
                "example.imgix.net",
            )
        assertEquals("https://example.imgix.net/avatars/1.png?dpr=1.0&fit=crop&h=8&ixlib=java-2.3.2&w=8", unsigned.avatar("1", 8, 1f))
    }

    @Test
    fun `no mobile example holds a literal key`() {
        // A string literal where a key, token or secret is given to imgsign.
        val literalKey =
            Regex("""(\bkey|keySupplier|previousKeys|secret|token)\s*[:=]\s*\[?\s*"|Signer\(\s*(provider:\s*)?[.\w"]+\s*,\s*(key:\s*)?"""")
        val sources =
            listOf("examples/android", "examples/ios").flatMap { dir ->
                File(repoRoot, dir).walkTopDown().filter { it.isFile && (it.extension == "kt" || it.extension == "swift") }.toList()
            }
        assertTrue(sources.size >= 6, "example sources: $sources")
        for (f in sources) {
            // (A Swift `case name = "json_name"` is a coding key, not a value.)
            val hits =
                f.readLines().withIndex().filter { (_, line) ->
                    literalKey.containsMatchIn(line) && !line.trimStart().startsWith("case ")
                }
            assertTrue(hits.isEmpty(), "${f.relativeTo(repoRoot)}: a literal key: ${hits.map { it.index + 1 }}")
        }
    }
}
