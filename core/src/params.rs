//! A call's params: null-dropping and stringification, lookups, ordering and the key checks.

use crate::encode::{self, AsParam, ParamRef};
use crate::error::{ErrorCode, Result, err, excerpt};
use crate::values::ValueStyle;
use std::borrow::Cow;

/// One param after null-dropping and stringification.
pub(crate) type Item<'a> = (&'a str, Cow<'a, str>);

/// The params of one call, on the stack for the usual handful.
pub(crate) type Items<'a> = smallvec::SmallVec<[Item<'a>; 8]>;

/// Turns values into strings the way the profile's `style` prints them (null drops the
/// param, except where the library writes it). Numbers are written once into `scratch`
/// (each followed by a NUL separator) and borrowed from there, so a call allocates one
/// buffer for all of them.
pub(crate) fn normalize_params<'a, K: AsRef<str>, V: AsParam>(
    params: &'a [(K, V)],
    style: ValueStyle,
    scratch: &'a mut String,
    out: &mut Items<'a>,
) -> Result<()> {
    for (k, v) in params {
        match v.as_param() {
            ParamRef::Int(i) => {
                encode::write_int(scratch, i);
                scratch.push('\0');
            }
            ParamRef::Float(f) => {
                // The field is named only when the value is refused (it is not finite).
                style.write_float(scratch, f, || format!("params[{}]", excerpt(k.as_ref())))?;
                scratch.push('\0');
            }
            ParamRef::Str(_) | ParamRef::Bool(_) | ParamRef::Null => {}
        }
    }
    let mut numbers: &'a str = scratch;
    for (k, v) in params {
        let value: Cow<'a, str> = match v.as_param() {
            ParamRef::Str(s) => Cow::Borrowed(s),
            ParamRef::Null => match style.null() {
                Some(text) => Cow::Borrowed(text),
                None => continue,
            },
            ParamRef::Bool(b) => Cow::Borrowed(style.boolean(b)),
            ParamRef::Int(_) | ParamRef::Float(_) => {
                let end = numbers.bytes().position(|b| b == 0).unwrap_or(numbers.len());
                let head = numbers.get(..end).unwrap_or_default();
                numbers = numbers.get(end + 1..).unwrap_or_default();
                Cow::Borrowed(head)
            }
        };
        out.push((k.as_ref(), value));
    }
    Ok(())
}

/// Sets `key` to `value`: in place if present (first occurrence), else appended.
pub(crate) fn set_param<'a>(items: &mut Items<'a>, key: &'a str, value: Cow<'a, str>) {
    match items.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => items.push((key, value)),
    }
}

/// The value of `key`, if present.
pub(crate) fn get_param<'b>(items: &'b [Item<'_>], key: &str) -> Option<&'b str> {
    items.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_ref())
}

/// The array index a key stands for when a JavaScript object literal holds it (`"2"`, not
/// `"02"` or `"4294967295"`): such keys are enumerated first, ascending (imgix-js).
pub(crate) fn object_literal_index(key: &str) -> Option<u32> {
    if key.is_empty() || key.len() > 10 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if key.len() > 1 && key.starts_with('0') {
        return None;
    }
    key.parse::<u32>().ok().filter(|v| *v != u32::MAX)
}

