import Foundation
import XCTest

@testable import Imgsign

// Runs every vector of conformance/vectors.json through the Swift API.
//
// The file is decoded with Codable types and JSONDecoder, never through JSONSerialization or
// NSNumber: on Linux, JSONSerialization hands out NSDecimalNumber, whose doubleValue is one
// ulp off for some doubles (0.30000000000000004). JSONDecoder parses a number's text straight
// into Int64 or Double on every platform.

struct VectorError: Error, CustomStringConvertible {
    let description: String
}

/// conformance/vectors.json: `IMGSIGN_VECTORS` when set, else the first folder up from this
/// source file (then from the working directory) that holds `conformance/vectors.json`. This
/// works for the package in bindings-swift/ and for the one at the repository root.
func vectorsURL() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["IMGSIGN_VECTORS"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let starts = [
        URL(fileURLWithPath: #filePath).deletingLastPathComponent(),
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
    ]
    for start in starts {
        var dir = start
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("conformance").appendingPathComponent("vectors.json")
            if FileManager.default.fileExists(atPath: candidate.path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
    }
    throw VectorError(description: "conformance/vectors.json not found above \(#filePath); set IMGSIGN_VECTORS")
}

// MARK: - JSON values

/// One JSON scalar of a param value. JSONDecoder does not say whether a number was written
/// `2` or `2.0`: a number that fits Int64 exactly is taken as an integer, except `-0.0`, and
/// everything else as a Double. The core writes an integral float like the integer (vector
/// `build-params-values-float`), so both readings give the same URL.
enum JSONScalar: Decodable {
    case null
    case bool(Bool)
    case string(String)
    case int(Int64)
    case double(Double)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let d = try? c.decode(Double.self), d == 0, d.sign == .minus {
            self = .double(d)
        } else if let i = try? c.decode(Int64.self) {
            self = .int(i)
        } else {
            self = .double(try c.decode(Double.self))
        }
    }

    var paramValue: ParamValue {
        switch self {
        case .null: return .null
        case let .bool(b): return .bool(value: b)
        case let .string(s): return .str(value: s)
        case let .int(i): return .int(value: i)
        case let .double(d): return .float(value: d)
        }
    }
}

/// A two-element JSON array: `[key, value]` of a param, `[name, value]` of a header,
/// `[ratio, quality]` of a variable quality.
struct Pair<First: Decodable, Second: Decodable>: Decodable {
    let first: First
    let second: Second

    init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        first = try c.decode(First.self)
        second = try c.decode(Second.self)
        guard c.isAtEnd else { throw VectorError(description: "a list of more than two items where a pair goes") }
    }
}

typealias ParamPair = Pair<String, JSONScalar>
typealias HeaderPair = Pair<String, String>

extension Array where Element == ParamPair {
    var asParams: [Param] { map { Param(key: $0.first, value: $0.second.paramValue) } }
}

extension Array where Element == HeaderPair {
    var asHeaders: [Header] { map { Header(name: $0.first, value: $0.second) } }
}

/// A JSON object of named values (`options`, `values`) as the API takes them.
typealias NamedValues = [String: JSONScalar]

extension Dictionary where Key == String, Value == JSONScalar {
    var asNamed: [String: ParamValue] { mapValues { $0.paramValue } }
}

/// The secrets and options every signer vector carries (`sign_*` vectors have no previous
/// keys or salts).
struct SignerFields: Decodable {
    let provider: String
    let key: String
    let previousKeys: [String]?
    let salt: String?
    let previousSalts: [String]?
    let options: NamedValues

    enum CodingKeys: String, CodingKey {
        case provider, key, salt, options
        case previousKeys = "previous_keys"
        case previousSalts = "previous_salts"
    }

    func signer() throws -> Signer {
        try Signer(
            provider: provider, key: key, previousKeys: previousKeys ?? [], salt: salt,
            previousSalts: previousSalts ?? [], options: options.asNamed)
    }
}

// MARK: - Inputs, one type per kind (fields as vectors.json spells them)

