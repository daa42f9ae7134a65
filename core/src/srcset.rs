//! srcset generation: fluid (width descriptors) and fixed (density descriptors).

use crate::builder::{Item, Items, Profile, UrlBuilder, get_param, normalize_params, set_param};
use crate::encode::{ParamValue, format_number};
use crate::error::{ErrorCode, Result, err};
use std::borrow::Cow;

/// Smallest width of the default fluid srcset.
pub const DEFAULT_MIN_WIDTH: i64 = 100;
/// Largest width of the default fluid srcset, and of any canonical width.
pub const DEFAULT_MAX_WIDTH: i64 = 8192;
/// Default tolerance between consecutive fluid widths (a fraction of the width).
pub const DEFAULT_WIDTH_TOLERANCE: f64 = 0.08;
/// Default device-pixel ratios of a fixed srcset.
pub const DEFAULT_DEVICE_PIXEL_RATIOS: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];
/// Default quality per device-pixel ratio (variable quality).
pub const DEFAULT_QUALITIES: [(f64, i64); 5] = [(1.0, 75), (2.0, 50), (3.0, 35), (4.0, 23), (5.0, 20)];
/// The 31 widths of the default fluid srcset.
pub const DEFAULT_WIDTHS: [i64; 31] = [
    100, 116, 135, 156, 181, 210, 244, 283, 328, 380, 441, 512, 594, 689, 799, 927, 1075, 1247, 1446, 1678,
    1946, 2257, 2619, 3038, 3524, 4087, 4741, 5500, 6380, 7401, 8192,
];

/// srcset options. Every field is optional: `None` is "not given" and takes the core's
/// default (the one place defaults live), so `SrcsetOptions::default()` is the fluid
/// defaults with variable quality on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SrcsetOptions {
    /// Explicit widths for a fluid srcset (wins over `w`/`h` in the canonical profile).
    pub widths: Option<Vec<i64>>,
    /// Smallest generated width (not given: [`DEFAULT_MIN_WIDTH`]).
    pub min_width: Option<i64>,
    /// Largest generated width (not given: [`DEFAULT_MAX_WIDTH`]).
    pub max_width: Option<i64>,
    /// Tolerance between consecutive widths, at least 0.01 (not given:
    /// [`DEFAULT_WIDTH_TOLERANCE`]).
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset (not given: [`DEFAULT_DEVICE_PIXEL_RATIOS`]).
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio, overriding [`DEFAULT_QUALITIES`].
    pub variable_qualities: Option<Vec<(f64, i64)>>,
    /// Add no generated `q` to fixed entries (not given: false).
    pub disable_variable_quality: Option<bool>,
}

/// The width range of a fluid srcset with every default applied.
#[derive(Clone, Copy)]
struct WidthRange {
    min: i64,
    max: i64,
    tolerance: f64,
}

impl WidthRange {
    fn of(min_width: Option<i64>, max_width: Option<i64>, tolerance: Option<f64>) -> WidthRange {
        WidthRange {
            min: min_width.unwrap_or(DEFAULT_MIN_WIDTH),
            max: max_width.unwrap_or(DEFAULT_MAX_WIDTH),
            tolerance: tolerance.unwrap_or(DEFAULT_WIDTH_TOLERANCE),
        }
    }
}

impl SrcsetOptions {
    fn range(&self) -> WidthRange {
        WidthRange::of(self.min_width, self.max_width, self.tolerance)
    }

    fn no_variable_quality(&self) -> bool {
        self.disable_variable_quality.unwrap_or(false)
    }
}

fn srcset_err<T>(msg: impl Into<String>) -> Result<T> {
    err(ErrorCode::InvalidSrcset, msg)
}

/// The canonical fluid widths from `min_width` to `max_width`, consecutive widths at most
/// `tolerance` apart (see docs/behaviour.md). An argument not given takes its default
/// ([`DEFAULT_MIN_WIDTH`], [`DEFAULT_MAX_WIDTH`], [`DEFAULT_WIDTH_TOLERANCE`]).
pub fn target_widths(
    min_width: Option<i64>,
    max_width: Option<i64>,
    tolerance: Option<f64>,
) -> Result<Vec<u32>> {
    canonical_widths(WidthRange::of(min_width, max_width, tolerance))
        .map(|ws| ws.into_iter().map(|w| u32::try_from(w).unwrap_or(u32::MAX)).collect())
}

