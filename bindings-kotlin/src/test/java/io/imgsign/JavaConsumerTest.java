package io.imgsign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The package as a Java program uses it: plain javac, no Kotlin at the call site, no
 * positional nulls and no {@code catch (Exception e)}. ImgsignException is a checked
 * exception, so this file compiles only if every call that can fail declares it.
 */
class JavaConsumerTest {
    private static final String PIXTA_URL =
            "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop";
    private static final long NOW = 1_700_000_000L;

    // region readme
    @Test
    void signAndVerify() throws ImgsignException {
        Signer signer = new Signer("pixta", "wakanda123@");
        String url = signer.signUrl(PIXTA_URL);
        assertEquals(PIXTA_URL + "&s=7d0d58f62c945d0ca08269205228bbe7", url);
        signer.verifyUrl(url); // throws on failure

        Signer rotating = new Signer("imgix", "NEWkey456", List.of("OLDkey123"));
        String old = new Signer("imgix", "OLDkey123").signUrl("https://demo.imgix.net/a.jpg");
        rotating.verifyUrl(old, NOW); // previous keys still verify

        UrlBuilder builder = UrlBuilder.builder("demo.imgix.net").key("FOO123bar").build();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("w", 400);
        params.put("fit", "crop");
        String built = builder.buildUrl("/users/1.png", params);
        assertTrue(built.startsWith("https://demo.imgix.net/users/1.png?fit=crop&w=400&s="), built);
        String srcset = builder.buildSrcset("/hero.jpg", Map.of(), Imgsign.srcsetOptions().maxWidth(2000).build());
        assertTrue(srcset.endsWith(" 2000w"), srcset);

        try {
            signer.verifyUrl(url.replace("w=400", "w=401"));
            fail("a tampered URL verified");
        } catch (ImgsignException.SignatureMismatch e) {
            assertEquals("signature_mismatch", e.errorCode());
        }
        try {
            new UrlBuilder("not a domain");
            fail("a bad domain was accepted");
        } catch (ImgsignException e) {
            assertEquals("invalid_domain", e.errorCode());
            assertTrue(e instanceof ImgsignException.InvalidDomain);
        }
    }
    // endregion readme

    // region readme-sources
    @Test
    void severalSources() throws ImgsignException {
        Sources sources = new Sources(List.of(
                SourceSpec.builder("shop", "demo.imgix.net").provider("imgix").key("FOO123bar").build(),
                SourceSpec.builder("archive", "demo.imgix.net").pathPrefix("/archive").key("Arch1veKey").build(),
                SourceSpec.builder("books", "image.pvnservices.com").provider("pixta").key("wakanda123@").build()));
        String book = sources.signUrl(PIXTA_URL); // the source is chosen by host and path
        assertEquals(PIXTA_URL + "&s=7d0d58f62c945d0ca08269205228bbe7", book);
        sources.verifyUrl(book);
        String old = sources.source("archive").buildUrl("/archive/2019/a.jpg");
        sources.verify(old.substring("https://demo.imgix.net".length()), "demo.imgix.net"); // a request target
        try {
            sources.signUrl("https://unknown.example.com/a.jpg");
            fail("a URL of an unknown host was signed");
        } catch (ImgsignException.UnknownSource e) {
            assertEquals("unknown_source", e.errorCode());
        }
    }
    // endregion readme-sources

    @Test
    void constructorsThrowTheCodedCheckedException() {
        ImgsignException key = assertThrows(ImgsignException.class, () -> new Signer("imgix", ""));
        assertEquals("invalid_key", key.errorCode());
        ImgsignException provider = assertThrows(ImgsignException.InvalidParam.class, () -> new Signer("nope", "k"));
        assertEquals("invalid_param", provider.errorCode());
        ImgsignException profile = assertThrows(
                ImgsignException.class, () -> UrlBuilder.builder("demo.imgix.net").profile("nope").build());
        assertEquals("invalid_param", profile.errorCode());
        // The message names the field, never the key.
        ImgsignException stray = assertThrows(ImgsignException.class, () -> new Signer("imgix", "k\n"));
        assertTrue(!stray.toString().contains("k\n") && stray.toString().startsWith("invalid_key: key:"), stray.toString());
    }

