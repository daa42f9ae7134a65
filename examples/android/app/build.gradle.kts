// Minimal app: signs image URLs with imgsign, with a key the app's backend issues to the
// signed-in user (kept in Android Keystore-backed storage), never a key compiled into the APK.
//
// Before building, produce the bindings and native libraries (see bindings-kotlin/README.md,
// "Android"):
//   - app/src/main/java/io/imgsign/imgsign_uniffi.kt   (uniffi-bindgen, Android config)
//   - app/src/main/java/io/imgsign/Imgsign.kt          (copy of bindings-kotlin's helpers)
//   - app/src/main/jniLibs/<abi>/libimgsign_uniffi.so  (cargo ndk, 4 ABIs)
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "io.imgsign.example"
    compileSdk = 36
    defaultConfig {
        applicationId = "io.imgsign.example"
        minSdk = 24
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64", "x86") }
        // Configuration, not secrets: where the app asks its own backend for the image
        // signing keys (docs/mobile-keys.md), and the image domain. No key is built in.
        val endpoint = providers.gradleProperty("imageKeyEndpoint").getOrElse("https://api.example.com/v1/image-signing-keys")
        val domain = providers.gradleProperty("imageDomain").getOrElse("example.imgix.net")
        buildConfigField("String", "IMAGE_KEY_ENDPOINT", "\"$endpoint\"")
        buildConfigField("String", "IMAGE_DOMAIN", "\"$domain\"")
    }
    buildFeatures {
        compose = true
        buildConfig = true
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlin { jvmToolchain(17) }
    // Store .so files uncompressed and 16 KB aligned (Android 15+ 16 KB page devices).
    packaging { jniLibs { useLegacyPackaging = false } }
}

dependencies {
    // The AAR flavour of JNA carries libjnidispatch for every Android ABI.
    implementation("net.java.dev.jna:jna:5.19.1@aar")
    implementation(platform("androidx.compose:compose-bom:2025.10.00"))
    implementation("androidx.activity:activity-compose:1.11.0")
    implementation("androidx.compose.material3:material3")
}