fn canonical_widths(range: WidthRange) -> Result<Vec<i64>> {
    let WidthRange { min: min_width, max: max_width, tolerance } = range;
    if min_width < 1 {
        return srcset_err("min_width: must be at least 1");
    }
    if max_width > DEFAULT_MAX_WIDTH {
        return srcset_err(format!("max_width: must be at most {DEFAULT_MAX_WIDTH}"));
    }
    if min_width > max_width {
        return srcset_err("min_width: must not exceed max_width");
    }
    check_tolerance(tolerance)?;
    if min_width == max_width {
        return Ok(vec![min_width]);
    }
    let mut out: Vec<i64> = Vec::new();
    let mut x = as_f64(min_width);
    let max = as_f64(max_width);
    while x < max {
        let w = round_to_i64(x.round());
        if out.last() != Some(&w) {
            out.push(w);
        }
        x *= 1.0 + tolerance * 2.0;
    }
    if out.last().is_some_and(|l| *l < max_width) {
        out.push(max_width);
    }
    Ok(out)
}

fn check_tolerance(tolerance: f64) -> Result<()> {
    if !tolerance.is_finite() || tolerance < 0.01 {
        return srcset_err("tolerance: must be a finite number of at least 0.01");
    }
    Ok(())
}

fn round_to_i64(x: f64) -> i64 {
    // Float-to-int `as` saturates (and maps NaN to 0): it cannot fail.
    x as i64
}

fn python_target_widths(range: WidthRange) -> Result<Vec<i64>> {
    let WidthRange { min, max, tolerance: tol } = range;
    if min == DEFAULT_MIN_WIDTH && max == DEFAULT_MAX_WIDTH && tol == DEFAULT_WIDTH_TOLERANCE {
        return Ok(DEFAULT_WIDTHS.to_vec());
    }
    if min < 1 {
        return srcset_err("min_width: must be greater than zero");
    }
    if max < 0 {
        return srcset_err("max_width: must not be negative");
    }
    if min > max {
        return srcset_err("min_width: must not exceed max_width");
    }
    if tol.is_nan() || tol < 0.01 {
        return srcset_err("tolerance: must be at least 0.01");
    }
    if min == max {
        return Ok(vec![min]);
    }
    let (mut x, stop, cap) = (as_f64(min), as_f64(max), as_f64(DEFAULT_MAX_WIDTH));
    let mut out = Vec::new();
    while x < stop && x < cap {
        out.push(round_to_i64(x.round_ties_even()));
        x *= 1.0 + tol * 2.0;
    }
    match out.last() {
        None => srcset_err("min_width: imgix-python cannot start a width list at or above 8192"),
        Some(l) if *l < max => {
            out.push(max);
            Ok(out)
        }
        Some(_) => Ok(out),
    }
}

fn js_target_widths(range: WidthRange) -> Result<Vec<i64>> {
    let WidthRange { min, max, tolerance: tol } = range;
    if !tol.is_finite() || tol < 0.01 {
        return srcset_err("tolerance: must be a number of at least 0.01");
    }
    if (min != DEFAULT_MIN_WIDTH || max != DEFAULT_MAX_WIDTH) && (min < 1 || max < 1 || min > max) {
        return srcset_err("min_width/max_width: must be positive and min_width must not exceed max_width");
    }
    if min == max {
        return Ok(vec![min]);
    }
    let (mut x, stop) = (as_f64(min), as_f64(max));
    let mut out = Vec::new();
    while x < stop {
        out.push(round_to_i64(x.round()));
        x *= 1.0 + tol * 2.0;
    }
    if out.last().is_some_and(|l| *l < max) {
        out.push(max);
    }
    Ok(out)
}

fn check_ratio(r: f64, field: &str) -> Result<()> {
    if !r.is_finite() || !(1.0..=5.0).contains(&r) {
        return srcset_err(format!("{field}: each ratio must be a number from 1 to 5"));
    }
    Ok(())
}

/// A quality table: defaults overridden by the caller's entries.
fn qualities(custom: Option<&[(f64, i64)]>) -> Vec<(f64, i64)> {
    let mut table = DEFAULT_QUALITIES.to_vec();
    for &(r, q) in custom.unwrap_or_default() {
        match table.iter_mut().find(|(k, _)| *k == r) {
            Some(slot) => slot.1 = q,
            None => table.push((r, q)),
        }
    }
    table
}

fn lookup(table: &[(f64, i64)], r: f64) -> Option<i64> {
    table.iter().find(|(k, _)| *k == r).map(|(_, q)| *q)
}

struct Entry {
    items_url: String,
    descriptor: String,
}

