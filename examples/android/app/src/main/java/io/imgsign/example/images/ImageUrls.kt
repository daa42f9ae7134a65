package io.imgsign.example.images

import io.imgsign.UrlBuilder

/**
 * The app's image URLs, signed with a key from [keys]. The `imgix-java` profile writes the
 * same bytes as imgix-java 2.3.2 did, so moving an app to imgsign keeps every CDN cache key.
 */
class ImageUrls(
    keys: SigningKeys,
    domain: String,
) {
    private val builder = UrlBuilder(domain, key = keys::current, profile = "imgix-java")

    /**
     * An image URL the app's API returned, sized for a view [widthDp] wide on a screen of
     * [density] (Android's `displayMetrics.density`): its params are kept, `w` and `dpr` are
     * set, and the URL is signed again.
     */
    fun sized(
        apiUrl: String,
        widthDp: Int,
        density: Float,
    ): String = builder.reconstruct(apiUrl, mapOf("w" to widthDp, "dpr" to density.toDouble(), "fit" to "max"))

    /** A square avatar, [sizeDp] on a side. */
    fun avatar(
        userId: String,
        sizeDp: Int,
        density: Float,
    ): String = builder.buildUrl("/avatars/$userId.png", mapOf("w" to sizeDp, "h" to sizeDp, "dpr" to density.toDouble(), "fit" to "crop"))
}
