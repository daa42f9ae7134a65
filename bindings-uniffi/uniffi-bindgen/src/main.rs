//! uniffi-bindgen, pinned.
fn main() {
    uniffi::uniffi_bindgen_main()
}
