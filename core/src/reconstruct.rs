//! `reconstruct`: an image URL an API returned, its query merged with new params (new values
//! win), written again by the builder's profile and signed with its key, on the URL's own
//! scheme, host and port (docs/behaviour.md, "reconstruct").

use crate::builder::{Call, UrlBuilder};
use crate::encode::{AsParam, ParamValue, encode_into};
use crate::error::{ErrorCode, Result, err, excerpt};
use crate::params::{Items, normalize_params};
use crate::profile::ReconstructStyle;
use crate::scheme::{Grammar, Placement};
use crate::sent::SentUrl;
use base64::Engine;

/// `scheme://host[:port]` of a parsed URL, without user info.
fn origin(url: &SentUrl<'_>) -> String {
    let o = url.origin();
    let Some(start) = o.find("://").map(|i| i + 3) else { return o.to_owned() };
    let authority = o.get(start..).unwrap_or_default();
    match authority.rfind('@') {
        Some(at) => {
            format!("{}{}", o.get(..start).unwrap_or_default(), authority.get(at + 1..).unwrap_or_default())
        }
        None => o.to_owned(),
    }
}

/// Percent-decodes `s` (`+` stays `+`); `None` when an escape is not two hex digits or the
/// bytes are not UTF-8 (the text is then taken as it is, as Foundation's `URLComponents`
/// does).
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_owned());
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            // Two hex digits exactly (`from_str_radix` alone would take `%+1` as 0x01).
            let hex = b.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            out.push(u8::from_str_radix(std::str::from_utf8(hex?).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn decoded(s: &str) -> String {
    percent_decode(s).unwrap_or_else(|| s.to_owned())
}

/// Sets `key` to `value` in place (first occurrence), or appends it.
fn merge(params: &mut Vec<(String, ParamValue)>, key: &str, value: ParamValue) {
    match params.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => params.push((key.to_owned(), value)),
    }
}

impl UrlBuilder {
    /// Takes `original_url` (an image URL an API returned, say), merges `params` into its
    /// query (new values win; a new param given as null removes it where null drops a
    /// param), and writes and signs the result by this builder's profile, provider and key,
    /// keeping the URL's scheme, host and port (the builder's domain and `use_https` are not
    /// used). In `imgix-swift` this is imgix-swift's `reconstruct(originalURL:params:)`;
    /// elsewhere the path is kept as sent and the query's values, base64 ones too, are
    /// decoded before they are written again (docs/behaviour.md, "reconstruct").
    pub fn reconstruct<K: AsRef<str>, V: AsParam>(
        &self,
        original_url: &str,
        params: &[(K, V)],
    ) -> Result<String> {
        let scheme = self.provider().scheme();
        // A query-grammar scheme signed by the formula over path and query, its signature the
        // last query param; a signature in the path or a token's fields are not taken apart.
        let signature_param = match (scheme.grammar, scheme.parts.placement) {
            (Grammar::Query, Placement::LastQueryParam(p)) if !crate::tokens::handles(&scheme.parts) => p,
            _ => {
                return err(
                    ErrorCode::InvalidParam,
                    format!(
                        "provider: reconstruct takes apart URLs whose params are the query, signed in its last param; {} URLs are not",
                        scheme.name
                    ),
                );
            }
        };
        let original = SentUrl::parse_field(original_url, ErrorCode::InvalidUrl, "original_url")?;
        let rules = self.rules();
        let swift = rules.reconstruct == ReconstructStyle::Swift;
        let (key_set, _) = rules.query_sets(self.is_signed());
        let mut merged: Vec<(String, ParamValue)> = Vec::new();
        let query = original.query().unwrap_or_default();
        for piece in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = match piece.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (piece, None),
            };
            let name = decoded(raw_name);
            if swift {
                // URLComponents' query items into a dictionary: an item without `=` has no
                // value, which removes the key; a later item wins.
                match raw_value {
                    Some(v) => merge(&mut merged, &name, ParamValue::Str(decoded(v))),
                    None => merged.retain(|(k, _)| *k != name),
                }
                continue;
            }
            if name == signature_param {
                // The old signature covers the old URL only.
                continue;
            }
            let mut value = decoded(raw_value.unwrap_or_default());
            let mut encoded_name = String::new();
            encode_into(&mut encoded_name, &name, key_set, false);
            if rules.is_base64(&name, &encoded_name) {
                value = base64_text(&value).ok_or_else(|| {
                    crate::Error::new(
                        ErrorCode::InvalidUrl,
                        format!("original_url: the value of {} is not base64url text", excerpt(&name)),
                    )
                })?;
            }
            merge(&mut merged, &name, ParamValue::Str(value));
        }
        for (k, v) in params {
            merge(&mut merged, k.as_ref(), v.as_param().into());
        }
        let mut scratch = String::new();
        let mut items = Items::new();
        normalize_params(&merged, rules.values, &mut scratch, &mut items)?;
        let origin = origin(&original);
        if swift {
            // `URL.path`: percent-decoded, trailing slashes removed; then built again.
            let raw = original.path();
            let Some(path) = percent_decode(raw) else {
                return err(ErrorCode::InvalidUrl, "original_url: the path does not decode to UTF-8 text");
            };
            let trimmed = path.trim_end_matches('/');
            let path = if trimmed.is_empty() && !path.is_empty() { "/" } else { trimmed };
            let call = Call { origin: Some(&origin), ..Call::default() };
            return self.emit(path, &mut items, &call);
        }
        let call = Call { origin: Some(&origin), path_as_sent: true, ..Call::default() };
        self.emit(original.path(), &mut items, &call)
    }
}

