import Imgsign
import SwiftUI

// Signs image URLs with a key the app's backend issued to the signed-in user; nothing
// secret is compiled into the app. See docs/mobile-keys.md for the threat model.

@main
struct ImgsignExampleApp: App {
    var body: some Scene {
        WindowGroup { SignedImageView() }
    }
}

/// Configuration, not secrets: where the backend hands out signing keys, and the image
/// domain (in an app target, from Info.plist; here from the environment).
enum Config {
    static let keyEndpoint = URL(
        string: ProcessInfo.processInfo.environment["IMAGE_KEY_ENDPOINT"] ?? "https://api.example.com/v1/image-signing-keys")!
    static let domain = ProcessInfo.processInfo.environment["IMAGE_DOMAIN"] ?? "example.imgix.net"
}

/// The signed-in user's session token, stored by the app's sign-in flow (not shown here).
enum Session {
    static func token() -> String {
        UserDefaults.standard.string(forKey: "session-token") ?? ""
    }
}

struct SignedImageView: View {
    @Environment(\.displayScale) private var scale
    @State private var url: URL?
    @State private var message = "Fetching the signing key…"

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(url?.absoluteString ?? message).textSelection(.enabled)
            AsyncImage(url: url) { image in
                image.resizable().scaledToFit()
            } placeholder: {
                ProgressView()
            }
        }
        .padding()
        .task { await load() }
    }

    private func load() async {
        do {
            let keys = KeychainSigningKeys(endpoint: Config.keyEndpoint, sessionToken: Session.token)
            try await keys.refresh()
            let images = try ImageURLs(keys: keys, domain: Config.domain)
            let apiURL = URL(string: "https://\(Config.domain)/photos/beach.jpg?fit=crop&ar=16:9")!
            url = try images.sized(apiURL, width: 360, scale: Double(scale))
        } catch let error as ImgsignError {
            message = "imgsign error \(error.code): \(error.message)"
        } catch {
            message = "could not get a signing key: \(error)"
        }
    }
}
