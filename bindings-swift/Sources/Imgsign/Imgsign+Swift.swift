// Hand-written conveniences on top of the generated bindings (Imgsign.swift and
// ImgsignProviders.swift). They only convert Swift values; every rule (encoding, validation,
// defaults, signing, the list of providers) is in the Rust core. Signer and UrlBuilder are
// immutable, thread-safe classes freed by ARC: there is nothing to close.

import Foundation

// MARK: - Errors

extension ImgsignError {
    /// The stable code (`invalid_key`, `signature_mismatch`, ...), the same in every language.
    public var code: String { errorCode() }

    /// The message naming the field at fault (never a key or secret).
    public var message: String { errorDetail() }
}

// MARK: - Provider names

/// A provider name, with one constant per provider of the core: `.imgix`, `.gumlet`,
/// `.pixta`, `.imageboss`, ... (see `allCases`).
///
/// The constants are generated from the core's own provider list, so they never lag behind
/// the library. `Signer(provider: .pixta, key: key)` and `Signer(provider: "pixta", key: key)`
/// are the same call; any other spelling can be wrapped with `init(rawValue:)`, and the core
/// checks it when a `Signer` or `UrlBuilder` is created.
public struct Provider: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The name as the core spells it, such as `"pixta"`.
    public let rawValue: String

    /// Wraps a provider name as given; the core checks it when it is used.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The provider name, such as `pixta`.
    public var description: String { rawValue }
}

extension Signer {
    /// Creates a signer for a provider constant: `try Signer(provider: .pixta, key: key)`.
    ///
    /// - Parameters:
    ///   - provider: The provider, such as `.pixta`.
    ///   - key: The signing key. It never appears in an error or a printout.
    ///   - previousKeys: Older keys that verification still accepts (key rotation).
    ///   - salt: The salt of a scheme that has one (imgproxy); `previousSalts`, one per
    ///     previous key.
    ///   - options: The scheme's options by name: `["signature_size": 8]` (docs/schemes.md).
    /// - Throws: `ImgsignError` when the core refuses the provider, a secret or an option.
    public convenience init(
        provider: Provider, key: String, previousKeys: [String] = [], salt: String? = nil,
        previousSalts: [String] = [], options: [String: ParamValue] = [:]
    ) throws {
        try self.init(
            provider: provider.rawValue, key: key, previousKeys: previousKeys, salt: salt,
            previousSalts: previousSalts, options: options)
    }
}

extension Signer {
    /// Creates a signer whose key and previous keys (still accepted while keys rotate) come
    /// from suppliers, called once here: a key your app fetched from its own backend and
    /// keeps in the Keychain, never a literal compiled into the app (docs/mobile-keys.md).
    ///
    ///     let signer = try Signer(provider: .imgix, keySupplier: { try keychain.signingKey() })
    ///
    /// - Throws: what a supplier throws, or `ImgsignError` when the core refuses a key.
    public convenience init(
        provider: Provider, keySupplier: () throws -> String, previousKeys: () throws -> [String] = { [] }
    ) throws {
        let key = try keySupplier()
        let previous = try previousKeys()
        try self.init(provider: provider.rawValue, key: key, previousKeys: previous)
    }
}

extension UrlBuilder {
    /// Creates a builder whose signing key comes from a supplier, called once here (the
    /// Keychain, filled by your app's backend; see docs/mobile-keys.md). A supplier returning
    /// `nil` builds unsigned URLs. Every option left `nil` takes the core's default.
    ///
    ///     let builder = try UrlBuilder(
    ///         domain: "demo.imgix.net", provider: .imgix, keySupplier: { try keychain.signingKey() },
    ///         profile: "imgix-swift")
    ///
    /// - Throws: what the supplier throws, or `ImgsignError` as the other initializers.
    public convenience init(
        domain: String, provider: Provider, keySupplier: () throws -> String?, profile: String? = nil,
        useHttps: Bool? = nil, includeLibraryParam: Bool? = nil, disablePathEncoding: Bool? = nil
    ) throws {
        let key = try keySupplier()
        try self.init(
            domain: domain, provider: provider.rawValue, key: key, profile: profile, useHttps: useHttps,
            includeLibraryParam: includeLibraryParam, disablePathEncoding: disablePathEncoding)
    }