struct SignUrlInput: Decodable {
    let url: String
    let expires: Int64?
    let values: NamedValues
}

struct VerifyUrlInput: Decodable {
    let url: String
    let now: Int64
    let values: NamedValues
}

struct VerifyTargetInput: Decodable {
    let target: String
    let now: Int64
    let values: NamedValues
}

struct VerifyTamperedInput: Decodable {
    let url: String
    let now: Int64
    let values: NamedValues
    /// `[from, to)` byte ranges of `url` whose every byte, changed, must fail verification.
    let ranges: [[Int]]
    /// The codes each changed byte may fail with.
    let codes: [String]
}

struct SignTokenInput: Decodable {
    let expires: Int64?
    let values: NamedValues
}

struct VerifyTokenInput: Decodable {
    let token: String
    let now: Int64
    let values: NamedValues
}

struct BuilderInput: Decodable {
    let domain: String
    let provider: String?
    let key: String?
    let salt: String?
    let options: NamedValues
    let profile: String?
    let useHttps: Bool?
    let includeLibraryParam: Bool?
    let disablePathEncoding: Bool?
    let path: String
    let params: [ParamPair]
    /// This call's `disable_path_encoding` (absent or null: the builder's).
    let callDisablePathEncoding: Bool?

    enum CodingKeys: String, CodingKey {
        case domain, provider, key, salt, options, profile, path, params
        case useHttps = "use_https"
        case includeLibraryParam = "include_library_param"
        case disablePathEncoding = "disable_path_encoding"
        case callDisablePathEncoding = "call_disable_path_encoding"
    }

    func builder() throws -> UrlBuilder {
        try UrlBuilder(
            domain: domain, provider: provider, key: key, profile: profile, useHttps: useHttps,
            includeLibraryParam: includeLibraryParam, disablePathEncoding: disablePathEncoding, salt: salt,
            options: options.asNamed)
    }
}

/// The builder fields of `build_url` (without params), a decoded path and a query.
struct RequestTargetInput: Decodable {
    let domain: String
    let provider: String?
    let key: String?
    let salt: String?
    let options: NamedValues
    let profile: String?
    let useHttps: Bool?
    let includeLibraryParam: Bool?
    let disablePathEncoding: Bool?
    let path: String
    let query: String

    enum CodingKeys: String, CodingKey {
        case domain, provider, key, salt, options, profile, path, query
        case useHttps = "use_https"
        case includeLibraryParam = "include_library_param"
        case disablePathEncoding = "disable_path_encoding"
    }

    func builder() throws -> UrlBuilder {
        try UrlBuilder(
            domain: domain, provider: provider, key: key, profile: profile, useHttps: useHttps,
            includeLibraryParam: includeLibraryParam, disablePathEncoding: disablePathEncoding, salt: salt,
            options: options.asNamed)
    }
}

struct SrcsetInput: Decodable {
    let widths: [Double]?
    let minWidth: Double?
    let maxWidth: Double?
    let tolerance: Double?
    let devicePixelRatios: [Double]?
    let variableQualities: [Pair<Double, Int64>]?
    let disableVariableQuality: Bool?
    let callDisablePathEncoding: Bool?

    enum CodingKeys: String, CodingKey {
        case widths, tolerance
        case minWidth = "min_width"
        case maxWidth = "max_width"
        case devicePixelRatios = "device_pixel_ratios"
        case variableQualities = "variable_qualities"
        case disableVariableQuality = "disable_variable_quality"
        case callDisablePathEncoding = "call_disable_path_encoding"
    }

    var options: SrcsetOptions {
        SrcsetOptions(
            widths: widths, minWidth: minWidth, maxWidth: maxWidth, tolerance: tolerance,
            devicePixelRatios: devicePixelRatios, variableQualities: variableQualities?.map { VariableQuality(ratio: $0.first, quality: $0.second) },
            disableVariableQuality: disableVariableQuality, disablePathEncoding: callDisablePathEncoding)
    }
}

struct ProfileDefaultsInput: Decodable {
    let profile: String
}

