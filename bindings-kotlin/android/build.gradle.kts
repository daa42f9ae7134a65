// io.imgsign:imgsign-android: the Kotlin API of bindings-kotlin (generated with UniFFI's
// Android settings: android.system.SystemCleaner) and libimgsign_uniffi.so for each ABI,
// built by cargo-ndk with 16 KB page alignment. scripts/dist/android.sh passes the folders:
//   -Pimgsign.kotlin=<generated Kotlin + Imgsign.kt>  -Pimgsign.jniLibs=<abi folders>
plugins {
    id("com.android.library") version "8.13.0"
    id("org.jetbrains.kotlin.android") version "2.4.21"
}

val imgsignVersion: String = providers.gradleProperty("imgsign.version").get()

android {
    namespace = "io.imgsign"
    compileSdk = 36
    defaultConfig {
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].apply {
        java.srcDir(providers.gradleProperty("imgsign.kotlin").get())
        jniLibs.srcDir(providers.gradleProperty("imgsign.jniLibs").get())
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlin { jvmToolchain(17) }
    // Keep the .so files uncompressed and page aligned inside the APKs that use this AAR.
    packaging { jniLibs { useLegacyPackaging = false } }
}

dependencies {
    // The AAR flavour of JNA carries libjnidispatch for every Android ABI.
    api("net.java.dev.jna:jna:5.19.1@aar")
}

version = imgsignVersion
