// The Android library (AAR) of imgsign: built by scripts/dist/android.sh in the release
// workflow, from the sources and jniLibs that script lays out under build/android/.
pluginManagement {
    repositories { google(); mavenCentral(); gradlePluginPortal() }
}
dependencyResolutionManagement {
    repositories { google(); mavenCentral() }
}
rootProject.name = "imgsign-android"
