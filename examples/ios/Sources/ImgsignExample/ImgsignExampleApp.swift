import Imgsign
import SwiftUI

@main
struct ImgsignExampleApp: App {
    var body: some Scene {
        WindowGroup { SignedUrlView() }
    }
}

struct SignedUrlView: View {
    // A real app gets signed URLs from its server; the keys here are the providers'
    // published example keys.
    private let lines: [String] = {
        do {
            let signer = try Signer(provider: .pixta, key: "wakanda123@")
            let builder = try UrlBuilder(domain: "demo.imgix.net", provider: .imgix, key: "FOO123bar")
            return [
                "Signed (Pixta):",
                try signer.signUrl(url: "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"),
                "Built (imgix):",
                try builder.buildUrl(path: "/users/1.png", params: ["w": 400, "h": 300]),
            ]
        } catch let error as ImgsignError {
            return ["imgsign error \(error.code): \(error.message)"]
        } catch {
            return ["\(error)"]
        }
    }()

    // A Foundation URL straight from the builder (imgix's public demo source, unsigned).
    private let imageURL: URL? = try? UrlBuilder(domain: "assets.imgix.net", provider: .imgix)
        .url(path: "/unsplash/bridge.jpg", params: ["w": 600, "fit": "crop"])

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            ForEach(lines, id: \.self) { Text($0).textSelection(.enabled) }
            AsyncImage(url: imageURL) { image in
                image.resizable().scaledToFit()
            } placeholder: {
                ProgressView()
            }
        }
        .padding()
    }
}