/// Byte order of keys; a plain loop beats `memcmp` calls for short keys.
pub(crate) fn key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Sorts params by key bytes: an insertion sort for the usual handful of params (each item
/// moved once to its place; the first bytes decide most comparisons).
pub(crate) fn sort_by_key_bytes(items: &mut [Item<'_>]) {
    if items.len() > 16 {
        items.sort_unstable_by(|a, b| key_cmp(a.0, b.0));
        return;
    }
    for i in 1..items.len() {
        let Some(key) = items.get(i).map(|item| item.0) else { break };
        let first = key.as_bytes().first();
        let mut j = i;
        while let Some(prev) = j.checked_sub(1).and_then(|p| items.get(p)) {
            let other = prev.0.as_bytes().first();
            let less = if first == other { key_cmp(key, prev.0).is_lt() } else { first < other };
            if !less {
                break;
            }
            j -= 1;
        }
        if let Some(run) = items.get_mut(j..=i) {
            run.rotate_right(1);
        }
    }
}

/// Sorts params by raw key as Swift compares strings: Unicode scalar order (UTF-8 byte
/// order) of their NFC forms; keys equal under NFC keep the caller's order.
pub(crate) fn sort_by_raw_nfc(items: &mut [Item<'_>]) {
    if items.iter().all(|(k, _)| k.is_ascii()) {
        items.sort_by(|a, b| key_cmp(a.0, b.0));
        return;
    }
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    items.sort_by_cached_key(|(k, _)| nfc.normalize(k).into_owned());
}

/// Sorts params by raw key as Java compares strings: UTF-16 code-unit order (stable).
pub(crate) fn sort_by_raw_utf16(items: &mut [Item<'_>]) {
    if items.iter().all(|(k, _)| k.is_ascii()) {
        items.sort_by(|a, b| key_cmp(a.0, b.0));
        return;
    }
    items.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
}

/// The error for a key given more than once.
pub(crate) fn duplicate_key<T>(key: &str) -> Result<T> {
    err(ErrorCode::InvalidParam, format!("params[{}]: key given more than once", excerpt(key)))
}

/// A key that appears more than once among `keys` sorted by [`key_cmp`] (adjacent equal).
pub(crate) fn duplicate_in_sorted<'a>(keys: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut previous: Option<&str> = None;
    for k in keys {
        if previous == Some(k) {
            return Some(k);
        }
        previous = Some(k);
    }
    None
}

/// Checks the keys of a call: no empty key unless the profile allows it, and (with
/// `check_duplicates`) no key twice. Linear for the usual handful, `n log n` beyond: a call
/// with 100,000 params is checked in milliseconds.
pub(crate) fn check_keys(items: &[Item<'_>], allow_empty: bool, check_duplicates: bool) -> Result<()> {
    if !allow_empty && items.iter().any(|(k, _)| k.is_empty()) {
        return err(ErrorCode::InvalidParam, "params: a param key must not be empty");
    }
    if !check_duplicates {
        return Ok(());
    }
    let duplicate = if items.len() <= 16 {
        items
            .iter()
            .enumerate()
            .find(|(i, (k, _))| items.iter().skip(i + 1).any(|(o, _)| o == k))
            .map(|(_, (k, _))| *k)
    } else {
        let mut keys: Vec<&str> = items.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable_by(|a, b| key_cmp(a, b));
        duplicate_in_sorted(keys.into_iter())
    };
    match duplicate {
        Some(k) => duplicate_key(k),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_values_read_as_owned_ones() {
        use crate::encode::ParamValue;
        let owned = vec![
            ("s", ParamValue::Str("a b".into())),
            ("i", ParamValue::Int(-7)),
            ("f", ParamValue::Float(0.5)),
            ("b", ParamValue::Bool(true)),
            ("n", ParamValue::Null),
        ];
        let borrowed: Vec<(&str, ParamRef<'_>)> = owned.iter().map(|(k, v)| (*k, v.as_param())).collect();
        let (mut s1, mut s2) = (String::new(), String::new());
        let (mut a, mut b) = (Items::new(), Items::new());
        normalize_params(&owned, ValueStyle::Canonical, &mut s1, &mut a).unwrap();
        normalize_params(&borrowed, ValueStyle::Canonical, &mut s2, &mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        let bad = [("x", ParamRef::Float(f64::NAN))];
        let e =
            normalize_params(&bad, ValueStyle::Canonical, &mut String::new(), &mut Items::new()).unwrap_err();
        assert_eq!(e.message(), "params[\"x\"]: float value must be finite");
    }

    #[test]
    fn object_literal_index_keys() {
        assert_eq!(object_literal_index("2"), Some(2));
        assert_eq!(object_literal_index("02"), None);
        assert_eq!(object_literal_index("4294967295"), None);
        assert_eq!(object_literal_index("x"), None);
    }

    #[test]
    fn duplicates_are_found_at_any_size() {
        for n in [2usize, 16, 17, 1000] {
            let keys: Vec<String> = (0..n).map(|i| format!("k {i}")).collect();
            let mut items: Items<'_> = keys.iter().map(|k| (k.as_str(), Cow::Borrowed("v"))).collect();
            assert!(check_keys(&items, false, true).is_ok(), "{n}");
            items.push((keys[n / 2].as_str(), Cow::Borrowed("again")));
            let e = check_keys(&items, false, true).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidParam);
            assert!(e.message().contains(&keys[n / 2]), "{e}");
        }
    }
}