/// One profile's defaults as the vectors write them (snake_case fields).
struct ProfileDefaultsFields: Decodable, Equatable {
    let profile: String
    let minWidth: Int64?
    let maxWidth: Int64?
    let tolerance: Double?
    let libraryParam: String
    let libraryVersion: String
    let includeLibraryParam: Bool

    enum CodingKeys: String, CodingKey {
        case profile, tolerance
        case minWidth = "min_width"
        case maxWidth = "max_width"
        case libraryParam = "library_param"
        case libraryVersion = "library_version"
        case includeLibraryParam = "include_library_param"
    }

    init(_ d: ProfileDefaults) {
        profile = d.profile
        minWidth = d.minWidth
        maxWidth = d.maxWidth
        tolerance = d.tolerance
        libraryParam = d.libraryParam
        libraryVersion = d.libraryVersion
        includeLibraryParam = d.includeLibraryParam
    }
}

struct TargetWidthsInput: Decodable {
    let minWidth: Double?
    let maxWidth: Double?
    let tolerance: Double?
    /// Absent or null: canonical.
    let profile: String?

    enum CodingKeys: String, CodingKey {
        case tolerance, profile
        case minWidth = "min_width"
        case maxWidth = "max_width"
    }
}

/// A `reconstruct` vector: the builder's options, the URL an API returned and new params.
struct ReconstructInput: Decodable {
    let domain: String
    let provider: String?
    let key: String?
    let salt: String?
    let options: NamedValues
    let profile: String?
    let useHttps: Bool?
    let includeLibraryParam: Bool?
    let disablePathEncoding: Bool?
    let originalUrl: String
    let params: [ParamPair]

    enum CodingKeys: String, CodingKey {
        case domain, provider, key, salt, options, profile, params
        case useHttps = "use_https"
        case includeLibraryParam = "include_library_param"
        case disablePathEncoding = "disable_path_encoding"
        case originalUrl = "original_url"
    }

    func builder() throws -> UrlBuilder {
        try UrlBuilder(
            domain: domain, provider: provider, key: key, profile: profile, useHttps: useHttps,
            includeLibraryParam: includeLibraryParam, disablePathEncoding: disablePathEncoding, salt: salt,
            options: options.asNamed)
    }
}

struct SignOriginInput: Decodable {
    let key: String
    let requestId: String
    let timestamp: Int64

    enum CodingKeys: String, CodingKey {
        case key, timestamp
        case requestId = "request_id"
    }
}

struct VerifyOriginInput: Decodable {
    let key: String
    let headers: [HeaderPair]
    let now: Int64?
    let tolerance: Int64?
}

struct BasicAuthInput: Decodable {
    let username: String
    let password: String
    let headers: [HeaderPair]
}

struct OriginSecretInput: Decodable {
    let secret: String
    let headers: [HeaderPair]
}

/// One source of a `sources` vector (null fields: not given).
struct SourceFields: Decodable {
    let name: String
    let domain: String
    let pathPrefix: String?
    let provider: String?
    let key: String?
    let previousKeys: [String]
    let salt: String?
    let previousSalts: [String]
    let options: NamedValues
    let profile: String?
    let useHttps: Bool?
    let includeLibraryParam: Bool?
    let disablePathEncoding: Bool?

    enum CodingKeys: String, CodingKey {
        case name, domain, provider, key, salt, options, profile
        case pathPrefix = "path_prefix"
        case previousKeys = "previous_keys"
        case previousSalts = "previous_salts"
        case useHttps = "use_https"
        case includeLibraryParam = "include_library_param"
        case disablePathEncoding = "disable_path_encoding"
    }

    func spec() throws -> SourceSpec {
        try SourceSpec(
            name: name, domain: domain, pathPrefix: pathPrefix, provider: provider, key: key,
            previousKeys: previousKeys, salt: salt, previousSalts: previousSalts, options: options.asNamed,
            profile: profile, useHttps: useHttps, includeLibraryParam: includeLibraryParam,
            disablePathEncoding: disablePathEncoding)
    }
}

