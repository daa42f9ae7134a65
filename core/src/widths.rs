//! Fluid srcset widths: the defaults, and the width list each profile computes from a
//! range (docs/behaviour.md, "srcset").

use crate::error::{ErrorCode, Result, err};
use crate::profile::{Profile, SrcsetStyle};

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

/// The width range of a fluid srcset with every default applied. Bounds are numbers as the
/// caller gave them: whole in every profile but imgix-python, which also takes floats.
#[derive(Clone, Copy)]
pub(crate) struct WidthRange {
    pub(crate) min: f64,
    pub(crate) max: f64,
    pub(crate) tolerance: f64,
}

impl WidthRange {
    pub(crate) fn of(min_width: Option<f64>, max_width: Option<f64>, tolerance: Option<f64>) -> WidthRange {
        WidthRange {
            min: min_width.unwrap_or(as_f64(DEFAULT_MIN_WIDTH)),
            max: max_width.unwrap_or(as_f64(DEFAULT_MAX_WIDTH)),
            tolerance: tolerance.unwrap_or(DEFAULT_WIDTH_TOLERANCE),
        }
    }

    /// Both bounds as whole numbers, or `invalid_srcset`.
    fn whole(self) -> Result<(i64, i64)> {
        Ok((whole_width(self.min, "min_width")?, whole_width(self.max, "max_width")?))
    }

    fn is_default(self) -> bool {
        self.min == as_f64(DEFAULT_MIN_WIDTH)
            && self.max == as_f64(DEFAULT_MAX_WIDTH)
            && self.tolerance == DEFAULT_WIDTH_TOLERANCE
    }
}

/// A width given as a number: it must be a whole number (every profile but imgix-python).
pub(crate) fn whole_width(v: f64, field: &str) -> Result<i64> {
    if !v.is_finite() || v.fract() != 0.0 || v.abs() > 9.0e15 {
        return srcset_err(format!("{field}: must be a whole number"));
    }
    Ok(crate::values::whole(v))
}

pub(crate) fn srcset_err<T>(msg: impl Into<String>) -> Result<T> {
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
    target_widths_for(None, min_width.map(as_f64), max_width.map(as_f64), tolerance)
}

/// The fluid widths a srcset of `profile` (not given: canonical) uses from `min_width` to
/// `max_width` with `tolerance`: the canonical rule, or the official library's (its
/// rounding, its bounds, its validation). Bounds are numbers: whole numbers, except that
/// imgix-python also takes floats. imgix-swift has no srcset: `invalid_param`.
pub fn target_widths_for(
    profile: Option<Profile>,
    min_width: Option<f64>,
    max_width: Option<f64>,
    tolerance: Option<f64>,
) -> Result<Vec<u32>> {
    let profile = profile.unwrap_or_default();
    let range = WidthRange::of(min_width, max_width, tolerance);
    let widths = match profile.rules().srcset {
        SrcsetStyle::Canonical => canonical_widths(range)?,
        SrcsetStyle::Python => imgix_python_target_widths(range)?,
        SrcsetStyle::Js => imgix_js_target_widths(range)?,
        SrcsetStyle::Java => imgix_java_target_widths(range)?,
        SrcsetStyle::Unsupported => return no_srcset(profile),
    };
    Ok(widths.into_iter().map(|w| u32::try_from(w).unwrap_or(u32::MAX)).collect())
}

/// The error of a profile whose library has no srcset.
pub(crate) fn no_srcset<T>(profile: Profile) -> Result<T> {
    err(
        ErrorCode::InvalidParam,
        format!("profile: {profile} has no srcset or target widths (its library builds single URLs only)"),
    )
}

