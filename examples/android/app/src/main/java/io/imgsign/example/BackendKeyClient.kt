package io.imgsign.example

import org.json.JSONObject
import java.net.HttpURLConnection
import java.net.URL

/** The keys the backend hands out: the current one and those still accepted. */
data class IssuedKeys(
    val current: String,
    val previous: List<String>,
)

/**
 * Asks the app's own backend for the image signing keys over HTTPS, authenticated as the
 * signed-in user ([sessionToken]). The backend decides who may have them (and can refuse,
 * rotate or revoke them); the app never ships one.
 */
class BackendKeyClient(
    private val endpoint: String,
    private val sessionToken: () -> String,
) {
    fun fetch(): IssuedKeys {
        val connection = URL(endpoint).openConnection() as HttpURLConnection
        try {
            connection.setRequestProperty("Authorization", "Bearer ${sessionToken()}")
            connection.setRequestProperty("Accept", "application/json")
            check(connection.responseCode == 200) { "the key endpoint answered ${connection.responseCode}" }
            val body = JSONObject(connection.inputStream.bufferedReader().readText())
            val previous = body.optJSONArray("previous_keys")
            return IssuedKeys(
                current = body.getString("key"),
                previous = (0 until (previous?.length() ?: 0)).map { previous!!.getString(it) },
            )
        } finally {
            connection.disconnect()
        }
    }
}