/// A set of sources and one call on it.
struct SourcesInput: Decodable {
    let sources: [SourceFields]
    let op: String
    let url: String?
    let target: String?
    let host: String?
    let name: String?
    let path: String?
    let params: [ParamPair]
    let urls: [String]?
    let expires: Int64?
    let expiresIn: Int64?
    let now: Int64?

    enum CodingKeys: String, CodingKey {
        case sources, op, url, target, host, name, path, params, urls, expires, now
        case expiresIn = "expires_in"
    }

    func field(_ value: String?, _ label: String) throws -> String {
        guard let value = value else { throw VectorError(description: "sources: no \(label) for \(op)") }
        return value
    }

    func run() throws -> Outcome {
        let sourceSet = try Sources(sources: sources.map { try $0.spec() })
        switch op {
        case "sign_url":
            if let expires = expires {
                return .string(try sourceSet.signUrl(url: try field(url, "url"), expires: expires))
            }
            return .string(try sourceSet.signUrl(url: try field(url, "url")))
        case "sign_urls":
            guard let urls = urls else { throw VectorError(description: "sources: no urls for \(op)") }
            return .strings(try sourceSet.signUrls(urls: urls, expires: expires, expiresIn: expiresIn, now: now))
        case "verify_url":
            try sourceSet.verifyUrl(url: try field(url, "url"), now: now)
            return .valid
        case "verify":
            try sourceSet.verify(target: try field(target, "target"), host: try field(host, "host"), now: now)
            return .valid
        case "build_url":
            let builder = try sourceSet.source(name: try field(name, "name"))
            return .string(try builder.buildUrl(path: try field(path, "path"), params: params.asParams))
        default:
            throw VectorError(description: "sources: unknown op '\(op)'")
        }
    }
}

/// A wrong-typed or ill-formed argument of an operation.
struct ArgumentErrorInput: Decodable {
    let operation: String
    let argument: String
    let problem: String
}

enum VectorInput {
    case signUrl(SignerFields, SignUrlInput)
    case verifyUrl(SignerFields, VerifyUrlInput)
    case verifyTarget(SignerFields, VerifyTargetInput)
    case verifyTampered(SignerFields, VerifyTamperedInput)
    case signToken(SignerFields, SignTokenInput)
    case verifyToken(SignerFields, VerifyTokenInput)
    case buildUrl(BuilderInput)
    case buildSrcset(BuilderInput, SrcsetInput)
    case requestTarget(RequestTargetInput)
    case targetWidths(TargetWidthsInput)
    case reconstruct(ReconstructInput)
    case signOriginRequest(SignOriginInput)
    case verifyOriginRequest(VerifyOriginInput)
    case verifyBasicAuth(BasicAuthInput)
    case verifyOriginSecret(OriginSecretInput)
    case argumentError(ArgumentErrorInput)
    case sources(SourcesInput)
    case profileDefaults(ProfileDefaultsInput)
    /// A kind this runner does not know: running it fails.
    case unknownKind(String)
    /// An input this runner cannot decode: running it fails with the decoding error.
    case undecodable(String)
}

/// What a vector produces: a URL/srcset/header string, a width list, or "valid".
enum Outcome: Decodable, Equatable, CustomStringConvertible {
    case valid
    case string(String)
    case strings([String])
    case widths([Int64])
    case profileDefaults(ProfileDefaultsFields)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .valid
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let s = try? c.decode([String].self) {
            // An empty list is a batch of no URLs (no vector expects no widths).
            self = .strings(s)
        } else if let d = try? c.decode(ProfileDefaultsFields.self) {
            self = .profileDefaults(d)
        } else {
            self = .widths(try c.decode([Int64].self))
        }
    }

    var description: String {
        switch self {
        case .valid: return "valid"
        case let .string(s): return s
        case let .strings(s): return "\(s)"
        case let .widths(w): return "\(w)"
        case let .profileDefaults(d): return "\(d)"
        }
    }
}

