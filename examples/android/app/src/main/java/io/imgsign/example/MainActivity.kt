package io.imgsign.example

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.unit.dp
import io.imgsign.ImgsignException
import io.imgsign.code
import io.imgsign.example.images.ImageUrls
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Signs image URLs with a key the app's backend issued to the signed-in user; nothing
 * secret is compiled into the APK. See docs/mobile-keys.md for the threat model.
 */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContent { MaterialTheme { SignedUrlScreen() } }
    }
}

@Composable
fun SignedUrlScreen() {
    val context = LocalContext.current
    val density = LocalDensity.current.density
    var lines by remember { mutableStateOf(listOf("Fetching the signing key…")) }
    LaunchedEffect(Unit) {
        lines =
            withContext(Dispatchers.IO) {
                try {
                    // The endpoint is configuration, not a secret (app/build.gradle.kts); the
                    // session token is the signed-in user's, from the app's own sign-in flow.
                    val keys =
                        KeystoreSigningKeys(
                            context,
                            BackendKeyClient(BuildConfig.IMAGE_KEY_ENDPOINT) { Session.token(context) },
                        )
                    keys.refresh()
                    val images = ImageUrls(keys, BuildConfig.IMAGE_DOMAIN)
                    listOf(
                        "Sized for this screen:",
                        images.sized("https://${BuildConfig.IMAGE_DOMAIN}/photos/beach.jpg?fit=crop&ar=16:9", 360, density),
                        "Avatar:",
                        images.avatar("42", 48, density),
                    )
                } catch (e: ImgsignException) {
                    listOf("imgsign error ${e.code}: ${e.message}")
                } catch (e: Exception) {
                    listOf("could not get a signing key: ${e.message}")
                }
            }
    }
    Column(Modifier.padding(16.dp)) {
        lines.forEach { Text(it, Modifier.padding(vertical = 4.dp)) }
    }
}