    @Test
    void everyOptionalArgumentHasAnOverload() throws ImgsignException {
        Signer signer = new Signer("imgix", "FOO123bar");
        String expiring = signer.signUrlExpiringIn("https://demo.imgix.net/a.jpg", 60, NOW);
        assertEquals(signer.signUrlExpiring("https://demo.imgix.net/a.jpg", NOW + 60), expiring);
        signer.verify(expiring.substring("https://demo.imgix.net".length()), NOW); // the request target
        ImgsignException.Expired expired = assertThrows(ImgsignException.Expired.class, () -> signer.verifyUrl(expiring, NOW + 61));
        assertEquals("expired", expired.errorCode());
        String fresh = signer.signUrlExpiringIn("https://demo.imgix.net/a.jpg", 3600);
        signer.verifyUrl(fresh);

        UrlBuilder plain = new UrlBuilder("demo.imgix.net");
        assertEquals("https://demo.imgix.net/a.jpg", plain.buildUrl("/a.jpg"));
        assertEquals(31, plain.buildSrcset("/a.jpg").split(",\n").length);
        assertEquals(5, plain.buildSrcset("/a.jpg", Map.of("w", 300)).split(",\n").length);
        UrlBuilder every = UrlBuilder.builder("demo.imgix.net")
                .provider("imgix")
                .key("FOO123bar")
                .profile("canonical")
                .useHttps(false)
                .includeLibraryParam(false)
                .disablePathEncoding(false)
                .build();
        assertTrue(every.buildUrl("/a.jpg").startsWith("http://demo.imgix.net/a.jpg?s="));
        List<String> many = every.buildUrls(List.of(
                new UrlItem("/a.jpg", Imgsign.paramsOf(Map.of("w", 100))), new UrlItem("/b.jpg", List.of())));
        assertEquals(2, many.size());
        SrcsetOptions options = Imgsign.srcsetOptions()
                .widths(List.of(100L, 200L))
                .devicePixelRatios(List.of(1.0, 2.0))
                .variableQualities(Map.of(1.0, 80L))
                .disableVariableQuality(false)
                .minWidth(100)
                .maxWidth(200)
                .tolerance(0.08)
                .build();
        assertEquals(2, every.buildSrcset("/a.jpg", Imgsign.paramsOf(Map.of()), options).split(",\n").length);
    }

    @Test
    void theFacadeHoldsTheTopLevelFunctions() throws ImgsignException {
        assertEquals(31, Imgsign.targetWidths().size());
        assertEquals(List.of(100L, 200L), Imgsign.targetWidths(100, 200, 2.0));
        assertEquals(Imgsign.targetWidths(100, 2000), Imgsign.targetWidths(100, 2000, 0.08));
        String key = "0123456789abcdef";
        String signature = Imgsign.signOriginRequest(key, "req-1", NOW);
        Map<String, String> headers = Map.of(
                "X-Imgix-Signature", signature,
                "X-Imgix-Signature-Timestamp", Long.toString(NOW),
                "X-Imgix-Signature-Request-Id", "req-1");
        Imgsign.verifyOriginRequest(key, headers, NOW);
        Imgsign.verifyOriginRequest(key, headers, NOW + 100, 300);
        Imgsign.verifyOriginRequest(key, Imgsign.headersOf(headers), NOW);
        assertThrows(ImgsignException.Expired.class, () -> Imgsign.verifyOriginRequest(key, headers));
        assertThrows(ImgsignException.MissingSignature.class, () -> Imgsign.verifyBasicAuth("u", "p", Map.of()));
        assertThrows(ImgsignException.MissingSignature.class, () -> Imgsign.verifyOriginSecret("s", List.of()));
        assertEquals("invalid_url", Imgsign.argumentErrorCode("sign_url", "url"));
        assertEquals(new ParamValue.Int(400), Imgsign.paramValueOf(400));
        ImgsignException.InvalidParam bad = assertThrows(ImgsignException.InvalidParam.class, () -> Imgsign.paramValueOf(new Object()));
        assertEquals("invalid_param", bad.errorCode());
        assertTrue(Imgsign.providerNames().contains("imgix"));
        assertTrue(!Imgsign.version().isEmpty());
    }
}
