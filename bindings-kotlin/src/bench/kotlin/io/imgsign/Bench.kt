// Warmed loop benchmark: ns per call / per URL of imgsign through UniFFI + JNA against
// pure-JVM baselines on the same inputs. Run with scripts/bench.sh.
package io.imgsign

import java.net.URLEncoder
import java.security.MessageDigest

private const val KEY = "FOO123bar"
private const val DOMAIN = "demo.imgix.net"
private const val PATH = "/users/1.png"
private val PARAMS = linkedMapOf("w" to "400", "h" to "300", "fit" to "crop")
private const val URL = "https://demo.imgix.net/users/1.png?fit=crop&h=300&w=400"

@Volatile private var sink: Any? = null

/** Best of [rounds] timed loops of [n] calls after [warm] warm-up calls; ns per call. */
private fun measure(n: Int, warm: Int = n, rounds: Int = 5, f: () -> Any?): Double {
    repeat(warm) { sink = f() }
    var best = Double.MAX_VALUE
    repeat(rounds) {
        val t0 = System.nanoTime()
        repeat(n) { sink = f() }
        best = minOf(best, (System.nanoTime() - t0).toDouble() / n)
    }
    return best
}

/** Wall ns per call of [f] run [n] times on each of [threads] threads at once (best of 5). */
private fun measureThreads(threads: Int, n: Int, f: () -> Unit): Double {
    var best = Double.MAX_VALUE
    repeat(6) { round ->
        val go = java.util.concurrent.CountDownLatch(1)
        val workers =
            List(threads) {
                Thread {
                    go.await()
                    repeat(n) { f() }
                }.apply { start() }
            }
        val t0 = System.nanoTime()
        go.countDown()
        workers.forEach { it.join() }
        // The first round warms up.
        if (round > 0) best = minOf(best, (System.nanoTime() - t0).toDouble() / (n * threads))
    }
    return best
}

private val HEX = "0123456789abcdef".toCharArray()
private fun md5Hex(s: String): String {
    val d = MessageDigest.getInstance("MD5").digest(s.toByteArray(Charsets.UTF_8))
    val out = CharArray(32)
    for (i in d.indices) {
        out[2 * i] = HEX[(d[i].toInt() shr 4) and 0xf]
        out[2 * i + 1] = HEX[d[i].toInt() and 0xf]
    }
    return String(out)
}

/** Hand-rolled signer: what `signUrl` does for imgix, with MessageDigest, on a clean URL. */
private fun handSign(url: String): String {
    val start = url.indexOf('/', 8)
    val q = url.indexOf('?')
    val path = url.substring(start, if (q < 0) url.length else q)
    val query = if (q < 0) "" else url.substring(q + 1)
    val sig = md5Hex(KEY + path + if (query.isEmpty()) "" else "?$query")
    return url + (if (query.isEmpty()) "?s=" else "&s=") + sig
}

/** Hand-rolled builder in the style of the JVM imgix library: sorted, URL-encoded, MD5. */
private fun handBuild(path: String, params: Map<String, String>): String {
    val query = params.toSortedMap().entries.joinToString("&") {
        URLEncoder.encode(it.key, Charsets.UTF_8) + "=" + URLEncoder.encode(it.value, Charsets.UTF_8).replace("+", "%20")
    }
    val sig = md5Hex(KEY + path + if (query.isEmpty()) "" else "?$query")
    return "https://$DOMAIN$path?" + (if (query.isEmpty()) "" else "$query&") + "s=$sig"
}

