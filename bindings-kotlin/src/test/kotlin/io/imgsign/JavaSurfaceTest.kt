package io.imgsign

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Modifier

/** What a Java caller sees: checked exceptions declared, no call that needs a null. */
class JavaSurfaceTest {
    /** Public members that cannot fail (accessors, builder setters, list lookups). */
    private val cannotFail = setOf(
        "version", "providerNames", "profileDefaults", "headersOf", "urlBuilder", "srcsetOptions", "argumentErrorCode", "builder",
        "toString", "provider", "key", "profile", "useHttps", "includeLibraryParam", "disablePathEncoding",
        "widths", "minWidth", "maxWidth", "tolerance", "devicePixelRatios", "variableQualities",
        "disableVariableQuality", "domain", "isSigned", "previousKeyCount", "equals", "hashCode",
        "salt", "options", "previousKeys", "previousSalts", "names", "pathPrefix", "name",
    )

    private fun declaresImgsignException(types: Array<Class<*>>) = types.any { it == ImgsignException::class.java }

    @Test
    fun `every public constructor and method that can fail declares ImgsignException`() {
        val objects = listOf(Signer::class.java, UrlBuilder::class.java, Sources::class.java, SourceSpec::class.java)
        val builders = listOf(Signer.Builder::class.java, UrlBuilder.Builder::class.java, SourceSpec.Builder::class.java)
        val classes = objects + builders + Imgsign::class.java
        val missing = mutableListOf<String>()
        for (c in classes) {
            // Only the objects' constructors call the core (a Builder's collects options).
            for (ctor in c.constructors.filter { c in objects }) {
                // Kotlin's accessor of a private constructor takes its DefaultConstructorMarker.
                val accessor = ctor.isSynthetic || ctor.parameterTypes.any { it.name.endsWith("DefaultConstructorMarker") }
                if (!accessor &&
                    ctor.parameterTypes.isNotEmpty() &&
                    !declaresImgsignException(ctor.exceptionTypes)
                ) {
                    missing += "new ${c.simpleName}$ctor"
                }
            }
            for (m in c.declaredMethods) {
                // Kotlin `internal` members are public in bytecode, with a mangled name.
                if (!Modifier.isPublic(m.modifiers) || m.isSynthetic || m.name in cannotFail || '$' in m.name) continue
                if (!declaresImgsignException(m.exceptionTypes)) missing += "${c.simpleName}.${m.name}"
            }
        }
        // The generated methods that can fail (inherited by Signer and UrlBuilder).
        for (c in listOf(FfiSigner::class.java, FfiUrlBuilder::class.java, FfiSources::class.java)) {
            for (m in c.declaredMethods) {
                val fails = m.name.startsWith("sign") || m.name.startsWith("verify") || m.name.startsWith("build")
                if (Modifier.isPublic(m.modifiers) && fails &&
                    !declaresImgsignException(m.exceptionTypes)
                ) {
                    missing += "${c.simpleName}.${m.name}"
                }
            }
        }
        assertEquals(emptyList<String>(), missing)
    }

    @Test
    fun `the Java facade is static`() {
        val methods = Imgsign::class.java.declaredMethods.filter { Modifier.isPublic(it.modifiers) }
        assertTrue(methods.size > 10)
        assertTrue(methods.all { Modifier.isStatic(it.modifiers) }, methods.filterNot { Modifier.isStatic(it.modifiers) }.toString())
    }

    @Test
    fun `the Java consumer passes no null and catches no bare Exception`() {
        val source = File(repoRoot, "bindings-kotlin/src/test/java/io/imgsign/JavaConsumerTest.java").readText()
        val code = source.lines().filterNot { it.trimStart().startsWith("*") || it.trimStart().startsWith("//") }.joinToString("\n")
        assertFalse(Regex("""\bnull\b""").containsMatchIn(code), "a null in JavaConsumerTest.java")
        assertFalse(Regex("""catch\s*\(\s*(Exception|Throwable|RuntimeException)\b""").containsMatchIn(code), "a bare catch")
        assertTrue(code.contains("catch (ImgsignException e)") && code.contains("catch (ImgsignException.SignatureMismatch e)"))
    }
}
