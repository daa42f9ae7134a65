package io.imgsign.example

import android.content.Context

/** The signed-in user's session token, stored by the app's sign-in flow (not shown here). */
object Session {
    fun token(context: Context): String =
        checkNotNull(context.getSharedPreferences("session", Context.MODE_PRIVATE).getString("token", null)) {
            "not signed in"
        }
}