    /// Creates a builder for `domain` with a provider constant:
    /// `try UrlBuilder(domain: "demo.imgix.net", provider: .imgix, key: key)`.
    ///
    /// Every option left `nil` takes the core's default, as in the `String` initializer.
    /// - Throws: `ImgsignError` when the core refuses the domain, provider, key or profile.
    public convenience init(
        domain: String, provider: Provider, key: String? = nil, profile: String? = nil,
        useHttps: Bool? = nil, includeLibraryParam: Bool? = nil, disablePathEncoding: Bool? = nil,
        salt: String? = nil, options: [String: ParamValue] = [:]
    ) throws {
        try self.init(
            domain: domain, provider: provider.rawValue, key: key, profile: profile, useHttps: useHttps,
            includeLibraryParam: includeLibraryParam, disablePathEncoding: disablePathEncoding, salt: salt,
            options: options)
    }
}

// MARK: - Foundation URL

/// The core's URL as a Foundation `URL`, byte for byte. A URL that Foundation would change
/// (for instance by percent-encoding a character that path encoding was told to keep) is an
/// error, never a silently different URL: its signature would not match.
private func foundationURL(_ string: String) throws -> URL {
    guard let url = URL(string: string), url.absoluteString == string else {
        throw ImgsignError.InvalidUrl(
            detail: "url: Foundation's URL cannot hold this URL unchanged; use the String overload")
    }
    return url
}

extension Signer {
    /// Signs a Foundation `URL` as given, replacing any existing signature.
    ///
    /// The `String` overload with `url.absoluteString` in and a `URL` out.
    /// - Throws: `ImgsignError`, as the `String` overload.
    public func signUrl(url: URL) throws -> URL {
        try foundationURL(signUrl(url: url.absoluteString))
    }

    /// Signs a Foundation `URL` with an `expires` param set to `expiresAt` (UNIX seconds).
    /// - Throws: `ImgsignError`, as the `String` overload.
    public func signUrlExpiring(url: URL, expiresAt: Int64) throws -> URL {
        try foundationURL(signUrlExpiring(url: url.absoluteString, expiresAt: expiresAt))
    }

    /// Signs a Foundation `URL` that expires `seconds` after `now` (the system clock when `nil`).
    /// - Throws: `ImgsignError`, as the `String` overload.
    public func signUrlExpiringIn(url: URL, seconds: Int64, now: Int64? = nil) throws -> URL {
        try foundationURL(signUrlExpiringIn(url: url.absoluteString, seconds: seconds, now: now))
    }

    /// Signs many Foundation `URL`s in one crossing; fails on the first bad URL, naming its index.
    /// - Throws: `ImgsignError`, as the `String` overload.
    public func signUrls(urls: [URL]) throws -> [URL] {
        let strings: [String] = urls.map { $0.absoluteString }
        return try signUrls(urls: strings).map { try foundationURL($0) }
    }

    /// Verifies a signed Foundation `URL` against the key and previous keys, and its `expires`
    /// against `now` (the system clock when `nil`).
    /// - Throws: `ImgsignError` naming the failing check (`signature_mismatch`, `expired`, ...).
    public func verifyUrl(url: URL, now: Int64? = nil) throws {
        try verifyUrl(url: url.absoluteString, now: now)
    }
}

extension UrlBuilder {
    /// Builds (and signs) the URL for `path` as a Foundation `URL`, ready for
    /// `AsyncImage(url:)` or `URLSession`: `try builder.url(path: "/a.jpg", params: params)`.
    /// - Throws: `ImgsignError`, as `buildUrl(path:params:)`.
    public func url(path: String, params: [Param] = []) throws -> URL {
        try foundationURL(buildUrl(path: path, params: params))
    }

    /// Builds (and signs) the URL for `path` as a Foundation `URL`, with params written as a
    /// literal: `try builder.url(path: "/a.jpg", params: ["w": 400, "fit": "crop"])`.
    /// - Throws: `ImgsignError`, as `buildUrl(path:params:)`.
    public func url(path: String, params: KeyValuePairs<String, ParamValue>) throws -> URL {
        try foundationURL(buildUrl(path: path, params: params))
    }

