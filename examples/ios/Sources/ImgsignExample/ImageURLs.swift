import Foundation
import Imgsign

/// The app's image URLs, signed with a key from the injected source. The `imgix-swift`
/// profile writes the same bytes as imgix-swift 1.1.3 did, so moving an app to imgsign keeps
/// every CDN cache key.
struct ImageURLs {
    private let builder: UrlBuilder

    init(keys: SigningKeySource, domain: String) throws {
        builder = try UrlBuilder(
            domain: domain, provider: .imgix, keySupplier: { try keys.currentKey() }, profile: "imgix-swift")
    }

    /// An image URL the app's API returned, sized for a view `width` points wide on a screen
    /// of `scale` (SwiftUI's `displayScale`): its params are kept, `w` and `dpr` set, and the
    /// URL signed again.
    func sized(_ apiURL: URL, width: Double, scale: Double) throws -> URL {
        try builder.url(reconstructing: apiURL, params: ["w": .int(value: Int64(width.rounded())), "dpr": .float(value: scale)])
    }
}
