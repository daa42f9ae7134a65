//! Fluid srcset widths: the defaults, and the width list each profile computes from a
//! range (docs/behaviour.md, "srcset").

use crate::error::{ErrorCode, Result, err};

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

/// The width range of a fluid srcset with every default applied.
#[derive(Clone, Copy)]
pub(crate) struct WidthRange {
    pub(crate) min: i64,
    pub(crate) max: i64,
    pub(crate) tolerance: f64,
}

impl WidthRange {
    pub(crate) fn of(min_width: Option<i64>, max_width: Option<i64>, tolerance: Option<f64>) -> WidthRange {
        WidthRange {
            min: min_width.unwrap_or(DEFAULT_MIN_WIDTH),
            max: max_width.unwrap_or(DEFAULT_MAX_WIDTH),
            tolerance: tolerance.unwrap_or(DEFAULT_WIDTH_TOLERANCE),
        }
    }
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
    canonical_widths(WidthRange::of(min_width, max_width, tolerance))
        .map(|ws| ws.into_iter().map(|w| u32::try_from(w).unwrap_or(u32::MAX)).collect())
}

pub(crate) fn canonical_widths(range: WidthRange) -> Result<Vec<i64>> {
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

pub(crate) fn imgix_python_target_widths(range: WidthRange) -> Result<Vec<i64>> {
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

pub(crate) fn imgix_js_target_widths(range: WidthRange) -> Result<Vec<i64>> {
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
        assert_eq!(imgix_js_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
        assert_eq!(imgix_python_target_widths(defaults).ok(), Some(DEFAULT_WIDTHS.to_vec()));
    }

    #[test]
    fn rounding_differs_by_profile() {
        let r = |min, max, tol| WidthRange::of(Some(min), Some(max), Some(tol));
        assert_eq!(imgix_js_target_widths(r(103, 200, 0.25)).ok(), Some(vec![103, 155, 200]));
        assert_eq!(imgix_python_target_widths(r(103, 200, 0.25)).ok(), Some(vec![103, 154, 200]));
        assert_eq!(imgix_python_target_widths(r(8000, 10000, 0.08)).ok(), Some(vec![8000, 10000]));
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
