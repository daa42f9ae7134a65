package io.imgsign

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.util.concurrent.TimeUnit

class ApiTest {
    private val pixtaUrl = "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
    private val now = 1_700_000_000L

    @Test
    fun `pixta seed example`() {
        val s = Signer("pixta", "wakanda123@")
        assertEquals("$pixtaUrl&s=7d0d58f62c945d0ca08269205228bbe7", s.signUrl(pixtaUrl))
        assertEquals("pixta", s.provider())
    }

    @Test
    fun `token schemes sign in batches with one expiry and values, and fail with their own codes`() {
        val s = Signer("bunny", "zone-key")
        val urls = listOf("https://z.b-cdn.net/a.jpg", "https://z.b-cdn.net/b.jpg?w=1")
        val ip = valuesOf("ip" to "203.0.113.7")
        val many = s.signUrls(urls, expires = 1700003600L, values = ip)
        assertEquals(urls.map { s.signUrl(it, expires = 1700003600L, values = ip) }, many)
        s.verifyUrl(many[0], 1700000000L, ip)
        assertThrows<ImgsignException.IpMismatch> { s.verifyUrl(many[0], 1700000000L) }
        val a = Signer("akamai", "0a1b2c3d")
        val token = a.signToken(expires = 1700003600L, values = valuesOf("acl" to "/v/*", "start" to 1700000000L))
        a.verifyToken(token, 1700000000L, valuesOf("url" to "/v/a.m3u8"))
        assertEquals(
            "acl_mismatch",
            assertThrows<ImgsignException> { a.verifyToken(token, 1700000000L, valuesOf("url" to "/w/a")) }.code,
        )
        assertThrows<ImgsignException.NotYetValid> { a.verifyToken(token, 1699999999L, valuesOf("url" to "/v/a")) }
    }

    @Test
    fun `sign then verify round trip for every provider`() {
        for (p in listOf("imgix", "gumlet", "pixta", "imageboss")) {
            val s = Signer(p, "0123456789abcdef")
            val url = s.signUrl("https://example.com/a/b.jpg?w=100&h=50")
            s.verifyUrl(url, now)
            val expiring = s.signUrlExpiringIn("https://example.com/x.png", 60, now)
            s.verifyUrl(expiring, now + 59)
            val e = assertThrows<ImgsignException.Expired> { s.verifyUrl(expiring, now + 61) }
            assertEquals("expired", e.code)
            assertEquals(s.signUrlExpiring("https://example.com/x.png", now + 60), expiring)
        }
    }

    @Test
    fun `a tampered URL fails with signature_mismatch, an unsigned one with missing_signature`() {
        val s = Signer("imgix", "FOO123bar")
        val url = s.signUrl("https://demo.imgix.net/a.jpg?w=400")
        val e = assertThrows<ImgsignException> { s.verifyUrl(url.replace("w=400", "w=401"), now) }
        assertEquals("signature_mismatch", e.code)
        assertTrue(e is ImgsignException.SignatureMismatch)
        val m = assertThrows<ImgsignException> { s.verifyUrl("https://demo.imgix.net/a.jpg?w=400", now) }
        assertEquals("missing_signature", m.code)
        val other = Signer("imgix", "OTHERkey1")
        assertEquals("signature_mismatch", assertThrows<ImgsignException> { other.verifyUrl(url, now) }.code)
    }

    @Test
    fun `previous keys verify old URLs`() {
        val old = Signer("imgix", "OLDkey123").signUrl("https://demo.imgix.net/a.jpg")
        Signer("imgix", "NEWkey456", listOf("OLDkey123")).verifyUrl(old, now)
        assertThrows<ImgsignException.SignatureMismatch> { Signer("imgix", "NEWkey456").verifyUrl(old, now) }
    }

    @Test
    fun `batch calls equal single calls`() {
        val s = Signer("imgix", "FOO123bar")
        val urls = (0 until 50).map { "https://demo.imgix.net/img/$it.jpg?w=${100 + it}" }
        assertEquals(urls.map { s.signUrl(it) }, s.signUrls(urls))
        val b = UrlBuilder("demo.imgix.net", key = "FOO123bar")
        val items = (0 until 50).map { "/p/$it.png" to mapOf<String, Any?>("w" to it, "fit" to "crop") }
        assertEquals(items.map { (p, m) -> b.buildUrl(p, m) }, b.buildUrls(items))
        val e = assertThrows<ImgsignException> { s.signUrls(listOf(urls[0], "not a url")) }
        assertEquals("invalid_url", e.code)
        assertTrue(e.detail.contains("[1]"), e.detail)
    }

