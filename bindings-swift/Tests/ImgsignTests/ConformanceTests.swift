import Foundation
import XCTest

@testable import Imgsign

/// conformance/vectors.json, found relative to this file.
private let vectorsURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // ImgsignTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // bindings-swift
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("conformance/vectors.json")

struct VectorError: Error, CustomStringConvertible {
    let description: String
}

private func str(_ i: [String: Any], _ k: String) throws -> String {
    guard let s = i[k] as? String else { throw VectorError(description: "input.\(k) is not a string") }
    return s
}

private func optStr(_ i: [String: Any], _ k: String) -> String? { i[k] as? String }

private func isFloat(_ n: NSNumber) -> Bool {
    let t = String(cString: n.objCType)
    return t == "d" || t == "f"
}

private func isBool(_ v: Any) -> Bool {
    // JSON booleans are NSNumbers of type "c" (Darwin) or Swift Bools (Linux Foundation).
    if let n = v as? NSNumber { return String(cString: n.objCType) == "c" }
    return v is Bool
}

private func int64(_ v: Any?, _ what: String) throws -> Int64 {
    guard let n = v as? NSNumber, !isFloat(n) else { throw VectorError(description: "\(what) is not an integer") }
    return n.int64Value
}

/// A JSON integer for a width/quality argument (Int64; the core range-checks it).
private func u32(_ v: Any?, _ what: String) throws -> Int64 {
    try int64(v, what)
}

private func double(_ v: Any?, _ what: String) throws -> Double {
    guard let n = v as? NSNumber else { throw VectorError(description: "\(what) is not a number") }
    return n.doubleValue
}

/// null in a vector is "not given": the core's default applies.
private func optU32(_ v: Any?, _ what: String) throws -> Int64? {
    if v == nil || v is NSNull { return nil }
    return try u32(v, what)
}

private func optDouble(_ v: Any?, _ what: String) throws -> Double? {
    if v == nil || v is NSNull { return nil }
    return try double(v, what)
}

private func paramValue(_ v: Any) throws -> ParamValue {
    if v is NSNull { return .null }
    if let s = v as? String { return .str(value: s) }
    if isBool(v), let b = v as? Bool { return .bool(value: b) }
    if let n = v as? NSNumber { return isFloat(n) ? .float(value: n.doubleValue) : .int(value: n.int64Value) }
    throw VectorError(description: "unsupported param value \(v)")
}

private func params(_ v: Any?) throws -> [Param] {
    guard let list = v as? [[Any]] else { throw VectorError(description: "params is not a list of pairs") }
    return try list.map { Param(key: $0[0] as! String, value: try paramValue($0[1])) }
}

private func headerList(_ v: Any?) throws -> [Header] {
    guard let list = v as? [[String]] else { throw VectorError(description: "headers is not a list of pairs") }
    return list.map { Header(name: $0[0], value: $0[1]) }
}

private func builder(_ i: [String: Any]) throws -> UrlBuilder {
    try UrlBuilder(
        domain: try str(i, "domain"), provider: optStr(i, "provider"), key: optStr(i, "key"),
        profile: optStr(i, "profile"), useHttps: i["use_https"] as? Bool,
        includeLibraryParam: i["include_library_param"] as? Bool,
        disablePathEncoding: i["disable_path_encoding"] as? Bool)
}

private func srcsetOptions(_ i: [String: Any]) throws -> SrcsetOptions {
    SrcsetOptions(
        widths: try (i["widths"] as? [Any]).map { try $0.map { try u32($0, "widths[]") } },
        minWidth: try optU32(i["min_width"], "min_width"),
        maxWidth: try optU32(i["max_width"], "max_width"),
        tolerance: try optDouble(i["tolerance"], "tolerance"),
        devicePixelRatios: try (i["device_pixel_ratios"] as? [Any]).map { try $0.map { try double($0, "ratio") } },
        variableQualities: try (i["variable_qualities"] as? [[Any]]).map {
            try $0.map { VariableQuality(ratio: try double($0[0], "ratio"), quality: try u32($0[1], "quality")) }
        },
        disableVariableQuality: i["disable_variable_quality"] as? Bool)
}