/// Joins srcset entries as `URL descriptor`, separated by `",\n"`.
fn join(entries: Vec<Entry>) -> String {
    let mut out = String::with_capacity(entries.iter().map(|e| e.items_url.len() + 8).sum());
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&e.items_url);
        out.push(' ');
        out.push_str(&e.descriptor);
    }
    out
}

impl UrlBuilder {
    /// Builds a srcset for `path` with `params` (SPEC §2.4): each entry a signed URL.
    pub fn build_srcset<K: AsRef<str>>(
        &self,
        path: &str,
        params: &[(K, ParamValue)],
        options: &SrcsetOptions,
    ) -> Result<String> {
        let mut scratch = String::new();
        let mut base = Items::new();
        normalize_params(params, &mut scratch, &mut base)?;
        match self.profile() {
            Profile::Canonical => self.srcset_canonical(path, &base, options),
            Profile::ImgixPython => self.srcset_python(path, &base, options),
            Profile::ImgixJs => self.srcset_js(path, &base, options),
        }
    }

    fn fluid(&self, path: &str, base: &[Item<'_>], widths: &[i64]) -> Result<String> {
        // Every entry differs only in `w`: render and hash the rest once.
        let mut items = Items::from(base);
        set_param(&mut items, "w", Cow::Borrowed(""));
        self.emit_widths(path, &mut items, "w", widths)
    }

    fn srcset_canonical(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        let computed = canonical_widths(o.range())?;
        if let Some(ws) = &o.widths {
            if ws.is_empty() {
                return srcset_err("widths: must not be empty");
            }
            if ws.iter().any(|w| *w < 1 || *w > DEFAULT_MAX_WIDTH) {
                return srcset_err(format!("widths: each width must be from 1 to {DEFAULT_MAX_WIDTH}"));
            }
        }
        if let Some(rs) = &o.device_pixel_ratios {
            if rs.is_empty() {
                return srcset_err("device_pixel_ratios: must not be empty");
            }
            for r in rs {
                check_ratio(*r, "device_pixel_ratios")?;
            }
        }
        if let Some(vq) = &o.variable_qualities {
            for (r, q) in vq {
                check_ratio(*r, "variable_qualities")?;
                if !(0..=100).contains(q) {
                    return srcset_err("variable_qualities: each quality must be from 0 to 100");
                }
            }
        }
        if let Some(ws) = &o.widths {
            return self.fluid(path, base, ws);
        }
        let fixed = get_param(base, "w").is_some() || get_param(base, "h").is_some();
        if !fixed {
            return self.fluid(path, base, &computed);
        }
        let ratios = o.device_pixel_ratios.as_deref().unwrap_or(&DEFAULT_DEVICE_PIXEL_RATIOS);
        let table = qualities(o.variable_qualities.as_deref());
        let user_q = get_param(base, "q").is_some();
        self.fixed(path, base, ratios, |r, items| {
            let q = lookup(&table, r).or_else(|| lookup(&table, r.floor()));
            if let (false, false, Some(q)) = (o.no_variable_quality(), user_q, q) {
                set_param(items, "q", Cow::Owned(q.to_string()));
            }
        })
    }

    /// A fixed srcset: one entry per ratio with `dpr` set and the quality rule of the
    /// profile applied, descriptor `<ratio>x`.
    fn fixed<'a>(
        &self,
        path: &str,
        base: &[Item<'a>],
        ratios: &[f64],
        quality: impl Fn(f64, &mut Items<'a>),
    ) -> Result<String> {
        ratios
            .iter()
            .map(|&r| {
                let mut items = Items::from(base);
                let ratio = format_number(r);
                set_param(&mut items, "dpr", Cow::Owned(ratio.clone()));
                quality(r, &mut items);
                Ok(Entry { items_url: self.emit(path, &mut items)?, descriptor: format!("{ratio}x") })
            })
            .collect::<Result<Vec<_>>>()
            .map(join)
    }

    fn srcset_python(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        if let Some(ws) = o.widths.as_deref().filter(|w| !w.is_empty()) {
            if ws.iter().any(|w| *w < 0) {
                return srcset_err("widths: must not be negative");
            }
            return self.fluid(path, base, ws);
        }
        let targets = python_target_widths(o.range())?;
        let fixed = get_param(base, "w").is_some() || get_param(base, "h").is_some();
        if !fixed {
            return self.fluid(path, base, &targets);
        }
        let vq = o.variable_qualities.as_deref().unwrap_or_default();
        let mut ratios: Vec<f64> = DEFAULT_DEVICE_PIXEL_RATIOS.to_vec();
        if !vq.is_empty() {
            ratios = (1..=vq.len()).map(|n| n as f64).collect();
        }
        if let Some(rs) = o.device_pixel_ratios.as_deref().filter(|r| !r.is_empty()) {
            // imgix-python checks only the last ratio: a whole number from 1 to 5.
            let ok = rs.last().is_some_and(|l| l.fract() == 0.0 && (1.0..=5.0).contains(l));
            if !ok {
                return srcset_err("device_pixel_ratios: must contain whole numbers from 1 to 5");
            }
            ratios = rs.to_vec();
        }
        let table = qualities(Some(vq));
        let user_q = get_param(base, "q").filter(|q| !q.is_empty()).map(str::to_owned);
        let mut items = Items::from(base);
        let mut out = Vec::with_capacity(ratios.len());
        for r in ratios {
            let ratio = format_number(r);
            set_param(&mut items, "dpr", Cow::Owned(ratio.clone()));
            if !o.no_variable_quality() {
                let q = user_q
                    .clone()
                    .or_else(|| lookup(&table, r.floor()).filter(|q| *q != 0).map(|q| q.to_string()));
                if let Some(q) = q {
                    set_param(&mut items, "q", Cow::Owned(q));
                }
            }
            out.push(Entry {
                items_url: self.emit(path, &mut items.clone())?,
                descriptor: format!("{ratio}x"),
            });
        }
        Ok(join(out))
    }

    fn srcset_js(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        let truthy = |k: &str| get_param(base, k).is_some_and(|v| !v.is_empty());
        if !(truthy("w") || truthy("h")) {
            let computed = js_target_widths(o.range())?;
            return match &o.widths {
                Some(ws) => {
                    if ws.is_empty() || ws.iter().any(|w| *w < 1) {
                        return srcset_err("widths: must be a non-empty list of positive integers");
                    }
                    self.fluid(path, base, ws)
                }
                None => self.fluid(path, base, &computed),
            };
        }
        let ratios: &[f64] = match &o.device_pixel_ratios {
            Some(rs) => {
                if rs.is_empty() {
                    return srcset_err("device_pixel_ratios: must not be empty");
                }
                for r in rs {
                    check_ratio(*r, "device_pixel_ratios")?;
                }
                rs
            }
            None => &DEFAULT_DEVICE_PIXEL_RATIOS,
        };
        let table = qualities(o.variable_qualities.as_deref());
        let user_q = get_param(base, "q").filter(|q| !q.is_empty()).map(str::to_owned);
        self.fixed(path, base, ratios, |r, items| {
            if o.no_variable_quality() {
                return;
            }
            let q = user_q.clone().or_else(|| {
                // `params.q || qualities[dpr] || qualities[floor(dpr)]`: the last
                // operand is taken as it is, even 0.
                lookup(&table, r)
                    .filter(|q| *q != 0)
                    .or_else(|| lookup(&table, r.floor()))
                    .map(|q| q.to_string())
            });
            match q {
                Some(q) => set_param(items, "q", Cow::Owned(q)),
                // `q: undefined` drops a user's empty `q`.
                None => items.retain(|(k, _)| *k != "q"),
            }
        })
    }
}

/// Widths are far below 2^53, where the conversion is exact.
fn as_f64(v: i64) -> f64 {
    v as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_widths_match_imgix() {
        let defaults = WidthRange::of(None, None, None);
        assert_eq!(canonical_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
        assert_eq!(js_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
        assert_eq!(python_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
    }

    #[test]
    fn rounding_differs_by_profile() {
        let r = |min, max, tol| WidthRange::of(Some(min), Some(max), Some(tol));
        assert_eq!(js_target_widths(r(103, 200, 0.25)).ok(), Some(vec![103, 155, 200]));
        assert_eq!(python_target_widths(r(103, 200, 0.25)).ok(), Some(vec![103, 154, 200]));
        assert_eq!(python_target_widths(r(8000, 10000, 0.08)).ok(), Some(vec![8000, 10000]));
    }

    #[test]
    fn canonical_bounds() {
        assert!(target_widths(Some(0), Some(10), None).is_err());
        assert!(target_widths(Some(10), Some(8193), None).is_err());
        assert!(target_widths(Some(10), Some(20), Some(0.009)).is_err());
        assert_eq!(target_widths(Some(500), Some(500), None).ok(), Some(vec![500]));
        assert_eq!(target_widths(None, None, None).ok().map(|w| w.len()), Some(DEFAULT_WIDTHS.len()));
        let small = target_widths(Some(1), Some(30), Some(0.01)).unwrap_or_default();
        assert!(small.windows(2).all(|w| w[0] < w[1]), "{small:?}");
    }
}