    @Test
    fun `map params convert every Kotlin type and keep the core's encoding`() {
        val b = UrlBuilder("demo.imgix.net")
        val viaMap = b.buildUrl(
            "/a.jpg",
            mapOf(
                "w" to 400,
                "q" to 75L,
                "dpr" to 1.5,
                "f" to 2.5f,
                "flip" to true,
                "x" to null,
                "txt" to "a b",
            ),
        )
        val viaRecords = b.buildUrl(
            "/a.jpg",
            listOf(
                Param("w", ParamValue.Int(400)),
                Param("q", ParamValue.Int(75)),
                Param("dpr", ParamValue.Float(1.5)),
                Param("f", ParamValue.Float(2.5)),
                Param("flip", ParamValue.Bool(true)),
                Param("x", ParamValue.Null),
                Param("txt", ParamValue.Str("a b")),
            ),
        )
        assertEquals(viaRecords, viaMap)
        assertFalse(viaMap.contains("x="), viaMap)
        assertEquals(ParamValue.Float(0.1), paramValueOf(0.1f))
        assertEquals("invalid_param", assertThrows<ImgsignException.InvalidParam> { paramValueOf(listOf(1)) }.code)
        assertFalse(b.isSigned())
        assertEquals("canonical", b.profile())
    }

    @Test
    fun `srcset and target widths`() {
        val b = UrlBuilder("demo.imgix.net", key = "FOO123bar")
        val fluid = b.buildSrcset("/a.jpg", emptyList())
        assertEquals(targetWidths().size, fluid.split(",\n").size)
        assertTrue(fluid.lines().all { Regex("""^https://demo\.imgix\.net/a\.jpg\?w=\d+&s=[0-9a-f]{32} \d+w,?$""").matches(it) }, fluid)
        val fixed = b.buildSrcset("/a.jpg", mapOf("w" to 300))
        assertEquals(5, fixed.split(",\n").size)
        assertTrue(fixed.contains(" 2x"))
        assertEquals(listOf(100L, 200L), targetWidths(100.0, 200.0, 2.0).take(2))
        assertEquals("invalid_srcset", assertThrows<ImgsignException> { targetWidths(-5.0, 10.0, 0.08) }.code)
        assertEquals(listOf(103L, 154L, 200L), targetWidths(103.0, 200.0, 0.25, "imgix-python"))
    }

    @Test
    fun `profile defaults are what an argument not given means`() {
        for (d in profileDefaults()) {
            assertTrue(d.libraryParam.endsWith("-${d.libraryVersion}"), d.profile)
            val min = d.minWidth
            val max = d.maxWidth
            val tol = d.tolerance
            if (min == null || max == null || tol == null) {
                assertEquals(null, min ?: max ?: tol, d.profile)
                assertEquals("invalid_param", assertThrows<ImgsignException> { targetWidths(profile = d.profile) }.code)
                continue
            }
            assertEquals(targetWidths(min.toDouble(), max.toDouble(), tol, d.profile), targetWidths(profile = d.profile))
            val url = UrlBuilder("demo.imgix.net", profile = d.profile).buildUrl("/a.jpg", emptyList())
            assertEquals(d.includeLibraryParam, url.contains("ixlib=${d.libraryParam}"), url)
        }
        assertEquals(Imgsign.profileDefaults().map { it.profile }, profileDefaults().map { it.profile })
    }

    @Test
    fun `origin request helpers`() {
        val key = "0123456789abcdef"
        val sig = signOriginRequest(key, "req-1", now)
        assertTrue(sig.startsWith("v1,"))
        val hs = mapOf(
            "X-Imgix-Signature" to sig,
            "X-Imgix-Signature-Request-Id" to "req-1",
            "X-Imgix-Signature-Timestamp" to now.toString(),
        )
        verifyOriginRequest(key, hs, now = now + 10)
        assertEquals("expired", assertThrows<ImgsignException> { verifyOriginRequest(key, hs, now = now + 10_000) }.code)
        assertEquals(
            "signature_mismatch",
            assertThrows<ImgsignException> { verifyOriginRequest(key, hs + ("X-Imgix-Signature-Request-Id" to "req-2"), now = now) }.code,
        )
        verifyOriginSecret("s3cret", headersOf("X-Imgix-Origin-Secret" to "s3cret"))
        assertEquals(
            "signature_mismatch",
            assertThrows<ImgsignException> {
                verifyOriginSecret("s3cret", headersOf("X-Imgix-Origin-Secret" to "nope"))
            }.code,
        )
    }

    @Test
    fun `every constructor error has its code`() {
        assertEquals("invalid_param", assertThrows<ImgsignException> { Signer("nope", "k") }.code)
        assertEquals("invalid_key", assertThrows<ImgsignException> { Signer("imgix", "") }.code)
        assertEquals("invalid_domain", assertThrows<ImgsignException.InvalidDomain> { UrlBuilder("not a domain") }.code)
        assertEquals("invalid_param", assertThrows<ImgsignException> { UrlBuilder("demo.imgix.net", profile = "nope") }.code)
        assertEquals("invalid_url", assertThrows<ImgsignException> { Signer("imgix", "FOO123bar").signUrl("::") }.code)
        assertEquals("malformed_url", assertThrows<ImgsignException> { Signer("imgix", "FOO123bar").verifyUrl("::", now) }.code)
    }