pub(crate) fn canonical_widths(range: WidthRange) -> Result<Vec<i64>> {
    let (min_width, max_width) = range.whole()?;
    let tolerance = range.tolerance;
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
    let mut out = geometric(as_f64(min_width), as_f64(max_width), f64::INFINITY, tolerance, f64::round);
    out.dedup();
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

/// The widths of a geometric range, as every library writes its loop: from `start`, each
/// width `round(x)` while `x` is below `stop` and `cap`, `x` growing by `1 + 2 * tolerance`.
/// (The caller has checked that the range is finite and the tolerance at least 0.01, so the
/// loop ends.)
fn geometric(start: f64, stop: f64, cap: f64, tolerance: f64, round: fn(f64) -> f64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut x = start;
    while x < stop && x < cap {
        out.push(round_to_i64(round(x)));
        x *= 1.0 + tolerance * 2.0;
    }
    out
}

fn round_to_i64(x: f64) -> i64 {
    // Float-to-int `as` saturates (and maps NaN to 0): it cannot fail.
    x as i64
}

/// imgix-python's `target_widths(start, stop, tol)`: floats allowed, `round` half to even,
/// `int()` (towards zero) for `start == stop` and for the appended `stop`, an 8192 cap on the
/// loop, no de-duplication.
pub(crate) fn imgix_python_target_widths(range: WidthRange) -> Result<Vec<i64>> {
    let WidthRange { min, max, tolerance: tol } = range;
    if min.is_nan() || min <= 0.0 {
        return srcset_err("min_width: must be greater than zero");
    }
    if max.is_nan() || max < 0.0 {
        return srcset_err("max_width: must not be negative");
    }
    if min > max {
        return srcset_err("min_width: must not exceed max_width");
    }
    if tol.is_nan() || tol < 0.01 {
        return srcset_err("tolerance: must be at least 0.01");
    }
    if !min.is_finite() || !max.is_finite() {
        return srcset_err("min_width/max_width: must be finite");
    }
    if range.is_default() {
        return Ok(DEFAULT_WIDTHS.to_vec());
    }
    if min == max {
        return Ok(vec![round_to_i64(min.trunc())]);
    }
    let mut out = geometric(min, max, as_f64(DEFAULT_MAX_WIDTH), tol, f64::round_ties_even);
    match out.last() {
        None => srcset_err("min_width: imgix-python cannot start a width list at or above 8192"),
        Some(l) if as_f64(*l) < max => {
            out.push(round_to_i64(max.trunc()));
            Ok(out)
        }
        Some(_) => Ok(out),
    }
}

/// @imgix/js-core's `targetWidths`: whole bounds, half up (`Math.round`), no cap.
pub(crate) fn imgix_js_target_widths(range: WidthRange) -> Result<Vec<i64>> {
    let tol = range.tolerance;
    let (min, max) = range.whole()?;
    if !tol.is_finite() || tol < 0.01 {
        return srcset_err("tolerance: must be a number of at least 0.01");
    }
    if (min != DEFAULT_MIN_WIDTH || max != DEFAULT_MAX_WIDTH) && (min < 1 || max < 1 || min > max) {
        return srcset_err("min_width/max_width: must be positive and min_width must not exceed max_width");
    }
    if min == max {
        return Ok(vec![min]);
    }
    let mut out = geometric(as_f64(min), as_f64(max), f64::INFINITY, tol, f64::round);
    if out.last().is_some_and(|l| *l < max) {
        out.push(max);
    }
    Ok(out)
}

/// imgix-java's `targetWidths(begin, end, tol)`: whole bounds of at least 0, `Math.round` (half
/// up), the loop capped at 8192 but `end` appended whatever it is, no de-duplication. A
/// range starting at 0 never ends in the library: here it is `invalid_srcset`.
pub(crate) fn imgix_java_target_widths(range: WidthRange) -> Result<Vec<i64>> {
    let tol = range.tolerance;
    let (min, max) = range.whole()?;
    if min < 0 {
        return srcset_err("min_width: must not be negative");
    }
    if max < min {
        return srcset_err("min_width: must not exceed max_width");
    }
    if !tol.is_finite() || tol < 0.01 {
        return srcset_err("tolerance: must be a finite number of at least 0.01");
    }
    if range.is_default() {
        return Ok(DEFAULT_WIDTHS.to_vec());
    }
    if min == max {
        return Ok(vec![min]);
    }
    if min == 0 {
        return srcset_err("min_width: a range from 0 never grows (imgix-java loops forever on it)");
    }
    // `Math.round` is half up, which for positive numbers is `f64::round`.
    let mut out = geometric(as_f64(min), as_f64(max), as_f64(DEFAULT_MAX_WIDTH), tol, f64::round);
    match out.last() {
        None => srcset_err("min_width: imgix-java cannot start a width list at or above 8192"),
        Some(l) if *l < max => {
            out.push(max);
            Ok(out)
        }
        Some(_) => Ok(out),
    }
}

/// Widths are far below 2^53, where the conversion is exact.
pub(crate) fn as_f64(v: i64) -> f64 {
    v as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_widths_match_imgix() {
        let defaults = WidthRange::of(None, None, None);
        assert_eq!(canonical_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
        assert_eq!(imgix_js_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
        assert_eq!(imgix_python_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
    }

    #[test]
    fn rounding_differs_by_profile() {
        let r = |min: f64, max: f64, tol| WidthRange::of(Some(min), Some(max), Some(tol));
        assert_eq!(imgix_js_target_widths(r(103.0, 200.0, 0.25)).ok(), Some(vec![103, 155, 200]));
        assert_eq!(imgix_python_target_widths(r(103.0, 200.0, 0.25)).ok(), Some(vec![103, 154, 200]));
        assert_eq!(imgix_python_target_widths(r(8000.0, 10000.0, 0.08)).ok(), Some(vec![8000, 10000]));
        assert_eq!(imgix_java_target_widths(r(7000.0, 10000.0, 0.08)).ok(), Some(vec![7000, 8120, 10000]));
        assert_eq!(imgix_python_target_widths(r(100.5, 200.7, 0.25)).ok(), Some(vec![100, 151, 200]));
        assert!(imgix_java_target_widths(r(0.0, 10.0, 0.08)).is_err());
        assert!(imgix_js_target_widths(r(100.5, 200.0, 0.08)).is_err());
        assert_eq!(
            target_widths_for(Some(Profile::ImgixPython), Some(103.0), Some(200.0), Some(0.25)).ok(),
            Some(vec![103, 154, 200])
        );
        assert!(target_widths_for(Some(Profile::ImgixSwift), None, None, None).is_err());
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