/// Runs one vector; the result as a comparable value (nil means "valid").
func runVector(_ v: [String: Any]) throws -> AnyHashable? {
    guard let kind = v["kind"] as? String, let i = v["input"] as? [String: Any] else {
        throw VectorError(description: "vector without kind/input")
    }
    switch kind {
    case "sign_url":
        let s = try Signer(provider: try str(i, "provider"), key: try str(i, "key"))
        if i["expires"] is NSNull || i["expires"] == nil { return try s.signUrl(url: try str(i, "url")) }
        return try s.signUrlExpiring(url: try str(i, "url"), expiresAt: try int64(i["expires"], "expires"))
    case "verify_url":
        let prev = (i["previous_keys"] as? [String]) ?? []
        let s = try Signer(provider: try str(i, "provider"), key: try str(i, "key"), previousKeys: prev)
        try s.verifyUrl(url: try str(i, "url"), now: try int64(i["now"], "now"))
        return nil
    case "verify":
        let prev = (i["previous_keys"] as? [String]) ?? []
        let s = try Signer(provider: try str(i, "provider"), key: try str(i, "key"), previousKeys: prev)
        try s.verify(target: try str(i, "target"), now: try int64(i["now"], "now"))
        return nil
    case "build_url":
        return try builder(i).buildUrl(path: try str(i, "path"), params: try params(i["params"]))
    case "build_srcset":
        return try builder(i).buildSrcset(
            path: try str(i, "path"), params: try params(i["params"]), options: try srcsetOptions(i))
    case "target_widths":
        return try targetWidths(
            minWidth: try optU32(i["min_width"], "min_width"), maxWidth: try optU32(i["max_width"], "max_width"),
            tolerance: try optDouble(i["tolerance"], "tolerance")
        )
    case "sign_origin_request":
        return try signOriginRequest(
            key: try str(i, "key"), requestId: try str(i, "request_id"),
            timestamp: try int64(i["timestamp"], "timestamp"))
    case "verify_origin_request":
        try verifyOriginRequest(
            key: try str(i, "key"), headers: try headerList(i["headers"]),
            now: try int64(i["now"], "now"), tolerance: try optU32(i["tolerance"], "tolerance"))
        return nil
    case "verify_basic_auth":
        try verifyBasicAuth(
            username: try str(i, "username"), password: try str(i, "password"),
            headers: try headerList(i["headers"]))
        return nil
    case "verify_origin_secret":
        try verifyOriginSecret(secret: try str(i, "secret"), headers: try headerList(i["headers"]))
        return nil
    case "argument_error":
        // Swift's types rule out a wrong-typed argument and a String holds no lone surrogate:
        // what a Swift caller relies on is the core's rule, as the package exposes it.
        let argument = try str(i, "argument")
        let operation = try str(i, "operation")
        guard let code = argumentErrorCode(operation: operation, argument: argument),
            let error = argumentTypeError(operation: operation, argument: argument, expected: "its type", got: "another"),
            error.code == code
        else {
            throw VectorError(description: "unknown operation, or argumentTypeError and argumentErrorCode disagree")
        }
        throw error
    default:
        throw VectorError(description: "unknown vector kind '\(kind)': the Swift runner must know every kind")
    }
}

private func expectedValue(_ v: Any) -> AnyHashable? {
    if v is NSNull { return nil }
    if let s = v as? String { return s }
    if let l = v as? [NSNumber] { return l.map { $0.int64Value } }
    return "<unexpected expected value \(v)>"
}

final class ConformanceTests: XCTestCase {
    func testEveryVector() throws {
        let data = try Data(contentsOf: vectorsURL)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(doc["schema_version"] as? Int, 1)
        let vectors = try XCTUnwrap(doc["vectors"] as? [[String: Any]])
        XCTAssertGreaterThan(vectors.count, 0)
        var passed = 0
        for v in vectors {
            let id = (v["id"] as? String) ?? "?"
            let hasExpected = v.keys.contains("expected")
            let wantError = v["error"] as? String
            XCTAssertTrue(hasExpected != (wantError != nil), "\(id): exactly one of expected/error")
            do {
                let got = try runVector(v)
                if let want = wantError {
                    XCTFail("\(id): expected error \(want), got \(String(describing: got))")
                } else if got == expectedValue(v["expected"]!) {
                    passed += 1
                } else {
                    XCTFail("\(id): expected \(String(describing: v["expected"]!)), got \(String(describing: got))")
                }
            } catch let e as ImgsignError {
                if let want = wantError, want == e.code {
                    passed += 1
                } else {
                    XCTFail("\(id): unexpected error \(e.code): \(e.message) (wanted \(wantError ?? "success"))")
                }
            } catch {
                XCTFail("\(id): \(error)")
            }
        }
        XCTAssertEqual(passed, vectors.count)
        print("conformance: \(passed)/\(vectors.count) vectors passed")
    }

    func testUnknownKindFails() {
        XCTAssertThrowsError(try runVector(["id": "x", "kind": "no_such_kind", "input": [String: Any]()])) { e in
            XCTAssertTrue(e is VectorError)
        }
    }
}
