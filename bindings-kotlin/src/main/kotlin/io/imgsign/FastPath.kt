// The byte-array fast path of the hottest calls (Signer.signUrl(url), verifyUrl(url[, now]),
// verify(target[, now]), UrlBuilder.buildUrl(path, params)): one JNA direct-mapped crossing
// with primitive arrays instead of UniFFI's RustBuffer and call-status Structures (see
// bindings-uniffi/src/fast.rs). It only converts: the native side calls the same methods as
// the UniFFI path. A method's error comes back written as UniFFI writes it, and is read by
// the generated converter, so it is the very ImgsignException the UniFFI path throws, without
// doing the work twice. Only "fall back" (a caught panic, an unknown handle) repeats the call
// through UniFFI.

package io.imgsign

import com.sun.jna.Native
import java.nio.ByteBuffer

/** The native functions of bindings-uniffi/src/fast.rs, registered on the same library. */
internal object FastNative {
    @JvmStatic
    @JvmName("imgsign_fast_sign_url")
    external fun signUrl(signer: Long, url: ByteArray, urlLen: Int, out: ByteArray, outCap: Int): Int

    @JvmStatic
    @JvmName("imgsign_fast_verify")
    external fun verify(signer: Long, target: Int, hasNow: Int, now: Long, url: ByteArray, urlLen: Int): Int

    @JvmStatic
    @JvmName("imgsign_fast_free_signer")
    external fun freeSigner(signer: Long)

    @JvmStatic
    @JvmName("imgsign_fast_free_url_builder")
    external fun freeUrlBuilder(builder: Long)

    @JvmStatic
    @JvmName("imgsign_fast_build_url")
    external fun buildUrl(builder: Long, path: ByteArray, pathLen: Int, params: ByteArray, paramsLen: Int, out: ByteArray, outCap: Int): Int

    @JvmStatic
    @JvmName("imgsign_fast_take")
    external fun take(out: ByteArray, outCap: Int): Int
}

internal object FastPath {
    /** False when the library has no fast path (then every call takes the UniFFI path). */
    internal val available: Boolean =
        runCatching {
            // The name the generated bindings load, so JNA hands back the same library.
            val name = System.getProperty("uniffi.component.imgsign_uniffi.libraryOverride") ?: "imgsign_uniffi"
            Native.register(FastNative::class.java, name)
        }.isSuccess

    /**
     * The fast path's own handle of [owner] (a clone of its UniFFI handle from [clone]), freed
     * when [owner] is collected; 0 (every call takes the UniFFI path) without the fast path.
     * UniFFI's `callWithHandle` clones a handle on every call, a crossing of its own.
     */
    inline fun own(owner: Any, builder: Boolean, clone: () -> Long): Long {
        if (!available) return 0
        val handle = clone()
        UniffiLib.CLEANER.register(owner, Free(handle, builder))
        return handle
    }

    /** Frees a handle of [own]; captures no owner. */
    class Free(private val handle: Long, private val builder: Boolean) : Runnable {
        override fun run() = if (builder) FastNative.freeUrlBuilder(handle) else FastNative.freeSigner(handle)
    }

    /**
     * Runs [block] with [handle], or answers null (take the UniFFI path, which also throws for
     * a destroyed object); [owner] stays reachable until the native call has returned, so its
     * handle cannot be freed during it.
     */
    inline fun <R : Any> call(owner: FfiSigner, handle: Long, block: (Long) -> R?): R? =
        if (handle == 0L || owner.uniffiIsDestroyed) null else block(handle).also { keepAlive(owner) }

    /** [call] for a builder. */
    inline fun <R : Any> call(owner: FfiUrlBuilder, handle: Long, block: (Long) -> R?): R? =
        if (handle == 0L || owner.uniffiIsDestroyed) null else block(handle).also { keepAlive(owner) }

    /**
     * A reachability fence: `Reference.reachabilityFence` (free once compiled, and no shared
     * write: threads sharing one `Signer` do not contend), or on Android before API 28, which
     * lacks it, an empty `synchronized` block, which keeps [owner] reachable up to here too.
     */
    fun keepAlive(owner: Any) {
        if (Fence.available) Fence.fence(owner) else synchronized(owner) {}
    }

