// Minimal app: signs one URL with imgsign and shows it.
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
    }
    buildFeatures { compose = true }
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