struct Vector: Decodable {
    let id: String
    let kind: String
    let input: VectorInput
    /// nil when the vector has no `expected` key (it then has an `error`).
    let expected: Outcome?
    let error: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, input, expected, error
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(String.self, forKey: .kind)
        if !c.contains(.expected) {
            expected = nil
        } else if try c.decodeNil(forKey: .expected) {
            expected = .valid
        } else {
            expected = try c.decode(Outcome.self, forKey: .expected)
        }
        error = try c.decodeIfPresent(String.self, forKey: .error)
        input = Vector.decodeInput(kind, c)
    }

    /// The input as the type of its kind; an unknown kind or an undecodable input is kept as
    /// such, so that this vector fails alone and every other vector still runs.
    private static func decodeInput(_ kind: String, _ c: KeyedDecodingContainer<CodingKeys>) -> VectorInput {
        do {
            switch kind {
            case "sign_url":
                return .signUrl(
                    try c.decode(SignerFields.self, forKey: .input), try c.decode(SignUrlInput.self, forKey: .input))
            case "verify_url":
                return .verifyUrl(
                    try c.decode(SignerFields.self, forKey: .input), try c.decode(VerifyUrlInput.self, forKey: .input))
            case "verify":
                return .verifyTarget(
                    try c.decode(SignerFields.self, forKey: .input),
                    try c.decode(VerifyTargetInput.self, forKey: .input))
            case "verify_tampered":
                return .verifyTampered(
                    try c.decode(SignerFields.self, forKey: .input),
                    try c.decode(VerifyTamperedInput.self, forKey: .input))
            case "sign_token":
                return .signToken(
                    try c.decode(SignerFields.self, forKey: .input), try c.decode(SignTokenInput.self, forKey: .input))
            case "verify_token":
                return .verifyToken(
                    try c.decode(SignerFields.self, forKey: .input),
                    try c.decode(VerifyTokenInput.self, forKey: .input))
            case "build_url": return .buildUrl(try c.decode(BuilderInput.self, forKey: .input))
            case "build_srcset":
                let builder = try c.decode(BuilderInput.self, forKey: .input)
                return .buildSrcset(builder, try c.decode(SrcsetInput.self, forKey: .input))
            case "request_target": return .requestTarget(try c.decode(RequestTargetInput.self, forKey: .input))
            case "target_widths": return .targetWidths(try c.decode(TargetWidthsInput.self, forKey: .input))
            case "reconstruct": return .reconstruct(try c.decode(ReconstructInput.self, forKey: .input))
            case "sign_origin_request": return .signOriginRequest(try c.decode(SignOriginInput.self, forKey: .input))
            case "verify_origin_request":
                return .verifyOriginRequest(try c.decode(VerifyOriginInput.self, forKey: .input))
            case "verify_basic_auth": return .verifyBasicAuth(try c.decode(BasicAuthInput.self, forKey: .input))
            case "verify_origin_secret":
                return .verifyOriginSecret(try c.decode(OriginSecretInput.self, forKey: .input))
            case "argument_error": return .argumentError(try c.decode(ArgumentErrorInput.self, forKey: .input))
            case "sources": return .sources(try c.decode(SourcesInput.self, forKey: .input))
            case "profile_defaults": return .profileDefaults(try c.decode(ProfileDefaultsInput.self, forKey: .input))
            default: return .unknownKind(kind)
            }
        } catch {
            return .undecodable("\(error)")
        }
    }
}

struct VectorFile: Decodable {
    let schemaVersion: Int
    let vectors: [Vector]

    enum CodingKeys: String, CodingKey {
        case vectors
        case schemaVersion = "schema_version"
    }
}

