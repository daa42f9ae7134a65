// Hand-written conveniences on top of the generated bindings (Imgsign.swift). They only
// convert Swift values; every rule (encoding, validation, defaults, signing) is in the Rust
// core. Signer and UrlBuilder are immutable, thread-safe classes freed by ARC: there is
// nothing to close.

extension ImgsignError {
    /// The stable code (`invalid_key`, `signature_mismatch`, ...), the same in every language.
    public var code: String { errorCode() }

    /// The message naming the field at fault (never a key or secret).
    public var message: String { errorDetail() }
}

/// Literals as param values: `["w": 400, "fit": "crop", "dpr": 1.5, "flip": true, "x": nil]`.
extension ParamValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .str(value: value) }
    public init(integerLiteral value: Int64) { self = .int(value: value) }
    public init(floatLiteral value: Double) { self = .float(value: value) }
    public init(booleanLiteral value: Bool) { self = .bool(value: value) }
    public init(nilLiteral: ()) { self = .null }
}

extension Array where Element == Param {
    /// Params in the literal's order: `[Param].of(["w": 400, "fit": "crop"])`.
    public static func of(_ pairs: KeyValuePairs<String, ParamValue>) -> [Param] {
        pairs.map { Param(key: $0.key, value: $0.value) }
    }
}

extension UrlBuilder {
    /// Builds (and signs) the URL for `path` with params written as a literal.
    public func buildUrl(path: String, params: KeyValuePairs<String, ParamValue>) throws -> String {
        try buildUrl(path: path, params: [Param].of(params))
    }

    /// Builds a srcset for `path` with params written as a literal.
    public func buildSrcset(
        path: String, params: KeyValuePairs<String, ParamValue>, options: SrcsetOptions = SrcsetOptions()
    ) throws -> String {
        try buildSrcset(path: path, params: [Param].of(params), options: options)
    }
}

/// Headers from `(name, value)` pairs, repeated names kept.
public func headers(_ pairs: [(String, String)]) -> [Header] {
    pairs.map { Header(name: $0.0, value: $0.1) }
}