    @Test
    fun `no key in any message or toString`() {
        val key = "SuperSecretKey987"
        val s = Signer("imgix", key, listOf("OldSecretKey654"))
        val b = UrlBuilder("demo.imgix.net", key = key)
        for (text in listOf(s.toString(), b.toString())) {
            assertFalse(text.contains(key), text)
            assertFalse(text.contains("OldSecretKey654"), text)
        }
        val url = s.signUrl("https://demo.imgix.net/a.jpg")
        val failures = listOf<() -> Unit>(
            { s.verifyUrl(url + "0", now) },
            { s.verifyUrl("https://demo.imgix.net/a.jpg", now) },
            { s.signUrl("nope") },
            { Signer("pixta", "bad\u0000$key") },
            { UrlBuilder("demo.imgix.net", provider = "nope", key = key) },
            { signOriginRequest(key.repeat(3), "r", now) },
            { verifyOriginSecret(key, headersOf("X-Imgix-Origin-Secret" to key + "x")) },
            { verifyBasicAuth("user", key, headersOf("Authorization" to "Basic bm9wZTpub3Bl")) },
            { UrlBuilder("bad domain", key = key) },
        )
        for (f in failures) {
            val e = assertThrows<ImgsignException> { f() }
            for (text in listOf(e.message ?: "", e.detail, e.toString(), e.stackTraceToString())) {
                assertFalse(text.contains(key), "key leaked in: $text")
            }
        }
    }

    @Test
    fun `path schemes take salts and options`() {
        val keyHex = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881"
        val saltHex = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5"
        val s = Signer("imgproxy", keyHex, salt = saltHex, options = optionsOf("signatureSize" to 8))
        val url = s.signUrl("https://imgproxy.example.com/insecure/rs:fill:300/plain/local:///a.png")
        assertTrue("/insecure/" !in url)
        s.verifyUrl(url, 1_700_000_000L)
        val noSalt = assertThrows<ImgsignException> { Signer("imgproxy", keyHex) }
        assertEquals("invalid_key", noSalt.code)
        val thumbor = UrlBuilder("thumbor.example.com", provider = "thumbor", key = "my-security-key")
        assertEquals(
            "https://thumbor.example.com/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg",
            thumbor.buildUrl("my.server.com/some/path/to/image.jpg", mapOf("width" to 300, "height" to 200)),
        )
        assertEquals("invalid_param", assertThrows<ImgsignException> { s.signToken() }.code)
    }

    @Test
    fun `objects are AutoCloseable but need no close`() {
        Signer("imgix", "FOO123bar").use { it.signUrl("https://demo.imgix.net/a.jpg") }
        repeat(2_000) { Signer("imgix", "FOO123bar").signUrl("https://demo.imgix.net/a.jpg") }
        System.gc()
    }

    @Test
    fun `canonical output equals the Rust CLI`() {
        val cli = File(repoRoot, "target/debug/imgsign")
        assertTrue(cli.canExecute(), "the CLI is missing: build it with `cargo build -p imgsign-cli` ($cli)")
        val eligible = Vectors.all.filter { v ->
            val i = v["input"]
            v.str("kind") == "build_url" && v.has("expected") && !i["key"].isNull && i.str("key").isNotEmpty() &&
                !i["profile"].isNull && (i["options"] == null || i["options"].isEmpty) &&
                !i.str("path").startsWith("-") && i["params"].all { p ->
                    p[1].isTextual && !p[0].asText().contains('=') && !p[0].asText().startsWith("-")
                } && !i.toString().contains("\\u0000") &&
                listOf("provider", "profile", "use_https").none { i[it].isNull } && i["call_disable_path_encoding"] == null
        }
        assertTrue(eligible.size >= 50, "too few CLI-comparable vectors: ${eligible.size}")
        var compared = 0
        for (v in eligible) {
            val i = v["input"]
            val args = mutableListOf(cli.path, "build", "--domain", i.str("domain"), "--key", i.str("key"))
            // A field that is null is not given: no flag.
            i.optStr("provider")?.let { args += listOf("--provider", it) }
            i.optStr("profile")?.let { args += listOf("--profile", it) }
            i.optStr("salt")?.let { args += listOf("--salt", it) }
            i["options"].fields().forEach { (name, value) -> args += listOf("--option", "$name=${value.asText()}") }
            if (i.optBool("use_https") == false) args += "--http"
            when (i.optBool("include_library_param")) {
                true -> args += "--include-library-param"
                false -> args += "--no-include-library-param"
                null -> {}
            }
            if (i.optBool("disable_path_encoding") == true) args += "--disable-path-encoding"
            args += i.str("path")
            i["params"].forEach { args += "${it[0].asText()}=${it[1].asText()}" }
            val pb = ProcessBuilder(args).redirectErrorStream(false)
            pb.environment().remove("IMGSIGN_KEY")
            val p = pb.start()
            val out = p.inputStream.readBytes().toString(Charsets.UTF_8)
            val err = p.errorStream.readBytes().toString(Charsets.UTF_8)
            assertTrue(p.waitFor(30, TimeUnit.SECONDS))
            assertEquals(0, p.exitValue(), "${v.str("id")}: CLI failed: $err")
            assertEquals(builder(i).buildUrl(i.str("path"), params(i["params"])), out.trimEnd('\n'), v.str("id"))
            compared++
        }
        assertNotEquals(0, compared)
    }
}
