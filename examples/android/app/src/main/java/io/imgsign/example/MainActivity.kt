package io.imgsign.example

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import io.imgsign.ImgsignException
import io.imgsign.Signer
import io.imgsign.UrlBuilder
import io.imgsign.code

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContent { MaterialTheme { SignedUrlScreen() } }
    }
}

@Composable
fun SignedUrlScreen() {
    // A real app keeps its key on its server; this demo uses Pixta's published example key.
    val lines = remember {
        try {
            val signer = Signer("pixta", "wakanda123@")
            val builder = UrlBuilder("demo.imgix.net", key = "FOO123bar")
            listOf(
                "Signed (Pixta):",
                signer.signUrl("https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"),
                "Built (imgix):",
                builder.buildUrl("/users/1.png", mapOf("w" to 400, "h" to 300)),
            )
        } catch (e: ImgsignException) {
            listOf("imgsign error ${e.code}: ${e.message}")
        }
    }
    Column(Modifier.padding(16.dp)) {
        lines.forEach { Text(it, Modifier.padding(vertical = 4.dp)) }
    }
}
