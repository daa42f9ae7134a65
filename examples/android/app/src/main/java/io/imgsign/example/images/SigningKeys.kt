package io.imgsign.example.images

/**
 * Where the app's signing keys come from: injected, never a literal compiled into the app
 * (anyone can read a literal out of an APK with `strings`). The app's own backend hands them
 * out over an authenticated connection and the app keeps them in Android Keystore-backed
 * storage ([io.imgsign.example.KeystoreSigningKeys]); tests pass a fake.
 */
interface SigningKeys {
    /** The key to sign with, or `null` when the app has none yet (URLs are then unsigned). */
    fun current(): String?

    /** Keys the CDN still accepts while they rotate (for verifying, never for signing). */
    fun previous(): List<String> = emptyList()
}