    /// Merges `params` into the query of `original` (an image URL your API returned; new values
    /// win) and writes and signs it again, keeping its scheme, host and port: the image sized
    /// for this device, ready for `AsyncImage(url:)`.
    ///
    ///     let url = try builder.url(reconstructing: apiURL, params: ["w": 390, "dpr": 3])
    ///
    /// - Throws: `ImgsignError`, as `reconstruct(originalUrl:params:)`.
    public func url(reconstructing original: URL, params: KeyValuePairs<String, ParamValue>) throws -> URL {
        try foundationURL(reconstruct(originalUrl: original.absoluteString, params: [Param].of(params)))
    }

    /// Builds many URLs in one crossing, as Foundation `URL`s; fails on the first bad item,
    /// naming its index.
    /// - Throws: `ImgsignError`, as `buildUrls(items:)`.
    public func urls(items: [UrlItem]) throws -> [URL] {
        try buildUrls(items: items).map { try foundationURL($0) }
    }
}

// MARK: - Params

/// Literals as param values: `["w": 400, "fit": "crop", "dpr": 1.5, "flip": true, "x": nil]`.
extension ParamValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    /// A string literal as a string value: `"crop"`.
    public init(stringLiteral value: String) { self = .str(value: value) }
    /// An integer literal as an integer value: `400`.
    public init(integerLiteral value: Int64) { self = .int(value: value) }
    /// A float literal as a float value: `1.5`.
    public init(floatLiteral value: Double) { self = .float(value: value) }
    /// A boolean literal as a boolean value: `true`.
    public init(booleanLiteral value: Bool) { self = .bool(value: value) }
    /// `nil` as no value: the param is dropped.
    public init(nilLiteral: ()) { self = .null }
}

extension Array where Element == Param {
    /// Params in the literal's order: `[Param].of(["w": 400, "fit": "crop"])`.
    public static func of(_ pairs: KeyValuePairs<String, ParamValue>) -> [Param] {
        pairs.map { Param(key: $0.key, value: $0.value) }
    }
}

extension UrlBuilder {
    /// Builds (and signs) the URL for `path` with params written as a literal;
    /// `disablePathEncoding` given here wins over the builder's.
    public func buildUrl(
        path: String, params: KeyValuePairs<String, ParamValue>, disablePathEncoding: Bool? = nil
    ) throws -> String {
        try buildUrl(path: path, params: [Param].of(params), disablePathEncoding: disablePathEncoding)
    }

    /// Merges params written as a literal into the query of `originalUrl` and writes and signs
    /// it again (see `reconstruct(originalUrl:params:)`).
    public func reconstruct(originalUrl: String, params: KeyValuePairs<String, ParamValue>) throws -> String {
        try reconstruct(originalUrl: originalUrl, params: [Param].of(params))
    }

    /// Builds a srcset for `path` with params written as a literal.
    public func buildSrcset(
        path: String, params: KeyValuePairs<String, ParamValue>, options: SrcsetOptions = SrcsetOptions()
    ) throws -> String {
        try buildSrcset(path: path, params: [Param].of(params), options: options)
    }
}

// MARK: - Headers

/// Headers from `(name, value)` pairs, repeated names kept.
public func headers(_ pairs: [(String, String)]) -> [Header] {
    pairs.map { Header(name: $0.0, value: $0.1) }
}

/// A header value may be a secret (a bearer token, a basic-auth password, an origin secret),
/// so no printout shows it. `description` and `debugDescription` come from the core
/// (`Header(Authorization: <redacted>)`: the name only when it is a header imgsign reads, the
/// value never); `dump`, `Mirror` and test failure messages show that text and no stored
/// field. Read `value` when you need it.
extension Header: CustomReflectable {
    /// What `dump` and reflection see: no field, so only the core's redacted description.
    public var customMirror: Mirror {
        Mirror(self, children: [Mirror.Child](), displayStyle: .struct)
    }
}
