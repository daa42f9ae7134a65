//! Checks of what a builder is given: the domain rule and the paths browsers would rewrite
//! (docs/behaviour.md, "Building" and "What clients rewrite is never signed").

use crate::error::{Error, ErrorCode, Result, err};

/// True when `domain` is a host name imgix accepts (the domain rule of docs/behaviour.md);
/// `any_case` allows uppercase letters.
pub fn is_valid_domain(domain: &str, any_case: bool) -> bool {
    let alnum =
        |c: char| c.is_ascii_digit() || c.is_ascii_lowercase() || (any_case && c.is_ascii_uppercase());
    let labels: Vec<&str> = domain.split('.').collect();
    let n = labels.len();
    if n < 2 || n - 2 > 125 {
        return false;
    }
    let (Some(last), Some(penult)) = (labels.last(), labels.get(n - 2)) else {
        return false;
    };
    if ends_in_number(last) {
        // Browsers read such a host as an IPv4 address: only a valid dotted quad works.
        return domain.parse::<std::net::Ipv4Addr>().is_ok();
    }
    let last_ok = (1..=63).contains(&last.len()) && last.chars().all(alnum);
    let penult_ok = (1..=63).contains(&penult.len())
        && penult.chars().next().is_some_and(alnum)
        && !penult.ends_with('-')
        && penult.chars().all(|c| alnum(c) || c == '-');
    let earlier_ok = labels
        .iter()
        .take(n - 2)
        .all(|l| (1..=62).contains(&l.len()) && l.chars().all(|c| alnum(c) || c == '-' || c == '_'));
    last_ok && penult_ok && earlier_ok
}

/// What is wrong with an invalid domain, in words that do not repeat it.
fn domain_problem(domain: &str, any_case: bool) -> &'static str {
    if domain.is_empty() {
        "is empty"
    } else if domain.contains("://") {
        "has a scheme"
    } else if domain.contains('/') {
        "has a path"
    } else if domain.contains(':') {
        "has a port"
    } else if domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "has white space or a control character"
    } else if !domain.is_ascii() {
        "is not ASCII (give the punycode form)"
    } else if !any_case && domain.bytes().any(|b| b.is_ascii_uppercase()) {
        "has an uppercase letter"
    } else if domain.ends_with('.') {
        "ends with a dot"
    } else if domain.rsplit('.').next().is_some_and(ends_in_number) {
        "is read as an IPv4 address by browsers, and is not a valid one"
    } else {
        "is not a valid host name"
    }
}

/// WHATWG "ends in a number": a last label of digits, or `0x` and hex digits.
fn ends_in_number(label: &str) -> bool {
    if !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let b = label.as_bytes();
    b.len() >= 2
        && b.first() == Some(&b'0')
        && matches!(b.get(1), Some(b'x' | b'X'))
        && b.iter().skip(2).all(u8::is_ascii_hexdigit)
}

/// True when a segment of `path` (after its leading `/`) is a dot segment.
pub(crate) fn has_dot_segment(path: &str) -> bool {
    let b = path.as_bytes();
    // Most paths have no segment starting with `.` or `%`: one branchless pass tells.
    if !crate::sent::dot_segment_suspect(b) {
        return false;
    }
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' {
            if i > start
                && matches!(b.get(start), Some(b'.' | b'%'))
                && is_dot_segment(path.get(start..i).unwrap_or_default())
            {
                return true;
            }
            start = i + 1;
        }
    }
    matches!(b.get(start), Some(b'.' | b'%')) && is_dot_segment(path.get(start..).unwrap_or_default())
}

/// True for a `.` or `..` path segment, also written with `%2e`.
fn is_dot_segment(seg: &str) -> bool {
    let b = seg.as_bytes();
    let mut dots = 0;
    let mut i = 0;
    while i < b.len() {
        match b.get(i..i + 3) {
            Some([b'%', b'2', b'e' | b'E']) => i += 3,
            _ if b.get(i) == Some(&b'.') => i += 1,
            _ => return false,
        }
        dots += 1;
    }
    dots == 1 || dots == 2
}

/// A path used verbatim must already be a valid URL path.
pub(crate) fn check_verbatim_path(p: &str) -> Result<()> {
    match verbatim_problem(p) {
        Some(what) => Err(Error::new(
            ErrorCode::InvalidUrl,
            format!("path: {what} cannot be used with disable_path_encoding (encode it first)"),
        )),
        None => Ok(()),
    }
}

/// [`check_verbatim_path`] for a path used as given for another reason, given as `why`
/// ("… so" it must be a valid URL path).
pub(crate) fn check_verbatim_path_for(p: &str, why: &str) -> Result<()> {
    match verbatim_problem(p) {
        Some(what) => Err(Error::new(
            ErrorCode::InvalidUrl,
            format!("path: {why} it must be a valid URL path, and it has {what}"),
        )),
        None => Ok(()),
    }
}

/// What makes `p` unusable as a URL path as it is, if anything.
fn verbatim_problem(p: &str) -> Option<&'static str> {
    let bytes = p.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let problem = match b {
            0..=0x1f | 0x7f => "a control character",
            b' ' => "a space",
            b'#' => "'#'",
            b'?' => "'?'",
            b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'^' => "a character browsers percent-encode",
            b'\\' => "'\\\\' (browsers turn it into '/')",
            0x80..=0xff => "a non-ASCII character",
            b'%' => {
                let ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
                if ok {
                    continue;
                }
                "'%' not followed by two hex digits"
            }
            _ => continue,
        };
        return Some(problem);
    }
    None
}

/// Checks a builder's domain; the message says what is wrong without repeating the value.
pub(crate) fn check_domain(domain: &str, any_case: bool) -> Result<()> {
    if is_valid_domain(domain, any_case) {
        return Ok(());
    }
    // The domain is not shown: with arguments swapped it could be the key.
    err(
        ErrorCode::InvalidDomain,
        format!(
            "domain: {} (expected a bare host name such as \"demo.imgix.net\"{})",
            domain_problem(domain, any_case),
            if any_case { "" } else { ", lowercase only in this profile" }
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        for ok in ["demo.imgix.net", "127.0.0.1", "-x.imgix.net", "a_b.imgix.net", "a.b"] {
            assert!(is_valid_domain(ok, false), "{ok}");
        }
        for bad in [
            "m.1",
            "a.0x1f",
            "a.0x",
            "1.2.3",
            "01.2.3.4",
            "256.1.1.1",
            "1.2.3.4.5",
            "localhost",
            "https://a.net",
            "a.net:80",
            "a.net/x",
            "a.net.",
            "a_b.net",
            "a-.net",
            "",
            "a..net",
            "a.net\n",
        ] {
            assert!(!is_valid_domain(bad, true), "{bad}");
        }
        assert!(is_valid_domain("Demo.Imgix.NET", true));
        assert!(!is_valid_domain("Demo.Imgix.NET", false));
    }

    #[test]
    fn domain_messages_say_what_is_wrong_without_the_domain() {
        for (domain, says) in [
            ("https://SuperSecretK3y.net", "has a scheme"),
            ("SuperSecretK3y!", "is not a valid host name"),
            ("a.net/x", "has a path"),
            ("", "is empty"),
        ] {
            let e = check_domain(domain, true).unwrap_err();
            assert!(e.message().contains(says), "{e}");
            assert!(domain.is_empty() || !e.message().contains(domain), "{e}");
        }
    }
}
