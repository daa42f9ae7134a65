//! The request target a client sent for a built URL, from the path as a server hands it to
//! the application after percent-decoding it (docs/behaviour.md, "Verifying behind a server
//! that decodes the path").
//!
//! WSGI servers without a raw request target (Django's runserver and test client, the
//! standard library's `wsgiref`) give only `PATH_INFO`, percent-decoded: `/a%2B.jpg` and
//! `/a+.jpg` both arrive as `/a+.jpg`. The signature covers the bytes the client sent, so
//! the one way back is to encode the decoded path again by the rules that wrote it: the
//! builder's own path encoding. For every URL the builder emits, that gives back its bytes
//! exactly (its encoding is one-to-one and decoding undoes it).

use crate::UrlBuilder;
use crate::encode::{PATH_CHARS, encode_into};
use crate::error::{ErrorCode, Result, err};
use crate::signature::MAX_URL_LEN;

impl UrlBuilder {
    /// The request target (`/path?query`) a client sent for a URL this builder built, from
    /// `path` as a server percent-decoded it (WSGI's `PATH_INFO`, read as UTF-8) and `query`
    /// exactly as received (the query is never decoded by servers). One leading `/` of
    /// `path` is taken off and put back; the rest is encoded as [`UrlBuilder::build_url`]
    /// encodes a path in this builder's profile (a web-proxy path as one component; in
    /// `imgix-swift` the proxy test sees the whole path, as its builder does), or, for a
    /// builder that uses paths as given, with every byte that is not an RFC 3986 path
    /// character (`A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ /`) as `%XX`. Hand the result
    /// to [`crate::Signer::verify`]. A `path` or `query` over [`MAX_URL_LEN`] bytes is
    /// `malformed_url`.
    pub fn request_target(&self, path: &str, query: &str) -> Result<String> {
        for (name, value) in [("path", path), ("query", query)] {
            if value.len() > MAX_URL_LEN {
                return err(ErrorCode::MalformedUrl, format!("{name}: longer than {MAX_URL_LEN} bytes"));
            }
        }
        let rest = path.strip_prefix('/').unwrap_or(path);
        let mut out = String::with_capacity(1 + rest.len() + rest.len() / 2 + 1 + query.len());
        if self.disable_path_encoding() {
            out.push('/');
            encode_into(&mut out, rest, &PATH_CHARS, false);
        } else {
            // As the builder writes a path (imgix-swift: the proxy test sees the whole path).
            self.profile().rules().encode_path_into(path, &mut out);
        }
        if !query.is_empty() {
            out.push('?');
            out.push_str(query);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{BuilderOptions, ErrorCode, Profile, Signer, UrlBuilder};

    fn builder(profile: Profile, dpe: bool) -> UrlBuilder {
        let options = BuilderOptions {
            key: Some("FOO123bar".into()),
            profile: Some(profile),
            disable_path_encoding: Some(dpe),
            ..BuilderOptions::default()
        };
        UrlBuilder::new("demo.imgix.net", options).unwrap()
    }

    /// What a WSGI server hands the application: the path percent-decoded, as UTF-8.
    fn decoded(path: &str) -> String {
        let b = path.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let (b'%', Some(v)) = (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                out.push(v);
                i += 3;
                continue;
            }
            out.push(b[i]);
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_built_url_comes_back_from_its_decoded_path() {
        let signer = Signer::new(crate::Provider::Imgix, "FOO123bar", &[] as &[&str]).unwrap();
        let paths = [
            "/photos/a+b.jpg",
            "/photos/!'()*.jpg",
            "/photos/lake side.png",
            "/photos/café/ünïcode.png",
            "/a;b=c@d,e$f&g.jpg",
            "/100%.jpg",
            "/https://example.com/a b+c.jpg?x=1",
            // imgix-java passes an encoded web-proxy path through; with upper-case escapes
            // of every reserved byte, decoding and encoding again give it back.
            "/http%3A%2F%2Fexample.com%2Fa%20b.jpg",
            "/",
        ];
        for profile in Profile::ALL {
            let b = builder(profile, false);
            for path in paths {
                let url = b.build_url(path, &[("w", crate::ParamValue::Int(400))]).unwrap();
                let sent = &url["https://demo.imgix.net".len()..];
                let (p, q) = sent.split_once('?').unwrap();
                let target = b.request_target(&decoded(p), q).unwrap();
                if profile == Profile::ImgixPython && path.contains(' ') && path.contains("://") {
                    // quote_plus writes a space as `+`, which decoding keeps as `+`.
                    continue;
                }
                assert_eq!(target, sent, "{profile} {path}");
                signer.verify(&target, None).unwrap();
            }
        }
    }

    #[test]
    fn what_decoding_cannot_give_back_is_as_documented() {
        // docs/behaviour.md: an encoded imgix-java web-proxy path with lower-case or partial
        // escapes decodes to the same path as its upper-case form, so only one comes back.
        let b = builder(Profile::ImgixJava, false);
        for given in ["http%3a%2f%2fexample.com%2fa.jpg", "http%3A%2F%2Fexample.com/a.jpg"] {
            let url = b.build_url(given, &[] as &[(&str, crate::ParamValue)]).unwrap();
            let sent = &url["https://demo.imgix.net".len()..];
            let (p, q) = sent.split_once('?').unwrap();
            assert!(p.ends_with(given), "{sent}");
            let target = b.request_target(&decoded(p), q).unwrap();
            assert!(target.starts_with("/http%3A%2F%2Fexample.com%2Fa.jpg?"), "{target}");
            assert_ne!(target, sent);
        }
    }

    #[test]
    fn paths_used_as_given_encode_what_a_path_cannot_carry() {
        let b = builder(Profile::Canonical, true);
        assert_eq!(b.request_target("/a b/ü%+!.jpg", "w=1").unwrap(), "/a%20b/%C3%BC%25+!.jpg?w=1");
        assert_eq!(b.request_target("", "").unwrap(), "/");
        let long = "a".repeat(crate::MAX_URL_LEN + 1);
        assert_eq!(b.request_target(&long, "").unwrap_err().code(), ErrorCode::MalformedUrl);
        assert_eq!(b.request_target("/", &long).unwrap_err().code(), ErrorCode::MalformedUrl);
    }
}
