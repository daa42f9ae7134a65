package io.imgsign.example

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.Base64
import io.imgsign.example.images.SigningKeys
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * Signing keys kept in the app's private storage, encrypted with an AES key that never
 * leaves the Android Keystore (hardware-backed where the device has it). They are filled by
 * [refresh] from the app's backend after the user signs in, and read back by the builder.
 */
class KeystoreSigningKeys(
    context: Context,
    private val backend: BackendKeyClient,
) : SigningKeys {
    private val prefs = context.getSharedPreferences("image-signing-keys", Context.MODE_PRIVATE)

    /** Fetches the current keys from the backend and stores them encrypted. */
    fun refresh() {
        val keys = backend.fetch()
        prefs
            .edit()
            .putString("current", encrypt(keys.current))
            .putString("previous", encrypt(keys.previous.joinToString("\n")))
            .apply()
    }

    override fun current(): String? = prefs.getString("current", null)?.let(::decrypt)

    override fun previous(): List<String> =
        prefs.getString("previous", null)?.let(::decrypt)?.split("\n")?.filter { it.isNotEmpty() } ?: emptyList()

    private fun wrappingKey(): SecretKey {
        val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
        (store.getEntry(ALIAS, null) as? KeyStore.SecretKeyEntry)?.let { return it.secretKey }
        val spec =
            KeyGenParameterSpec
                .Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore").run {
            init(spec)
            generateKey()
        }
    }

    private fun encrypt(text: String): String {
        val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, wrappingKey()) }
        val sealed = cipher.iv + cipher.doFinal(text.toByteArray(Charsets.UTF_8))
        return Base64.encodeToString(sealed, Base64.NO_WRAP)
    }

    private fun decrypt(stored: String): String {
        val sealed = Base64.decode(stored, Base64.NO_WRAP)
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey(), GCMParameterSpec(128, sealed, 0, IV_BYTES))
        return String(cipher.doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES), Charsets.UTF_8)
    }

    private companion object {
        const val ALIAS = "io.imgsign.example.signing-keys"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
    }
}