/// The text a base64url value stands for (padding optional, the standard alphabet too).
fn base64_text(value: &str) -> Option<String> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let trimmed = value.trim_end_matches('=');
    let bytes = URL_SAFE_NO_PAD.decode(trimmed).or_else(|_| STANDARD_NO_PAD.decode(trimmed)).ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BuilderOptions, Profile};

    #[test]
    fn an_escape_is_two_hex_digits_exactly() {
        assert_eq!(percent_decode("a%2Fb%c3%a9").as_deref(), Some("a/bé"));
        for bad in ["%+1", "%-1", "%1", "%", "%g0", "a%2"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    fn builder(profile: Profile, key: Option<&str>) -> UrlBuilder {
        let options = BuilderOptions {
            profile: Some(profile),
            key: key.map(str::to_owned),
            include_library_param: Some(false),
            ..BuilderOptions::default()
        };
        UrlBuilder::new("paulstraw.imgix.net", options).unwrap()
    }

    #[test]
    fn swift_merges_and_keeps_the_origin() {
        let b = builder(Profile::ImgixSwift, None);
        let p = [("fit", ParamValue::from("crop")), ("invert", ParamValue::Bool(true))];
        assert_eq!(
            b.reconstruct("https://paulstraw.imgix.net/pika.jpg?w=200&h=200", &p).unwrap(),
            "https://paulstraw.imgix.net/pika.jpg?fit=crop&h=200&invert=1&w=200"
        );
        let none: [(&str, ParamValue); 0] = [];
        assert_eq!(
            b.reconstruct("https://paulstraw.imgix.net:8080/pika.jpg", &none).unwrap(),
            "https://paulstraw.imgix.net:8080/pika.jpg"
        );
        assert_eq!(
            b.reconstruct("https://paulstraw.imgix.net/pika.jpg?txt64=SGk", &none).unwrap(),
            "https://paulstraw.imgix.net/pika.jpg?txt64=U0dr"
        );
    }

    #[test]
    fn canonical_keeps_the_path_and_decodes_base64() {
        let b = builder(Profile::Canonical, Some("k"));
        let none: [(&str, ParamValue); 0] = [];
        let url = b.reconstruct("http://u:p@a.imgix.net/a%2Fb%20c.jpg?txt64=SGk&s=old#f", &none).unwrap();
        assert!(url.starts_with("http://a.imgix.net/a%2Fb%20c.jpg?txt64=SGk&s="), "{url}");
        assert_eq!(
            b.reconstruct("https://a.imgix.net/x?txt64=%%%", &none).unwrap_err().code(),
            ErrorCode::InvalidUrl
        );
        assert_eq!(b.reconstruct("ftp://a.imgix.net/x", &none).unwrap_err().code(), ErrorCode::InvalidUrl);
    }
}
