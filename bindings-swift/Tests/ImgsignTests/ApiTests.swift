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
}