/// Runs one vector through the Swift API.
func runVector(_ v: Vector) throws -> Outcome {
    switch v.input {
    case let .signUrl(f, i):
        let s = try f.signer()
        if !i.values.isEmpty {
            return .string(try s.signUrl(url: i.url, expires: i.expires, values: i.values.asNamed))
        }
        if let expires = i.expires {
            return .string(try s.signUrlExpiring(url: i.url, expiresAt: expires))
        }
        return .string(try s.signUrl(url: i.url))
    case let .verifyUrl(f, i):
        try f.signer().verifyUrl(url: i.url, now: i.now, values: i.values.asNamed)
        return .valid
    case let .verifyTarget(f, i):
        try f.signer().verify(target: i.target, now: i.now, values: i.values.asNamed)
        return .valid
    case let .verifyTampered(f, i):
        let s = try f.signer()
        try s.verifyUrl(url: i.url, now: i.now, values: i.values.asNamed)
        let bytes = Array(i.url.utf8)
        for range in i.ranges {
            guard range.count == 2, range[0] >= 0, range[0] <= range[1], range[1] <= bytes.count else {
                throw VectorError(description: "verify_tampered: bad range \(range)")
            }
            for at in range[0]..<range[1] {
                // The byte changed: `a` becomes `b`, anything else `a` (the URLs are ASCII).
                var changed = bytes
                changed[at] = changed[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
                let text = String(decoding: changed, as: UTF8.self)
                do {
                    try s.verifyUrl(url: text, now: i.now, values: i.values.asNamed)
                } catch let e as ImgsignError {
                    guard i.codes.contains(e.code) else {
                        throw VectorError(description: "byte \(at) changed: \(e.code), expected one of \(i.codes)")
                    }
                    continue
                }
                throw VectorError(description: "byte \(at) changed, the URL still verifies: \(text)")
            }
        }
        return .valid
    case let .signToken(f, i):
        return .string(try f.signer().signToken(expires: i.expires, values: i.values.asNamed))
    case let .verifyToken(f, i):
        try f.signer().verifyToken(token: i.token, now: i.now, values: i.values.asNamed)
        return .valid
    case let .buildUrl(i):
        return .string(
            try i.builder().buildUrl(
                path: i.path, params: i.params.asParams, disablePathEncoding: i.callDisablePathEncoding))
    case let .buildSrcset(i, o):
        return .string(try i.builder().buildSrcset(path: i.path, params: i.params.asParams, options: o.options))
    case let .requestTarget(i):
        return .string(try i.builder().requestTarget(path: i.path, query: i.query))
    case let .targetWidths(i):
        return .widths(
            try targetWidths(minWidth: i.minWidth, maxWidth: i.maxWidth, tolerance: i.tolerance, profile: i.profile))
    case let .reconstruct(i):
        return .string(try i.builder().reconstruct(originalUrl: i.originalUrl, params: i.params.asParams))
    case let .signOriginRequest(i):
        return .string(try signOriginRequest(key: i.key, requestId: i.requestId, timestamp: i.timestamp))
    case let .verifyOriginRequest(i):
        try verifyOriginRequest(key: i.key, headers: i.headers.asHeaders, now: i.now, tolerance: i.tolerance)
        return .valid
    case let .verifyBasicAuth(i):
        try verifyBasicAuth(username: i.username, password: i.password, headers: i.headers.asHeaders)
        return .valid
    case let .verifyOriginSecret(i):
        try verifyOriginSecret(secret: i.secret, headers: i.headers.asHeaders)
        return .valid
    case let .sources(i):
        return try i.run()
    case let .profileDefaults(i):
        let found = profileDefaults().filter { $0.profile == i.profile }
        guard found.count == 1 else {
            throw VectorError(description: "\(found.count) profileDefaults entries for '\(i.profile)'")
        }
        return .profileDefaults(ProfileDefaultsFields(found[0]))
    case let .argumentError(i):
        // Swift's types rule out a wrong-typed argument and a String holds no lone surrogate:
        // what a Swift caller relies on is the core's rule, as the package exposes it.
        guard ["wrong_type", "ill_formed_string"].contains(i.problem) else {
            throw VectorError(description: "argument_error: unknown problem '\(i.problem)'")
        }
        guard let code = argumentErrorCode(operation: i.operation, argument: i.argument),
            let error = argumentTypeError(
                operation: i.operation, argument: i.argument, expected: "its type", got: "another"),
            error.code == code
        else {
            throw VectorError(
                description: "argument_error: unknown operation '\(i.operation)', or the core's two answers disagree")
        }
        throw error
    case let .unknownKind(kind):
        throw VectorError(description: "unknown vector kind '\(kind)': the Swift runner must know every kind")
    case let .undecodable(why):
        throw VectorError(description: "input not decodable by the Swift runner: \(why)")
    }
}

func decodeVector(_ json: String) throws -> Vector {
    try JSONDecoder().decode(Vector.self, from: Data(json.utf8))
}

final class ConformanceTests: XCTestCase {
    func testEveryVector() throws {
        let data = try Data(contentsOf: try vectorsURL())
        let file = try JSONDecoder().decode(VectorFile.self, from: data)
        XCTAssertEqual(file.schemaVersion, 1)
        XCTAssertGreaterThan(file.vectors.count, 1000)
        var passed = 0
        for v in file.vectors {
            XCTAssertTrue((v.expected != nil) != (v.error != nil), "\(v.id): exactly one of expected/error")
            do {
                let got = try runVector(v)
                if let want = v.error {
                    XCTFail("\(v.id): expected error \(want), got \(got)")
                } else if got == v.expected {
                    passed += 1
                } else {
                    XCTFail("\(v.id): expected \(v.expected.map { "\($0)" } ?? "-"), got \(got)")
                }
            } catch let e as ImgsignError {
                if let want = v.error, want == e.code {
                    passed += 1
                } else {
                    XCTFail("\(v.id): unexpected error \(e.code): \(e.message) (wanted \(v.error ?? "success"))")
                }
            } catch {
                XCTFail("\(v.id): \(error)")
            }
        }
        XCTAssertEqual(passed, file.vectors.count)
        print("conformance: \(passed)/\(file.vectors.count) vectors passed")
    }

    func testUnknownKindFails() throws {
        let v = try decodeVector(#"{"id": "x", "kind": "no_such_kind", "input": {}, "expected": null}"#)
        XCTAssertThrowsError(try runVector(v)) { e in
            XCTAssertTrue("\(e)".contains("no_such_kind"))
        }
    }

    func testUndecodableInputFails() throws {
        let v = try decodeVector(#"{"id": "x", "kind": "sign_url", "input": {"url": 1}, "expected": "u"}"#)
        XCTAssertThrowsError(try runVector(v)) { e in
            XCTAssertTrue(e is VectorError)
        }
    }

    /// The Linux regression: 0.30000000000000004 must reach the core bit for bit, and JSON
    /// types must map to the right ParamValue cases.
    func testParamValuesDecodeExactly() throws {
        let json = #"[["a", 1], ["b", 0.30000000000000004], ["c", -0.0], ["d", true], ["e", null], ["f", "1"], ["g", 1e+21]]"#
        let pairs = try JSONDecoder().decode([ParamPair].self, from: Data(json.utf8)).asParams
        XCTAssertEqual(pairs.map { $0.key }, ["a", "b", "c", "d", "e", "f", "g"])
        XCTAssertEqual(pairs[0].value, .int(value: 1))
        guard case let .float(b) = pairs[1].value else { return XCTFail("b is not a float: \(pairs[1].value)") }
        XCTAssertEqual(b.bitPattern, Double("0.30000000000000004")!.bitPattern)
        guard case let .float(c) = pairs[2].value else { return XCTFail("c is not a float: \(pairs[2].value)") }
        XCTAssertEqual(c.sign, .minus)
        XCTAssertEqual(pairs[3].value, .bool(value: true))
        XCTAssertEqual(pairs[4].value, .null)
        XCTAssertEqual(pairs[5].value, .str(value: "1"))
        XCTAssertEqual(pairs[6].value, .float(value: 1e21))
    }

    func testOutcomeKeepsMissingAndNullApart() throws {
        XCTAssertNil(try decodeVector(#"{"id": "x", "kind": "k", "input": {}, "error": "expired"}"#).expected)
        XCTAssertEqual(try decodeVector(#"{"id": "x", "kind": "k", "input": {}, "expected": null}"#).expected, .valid)
        XCTAssertEqual(
            try decodeVector(#"{"id": "x", "kind": "k", "input": {}, "expected": [100, 116]}"#).expected,
            .widths([100, 116]))
    }
}
