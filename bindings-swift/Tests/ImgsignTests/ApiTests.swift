import Foundation
import XCTest

@testable import Imgsign

final class ApiTests: XCTestCase {
    let pixtaUrl = "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
    let now: Int64 = 1_700_000_000

    func testPixtaSeedExample() throws {
        let s = try Signer(provider: "pixta", key: "wakanda123@")
        XCTAssertEqual(try s.signUrl(url: pixtaUrl), pixtaUrl + "&s=7d0d58f62c945d0ca08269205228bbe7")
    }

    func testRoundTripEveryProvider() throws {
        for p in ["imgix", "gumlet", "pixta", "imageboss"] {
            let s = try Signer(provider: p, key: "0123456789abcdef")
            let url = try s.signUrl(url: "https://example.com/a/b.jpg?w=100&h=50")
            try s.verifyUrl(url: url, now: now)
            let expiring = try s.signUrlExpiringIn(url: "https://example.com/x.png", seconds: 60, now: now)
            try s.verifyUrl(url: expiring, now: now + 59)
            XCTAssertThrowsError(try s.verifyUrl(url: expiring, now: now + 61)) { e in
                XCTAssertEqual((e as? ImgsignError)?.code, "expired")
            }
        }
    }

    func testPathSchemesTakeSaltsAndOptions() throws {
        let keyHex = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881"
        let saltHex = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5"
        let s = try Signer(provider: .imgproxy, key: keyHex, salt: saltHex, options: ["signatureSize": 8])
        let url = try s.signUrl(url: "https://imgproxy.example.com/insecure/rs:fill:300/plain/local:///a.png")
        XCTAssertFalse(url.contains("/insecure/"))
        try s.verifyUrl(url: url, now: now)
        XCTAssertThrowsError(try Signer(provider: .imgproxy, key: keyHex)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_key")
        }
        XCTAssertThrowsError(try Signer(provider: .thumbor, key: "k", options: ["truncate": 20])) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_param")
        }
        let thumbor = try UrlBuilder(domain: "thumbor.example.com", provider: .thumbor, key: "my-security-key")
        XCTAssertEqual(
            try thumbor.buildUrl(path: "my.server.com/some/path/to/image.jpg", params: ["width": 300, "height": 200]),
            "https://thumbor.example.com/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg")
        XCTAssertThrowsError(try s.signToken()) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_param")
        }
    }

    func testTamperedAndUnsigned() throws {
        let s = try Signer(provider: "imgix", key: "FOO123bar")
        let url = try s.signUrl(url: "https://demo.imgix.net/a.jpg?w=400")
        XCTAssertThrowsError(try s.verifyUrl(url: url.replacingOccurrences(of: "w=400", with: "w=401"), now: now)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "signature_mismatch")
        }
        XCTAssertThrowsError(try s.verifyUrl(url: "https://demo.imgix.net/a.jpg?w=400", now: now)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "missing_signature")
        }
    }

    func testTokenSchemesBatchAndCodes() throws {
        let s = try Signer(provider: "bunny", key: "zone-key")
        let urls = ["https://z.b-cdn.net/a.jpg", "https://z.b-cdn.net/b.jpg?w=1"]
        let ip: [String: ParamValue] = ["ip": "203.0.113.7"]
        let many = try s.signUrls(urls: urls, expires: 1_700_003_600, values: ip)
        XCTAssertEqual(many, try urls.map { try s.signUrl(url: $0, expires: 1_700_003_600, values: ip) })
        try s.verifyUrl(url: many[0], now: 1_700_000_000, values: ip)
        XCTAssertThrowsError(try s.verifyUrl(url: many[0], now: 1_700_000_000)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "ip_mismatch")
        }
        let a = try Signer(provider: "akamai", key: "0a1b2c3d")
        let token = try a.signToken(expires: 1_700_003_600, values: ["acl": "/v/*", "start": 1_700_000_000])
        try a.verifyToken(token: token, now: 1_700_000_000, values: ["url": "/v/a.m3u8"])
        XCTAssertThrowsError(try a.verifyToken(token: token, now: 1_700_000_000, values: ["url": "/w/a"])) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "acl_mismatch")
        }
    }

    func testBatchEqualsSingle() throws {
        let s = try Signer(provider: "imgix", key: "FOO123bar")
        let urls = (0..<20).map { "https://demo.imgix.net/img/\($0).jpg?w=\(100 + $0)" }
        XCTAssertEqual(try s.signUrls(urls: urls), try urls.map { try s.signUrl(url: $0) })
        let b = try UrlBuilder(domain: "demo.imgix.net", key: "FOO123bar")
        let items = (0..<20).map { UrlItem(path: "/p/\($0).png", params: [Param(key: "w", value: .int(value: Int64($0)))]) }
        XCTAssertEqual(try b.buildUrls(items: items), try items.map { try b.buildUrl(path: $0.path, params: $0.params) })
    }

    func testLiteralParams() throws {
        let b = try UrlBuilder(domain: "demo.imgix.net")
        let viaLiteral = try b.buildUrl(path: "/a.jpg", params: ["w": 400, "dpr": 1.5, "flip": true, "x": nil, "txt": "a b"])
        let viaRecords = try b.buildUrl(path: "/a.jpg", params: [
            Param(key: "w", value: .int(value: 400)), Param(key: "dpr", value: .float(value: 1.5)),
            Param(key: "flip", value: .bool(value: true)), Param(key: "x", value: .null),
            Param(key: "txt", value: .str(value: "a b")),
        ])
        XCTAssertEqual(viaLiteral, viaRecords)
        XCTAssertFalse(viaLiteral.contains("x="))
    }

    func testErrorsCarryCodesAndNoKey() throws {
        let key = "SuperSecretKey987"
        XCTAssertThrowsError(try Signer(provider: "nope", key: key)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_param")
            XCTAssertFalse("\(e)".contains(key))
        }
        XCTAssertThrowsError(try UrlBuilder(domain: "bad domain", key: key)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_domain")
            XCTAssertFalse("\(e) \(e.localizedDescription)".contains(key))
        }
        XCTAssertThrowsError(try signOriginRequest(key: key + key + key, requestId: "r", timestamp: now)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_key")
            XCTAssertFalse("\(e)".contains(key))
        }
        let s = try Signer(provider: "imgix", key: key)
        XCTAssertFalse(String(describing: s).contains(key))
    }

    func testOriginRequest() throws {
        let key = "0123456789abcdef"
        let sig = try signOriginRequest(key: key, requestId: "req-1", timestamp: now)
        let hs = headers([
            ("X-Imgix-Signature", sig), ("X-Imgix-Signature-Request-Id", "req-1"),
            ("X-Imgix-Signature-Timestamp", String(now)),
        ])
        try verifyOriginRequest(key: key, headers: hs, now: now + 10)
        XCTAssertThrowsError(try verifyOriginRequest(key: key, headers: hs, now: now + 10_000)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "expired")
        }
    }

    // MARK: - Provider constants

    func testProviderConstantsAreTheCoreList() {
        XCTAssertEqual(Provider.allCases.map { $0.rawValue }, providerNames())
        XCTAssertEqual(Set(Provider.allCases).count, Provider.allCases.count)
        XCTAssertEqual(Provider.pixta.rawValue, "pixta")
        XCTAssertEqual("\(Provider.imgix)", "imgix")
    }

    func testProviderConstantOrString() throws {
        let byConstant = try Signer(provider: .pixta, key: "wakanda123@")
        let byString = try Signer(provider: "pixta", key: "wakanda123@")
        XCTAssertEqual(byConstant.provider(), "pixta")
        XCTAssertEqual(try byConstant.signUrl(url: pixtaUrl), try byString.signUrl(url: pixtaUrl))
        let rotated = try Signer(provider: .pixta, key: "new-key", previousKeys: ["wakanda123@"])
        try rotated.verifyUrl(url: try byString.signUrl(url: pixtaUrl), now: now)

        let b = try UrlBuilder(domain: "demo.imgix.net", provider: .gumlet, key: "FOO123bar")
        let s = try UrlBuilder(domain: "demo.imgix.net", provider: "gumlet", key: "FOO123bar")
        XCTAssertEqual(b.provider(), "gumlet")
        XCTAssertEqual(try b.buildUrl(path: "/a.jpg", params: ["w": 400]), try s.buildUrl(path: "/a.jpg", params: ["w": 400]))

        XCTAssertThrowsError(try Signer(provider: Provider(rawValue: "nope"), key: "k")) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "invalid_param")
        }
        // Every constant is a provider name that the core accepts.
        for p in Provider.allCases {
            XCTAssertEqual(try UrlBuilder(domain: "example.com", provider: p).provider(), p.rawValue)
        }
    }

    // MARK: - Foundation URL

    func testSignerFoundationURLOverloads() throws {
        let s = try Signer(provider: .pixta, key: "wakanda123@")
        let url = try XCTUnwrap(URL(string: pixtaUrl))
        let signed: URL = try s.signUrl(url: url)
        XCTAssertEqual(signed.absoluteString, pixtaUrl + "&s=7d0d58f62c945d0ca08269205228bbe7")
        try s.verifyUrl(url: signed, now: now)
        XCTAssertThrowsError(try s.verifyUrl(url: url, now: now)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "missing_signature")
        }

        let expiring = try s.signUrlExpiring(url: url, expiresAt: now + 60)
        XCTAssertEqual(expiring.absoluteString, try s.signUrlExpiring(url: pixtaUrl, expiresAt: now + 60))
        try s.verifyUrl(url: expiring, now: now)
        let expiringIn = try s.signUrlExpiringIn(url: url, seconds: 60, now: now)
        XCTAssertEqual(expiringIn.absoluteString, try s.signUrlExpiringIn(url: pixtaUrl, seconds: 60, now: now))
        XCTAssertThrowsError(try s.verifyUrl(url: expiringIn, now: now + 61)) { e in
            XCTAssertEqual((e as? ImgsignError)?.code, "expired")
        }

        let other = try XCTUnwrap(URL(string: "https://image.pvnservices.com/a.jpg"))
        let many = try s.signUrls(urls: [url, other])
        XCTAssertEqual(many.map { $0.absoluteString }, try s.signUrls(urls: [pixtaUrl, other.absoluteString]))
    }

    func testBuilderFoundationURLs() throws {
        let b = try UrlBuilder(domain: "demo.imgix.net", provider: .imgix, key: "FOO123bar")
        let built = try b.url(path: "/a b.jpg", params: ["w": 400, "fit": "crop"])
        XCTAssertEqual(built.absoluteString, try b.buildUrl(path: "/a b.jpg", params: ["w": 400, "fit": "crop"]))
        XCTAssertEqual(built.host, "demo.imgix.net")
        XCTAssertEqual(try b.url(path: "/a.jpg").absoluteString, try b.buildUrl(path: "/a.jpg"))
        let params = [Param(key: "w", value: .int(value: 100))]
        XCTAssertEqual(try b.url(path: "/a.jpg", params: params).absoluteString, try b.buildUrl(path: "/a.jpg", params: params))
        let items = (0..<3).map { UrlItem(path: "/p/\($0).png", params: params) }
        XCTAssertEqual(try b.urls(items: items).map { $0.absoluteString }, try b.buildUrls(items: items))
        // A URL built by the builder verifies through the URL overload.
        try Signer(provider: .imgix, key: "FOO123bar").verifyUrl(url: built, now: now)
    }

    // MARK: - Mobile: key suppliers and reconstruct

    func testKeySupplierAndReconstruct() throws {
        var asked = 0
        let supplied = try UrlBuilder(
            domain: "demo.imgix.net", provider: .imgix,
            keySupplier: {
                asked += 1
                return "FOO123bar"
            }, profile: "imgix-swift")
        let literal = try UrlBuilder(domain: "demo.imgix.net", provider: .imgix, key: "FOO123bar", profile: "imgix-swift")
        XCTAssertEqual(try supplied.buildUrl(path: "/a.jpg", params: ["w": 400]), try literal.buildUrl(path: "/a.jpg", params: ["w": 400]))
        XCTAssertEqual(asked, 1)
        let unsigned = try UrlBuilder(
            domain: "demo.imgix.net", provider: .imgix, keySupplier: { nil }, profile: "imgix-swift",
            includeLibraryParam: false)
        let api = try XCTUnwrap(URL(string: "https://paulstraw.imgix.net/pika.jpg?w=200&h=200"))
        let sized = try unsigned.url(reconstructing: api, params: ["w": 390, "dpr": 3, "invert": true])
        XCTAssertEqual(sized.absoluteString, "https://paulstraw.imgix.net/pika.jpg?dpr=3&h=200&invert=1&w=390")
        let rotating = try Signer(provider: .imgix, keySupplier: { "new-key" }, previousKeys: { ["old-key"] })
        try rotating.verifyUrl(url: try Signer(provider: .imgix, key: "old-key").signUrl(url: "https://a.com/x.jpg"), now: now)
    }

    // MARK: - Headers

    func testHeaderPrintoutsRedactTheValue() {
        let h = Header(name: "Authorization", value: "Bearer SECRET-TOKEN")
        XCTAssertEqual(h.description, "Header(Authorization: <redacted>)")
        XCTAssertEqual(h.debugDescription, h.description)
        var dumped = ""
        dump(h, to: &dumped)
        var printed = ""
        print(h, [h], to: &printed)
        debugPrint(h, [h], to: &printed)
        let all = [String(describing: h), String(reflecting: h), "\(h)", "\([h])", dumped, printed]
        for text in all {
            XCTAssertFalse(text.contains("SECRET"), text)
            XCTAssertTrue(text.contains("Header(Authorization: <redacted>)"), text)
        }
        XCTAssertEqual(Mirror(reflecting: h).children.count, 0)
        XCTAssertEqual(h.value, "Bearer SECRET-TOKEN")

        // A name imgsign does not read may itself be a secret put in the wrong place.
        let odd = Header(name: "SECRET-NAME", value: "SECRET-VALUE")
        var oddDump = ""
        dump(odd, to: &oddDump)
        for text in [odd.description, odd.debugDescription, "\([odd])", oddDump] {
            XCTAssertFalse(text.contains("SECRET"), text)
        }
    }
}
