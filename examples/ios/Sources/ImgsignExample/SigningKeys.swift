import Foundation
import Security

/// Where the app's signing keys come from: injected, never a literal compiled into the app
/// (anyone can read a literal out of an IPA with `strings`). The app's own backend issues
/// them to the signed-in user; the app keeps them in the Keychain.
protocol SigningKeySource {
    /// The key to sign with, or `nil` when the app has none yet (URLs are then unsigned).
    func currentKey() throws -> String?
    /// Keys the CDN still accepts while they rotate (for verifying, never for signing).
    func previousKeys() throws -> [String]
}

/// The keys the backend hands out.
struct IssuedKeys: Decodable {
    let key: String
    let previousKeys: [String]

    enum CodingKeys: String, CodingKey {
        case key
        case previousKeys = "previous_keys"
    }
}

/// Signing keys in the Keychain (this device only, readable after the first unlock),
/// refreshed from the app's backend over HTTPS, authenticated as the signed-in user.
final class KeychainSigningKeys: SigningKeySource {
    private let endpoint: URL
    private let sessionToken: () -> String
    private let service = "io.imgsign.example.signing-keys"

    init(endpoint: URL, sessionToken: @escaping () -> String) {
        self.endpoint = endpoint
        self.sessionToken = sessionToken
    }

    /// Asks the backend for the current keys and stores them in the Keychain.
    func refresh() async throws {
        var request = URLRequest(url: endpoint)
        request.setValue("Bearer \(sessionToken())", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw URLError(.userAuthenticationRequired)
        }
        let keys = try JSONDecoder().decode(IssuedKeys.self, from: data)
        try store(keys.key, account: "current")
        try store(keys.previousKeys.joined(separator: "\n"), account: "previous")
    }

    func currentKey() throws -> String? {
        try read(account: "current")
    }

    func previousKeys() throws -> [String] {
        (try read(account: "previous") ?? "").split(separator: "\n").map(String.init)
    }

    private func query(_ account: String) -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service, kSecAttrAccount as String: account]
    }

    private func store(_ value: String, account: String) throws {
        SecItemDelete(query(account) as CFDictionary)
        var item = query(account)
        item[kSecValueData as String] = Data(value.utf8)
        item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else { throw NSError(domain: NSOSStatusErrorDomain, code: Int(status)) }
    }

    private func read(account: String) throws -> String? {
        var q = query(account)
        q[kSecReturnData as String] = true
        q[kSecMatchLimit as String] = kSecMatchLimitOne
        var out: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &out)
        if status == errSecItemNotFound { return nil }
        guard status == errSecSuccess, let data = out as? Data else {
            throw NSError(domain: NSOSStatusErrorDomain, code: Int(status))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