fun main(args: Array<String>) {
    if (args.firstOrNull() == "profile-batch") {
        val s = Signer("imgix", KEY)
        val urls = (0 until 1000).map { "https://demo.imgix.net/img/$it.jpg?w=${100 + it}&fit=crop" }
        val end = System.nanoTime() + 5_000_000_000L
        var calls = 0L
        while (System.nanoTime() < end) {
            sink = s.signUrls(urls)
            calls++
        }
        println("signUrls loop: %.0f ns/URL".format(5e9 / calls / 1000))
        return
    }
    if (args.firstOrNull() == "profile") {
        // For a profiler (e.g. JFR): 5 s of single signUrl calls.
        val s = Signer("imgix", KEY)
        val end = System.nanoTime() + 5_000_000_000L
        var calls = 0L
        while (System.nanoTime() < end) {
            sink = s.signUrl(URL)
            calls++
        }
        println("signUrl loop: %.0f ns/call".format(5e9 / calls))
        return
    }
    val t0 = System.nanoTime()
    val signer = Signer("imgix", KEY)
    val firstCall = (System.nanoTime() - t0) / 1000.0
    val builder = UrlBuilder(DOMAIN, key = KEY)
    val params = paramsOf(PARAMS)
    val urls = (0 until 1000).map { "https://demo.imgix.net/img/$it.jpg?w=${100 + it}&fit=crop" }
    val items = (0 until 1000).map { UrlItem("/img/$it.jpg", paramsOf("w" to (100 + it).toString(), "fit" to "crop")) }
    val paths = (0 until 1000).map { "/img/$it.jpg" to mapOf("w" to (100 + it).toString(), "fit" to "crop") }
    val fluidParams = paramsOf("fit" to "crop")
    val srcsetEntries = builder.buildSrcset(PATH, fluidParams).split(",\n").size

    check(builder.buildUrl(PATH, params) == handBuild(PATH, PARAMS)) { "baseline builder disagrees" }
    check(signer.signUrl(URL) == handSign(URL)) { "baseline signer disagrees" }

    println("first use (library load + Signer construction): %.0f us".format(firstCall))
    val rows = mutableListOf<Triple<String, Double, Double>>()
    fun row(name: String, imgsign: Double, baseline: Double) = rows.add(Triple(name, imgsign, baseline))

    val n = 20_000
    row("buildUrl single", measure(n) { builder.buildUrl(PATH, params) }, measure(n) { handBuild(PATH, PARAMS) })
    row("buildUrl single (Map params)", measure(n) { builder.buildUrl(PATH, PARAMS) }, measure(n) { handBuild(PATH, PARAMS) })
    row(
        "buildUrls x1000, per URL",
        measure(20, 20) { builder.buildUrls(items) } / 1000,
        measure(20, 20) { paths.map { handBuild(it.first, it.second) } } / 1000,
    )
    row(
        "srcset fluid ($srcsetEntries), per URL",
        measure(500) { builder.buildSrcset(PATH, fluidParams) } / srcsetEntries,
        measure(500) { (0 until srcsetEntries).map { w -> handBuild(PATH, mapOf("fit" to "crop", "w" to w.toString())) } } / srcsetEntries,
    )
    row("signUrl single", measure(n) { signer.signUrl(URL) }, measure(n) { handSign(URL) })
    row("signUrls x1000, per URL", measure(20, 20) { signer.signUrls(urls) } / 1000, measure(20, 20) { urls.map { handSign(it) } } / 1000)
    val signed = signer.signUrl(URL)
    val verifyOne = measure(n) { signer.verifyUrl(signed) }
    // The same single calls through the generated UniFFI methods (the path before the fast one).
    val signUniffi = measure(n) { signer.signUrl(URL, null, null, null, emptyMap()) }
    val buildUniffi = measure(n) { builder.buildUrl(PATH, params, null) }
    val verifyUniffi = measure(n) { signer.verifyUrl(signed, null, emptyMap()) }
    // A forged URL: the failing check raised (a server's cost per forged request).
    val forged = signed.replace("w=400", "w=401")
    val refuse: (() -> Unit) -> String = { f -> runCatching(f).exceptionOrNull()?.javaClass?.simpleName ?: "" }
    check(refuse { signer.verifyUrl(forged) } == "SignatureMismatch") { "the forged URL verified" }
    val verifyForged = measure(n) { refuse { signer.verifyUrl(forged) } }
    val verifyForgedUniffi = measure(n) { refuse { signer.verifyUrl(forged, null, emptyMap()) } }
    // Two threads sharing one Signer (a server's request threads): wall time per call.
    val shared = measureThreads(2, n) { signer.verifyUrl(signed) }
    // One direct-mapped crossing that does no work (a null handle): the fast path's floor.
    val noBytes = ByteArray(0)
    val crossing = measure(n) { FastNative.verify(0, 0, 0, 0, noBytes, 0) }
    val empty = measure(n) { version() }
    val provider = measure(n) { signer.provider() }
    // Where the batch time goes: Kotlin-side lowering of the arguments alone (no native call).
    val lowerItems = measure(20, 20) { FfiConverterSequenceTypeUrlItem.lower(items).also { RustBuffer.free(it) } } / 1000
    val structAlloc = measure(n) { RustBuffer.ByValue() }
    val lowerUrls = measure(20, 20) { FfiConverterSequenceString.lower(urls).also { RustBuffer.free(it) } } / 1000

    println("%-36s %12s %12s %8s".format("operation", "imgsign ns", "JVM ns", "ratio"))
    for ((name, a, b) in rows) println("%-36s %12.0f %12.0f %8.2f".format(name, a, b, a / b))
    println("%-36s %12.0f".format("verifyUrl single", verifyOne))
    println("%-36s %12.0f".format("signUrl single, UniFFI path", signUniffi))
    println("%-36s %12.0f".format("buildUrl single, UniFFI path", buildUniffi))
    println("%-36s %12.0f".format("verifyUrl single, UniFFI path", verifyUniffi))
    println("%-36s %12.0f".format("verifyUrl forged (throws)", verifyForged))
    println("%-36s %12.0f".format("verifyUrl forged, UniFFI path", verifyForgedUniffi))
    println("%-36s %12.0f".format("verifyUrl, 2 threads, one Signer", shared))
    println("%-36s %12.0f".format("fast-path crossing, no work", crossing))
    println("%-36s %12.0f".format("version() (no-arg call, string back)", empty))
    println("%-36s %12.0f".format("signer.provider() (object method)", provider))
    println("%-36s %12.0f".format("new JNA Structure (RustBuffer)", structAlloc))
    println("%-36s %12.0f".format("lower 1000 UrlItems, per item", lowerItems))
    println("%-36s %12.0f".format("lower 1000 URL strings, per URL", lowerUrls))
}
