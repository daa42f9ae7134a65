// Signs image URLs the way a server does: one immutable, thread-safe Signer shared by many
// concurrent tasks. The first URL is the Pixta documentation example.
import Foundation
import Imgsign

struct UnexpectedSignature: Error, CustomStringConvertible {
    let got: String
    var description: String { "unexpected signature: \(got)" }
}

@main
struct ImgsignServer {
    static let example = "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
    static let exampleSignature = "&s=7d0d58f62c945d0ca08269205228bbe7"

    static func main() async throws {
        let signer = try Signer(provider: .pixta, key: "wakanda123@")
        let widths = [400] + Array(stride(from: 100, through: 9_900, by: 100))
        let requests: [URL] = widths.compactMap {
            URL(string: "https://image.pvnservices.com/books/database-internals.jpg?w=\($0)&h=600&fit=crop")
        }

        let signed = try await withThrowingTaskGroup(of: (Int, URL).self, returning: [URL].self) { group in
            for (index, url) in requests.enumerated() {
                group.addTask {
                    let signedURL = try signer.signUrl(url: url)
                    try signer.verifyUrl(url: signedURL)
                    return (index, signedURL)
                }
            }
            var results = requests
            for try await (index, signedURL) in group {
                results[index] = signedURL
            }
            return results
        }

        guard let first = signed.first, first.absoluteString == example + exampleSignature else {
            throw UnexpectedSignature(got: signed.first?.absoluteString ?? "no URL signed")
        }
        print(first.absoluteString)
        print("signed and verified \(signed.count) URLs concurrently with imgsign \(version())")
    }
}