    /** The signed URL, or null: take the UniFFI path. */
    fun signUrl(signer: Long, url: String): String? {
        if (!available) return null
        val bytes = inputBytes(url)
        return answer(bytes.size + 96) { out -> FastNative.signUrl(signer, bytes, bytes.size, out, out.size) }
    }

    /** True when [url] verifies; throws the failing check; false: take the UniFFI path. */
    fun verify(signer: Long, target: Boolean, now: Long?, url: String): Boolean {
        if (!available) return false
        val bytes = inputBytes(url)
        val n = FastNative.verify(signer, if (target) 1 else 0, if (now == null) 0 else 1, now ?: 0, bytes, bytes.size)
        if (n <= ERROR) kept(ERROR - n)?.let { throw FfiConverterTypeImgsignError.read(ByteBuffer.wrap(it)) }
        return n == 0
    }

    /** The built URL, or null: take the UniFFI path. */
    fun buildUrl(builder: Long, path: String, params: List<Param>): String? {
        if (!available) return null
        val bytes = inputBytes(path)
        val packed = Packer(16 * params.size + 16)
        for (p in params) {
            packed.string(p.key)
            when (val v = p.value) {
                is ParamValue.Str -> packed.byte('S'.code).string(v.value)
                is ParamValue.Int -> packed.byte('I'.code).long(v.value)
                is ParamValue.Float -> packed.byte('F'.code).long(java.lang.Double.doubleToRawLongBits(v.value))
                is ParamValue.Bool -> packed.byte('B'.code).byte(if (v.value) 1 else 0)
                ParamValue.Null -> packed.byte('N'.code)
            }
        }
        return answer(bytes.size + packed.size + 128) { out ->
            FastNative.buildUrl(builder, bytes, bytes.size, packed.bytes, packed.size, out, out.size)
        }
    }

    /**
     * Calls [f] with an output array of [guess] bytes: the result, or the kept one when it was
     * longer; throws the method's error; null: take the UniFFI path.
     */
    private inline fun answer(guess: Int, f: (ByteArray) -> Int): String? {
        val out = ByteArray(guess)
        val n = f(out)
        return when {
            n in 0..out.size -> String(out, 0, n, Charsets.UTF_8)
            n > out.size -> kept(n)?.let { String(it, Charsets.UTF_8) }
            n <= ERROR -> kept(ERROR - n)?.let { throw FfiConverterTypeImgsignError.read(ByteBuffer.wrap(it)) }
            else -> null
        }
    }

    /** The [n] bytes the last call on this thread kept (fast.rs `imgsign_fast_take`), or null. */
    private fun kept(n: Int): ByteArray? {
        val out = ByteArray(n)
        return if (FastNative.take(out, n) == n) out else null
    }

    /** fast.rs `ERROR`: `ERROR - n` answers an error of n bytes. */
    private const val ERROR = -2

    /** Packs params as fast.rs `unpack` reads them (lengths and numbers little endian). */
    private class Packer(capacity: Int) {
        var bytes = ByteArray(capacity)
        var size = 0

        private fun room(n: Int) {
            if (size + n > bytes.size) bytes = bytes.copyOf(maxOf(bytes.size * 2, size + n))
        }

        fun byte(b: Int) = apply {
            room(1)
            bytes[size++] = b.toByte()
        }

        private fun int(v: Int) {
            room(4)
            for (i in 0 until 4) bytes[size++] = (v ushr (8 * i)).toByte()
        }

        fun long(v: Long) = apply {
            room(8)
            for (i in 0 until 8) bytes[size++] = (v ushr (8 * i)).toByte()
        }

        fun string(s: String) = apply {
            val b = inputBytes(s)
            int(b.size)
            room(b.size)
            b.copyInto(bytes, size)
            size += b.size
        }
    }
}

/**
 * `Reference.reachabilityFence`, in a class of its own so that a runtime without it (Android
 * before API 28) only fails to verify this class, which it then never calls.
 */
internal object Fence {
    val available: Boolean =
        runCatching { java.lang.ref.Reference::class.java.getMethod("reachabilityFence", Any::class.java) }.isSuccess

    fun fence(owner: Any) = java.lang.ref.Reference.reachabilityFence(owner)
}
