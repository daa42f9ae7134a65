//! srcset generation: fluid (width descriptors) and fixed (density descriptors).

use crate::builder::UrlBuilder;
use crate::encode::{AsParam, format_number};
use crate::error::Result;
use crate::params::{Item, Items, get_param, normalize_params, set_param};
use crate::profile::Profile;
use crate::widths::{
    DEFAULT_DEVICE_PIXEL_RATIOS, DEFAULT_MAX_WIDTH, DEFAULT_QUALITIES, WidthRange, canonical_widths,
    imgix_js_target_widths, imgix_python_target_widths, srcset_err,
};
use std::borrow::Cow;

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

impl SrcsetOptions {
    fn range(&self) -> WidthRange {
        WidthRange::of(self.min_width, self.max_width, self.tolerance)
    }

    fn no_variable_quality(&self) -> bool {
        self.disable_variable_quality.unwrap_or(false)
    }
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
    /// Builds a srcset for `path` with `params` (docs/behaviour.md, "srcset"): each entry a
    /// signed URL.
    pub fn build_srcset<K: AsRef<str>, V: AsParam>(
        &self,
        path: &str,
        params: &[(K, V)],
        options: &SrcsetOptions,
    ) -> Result<String> {
        let mut scratch = String::new();
        let mut base = Items::new();
        normalize_params(params, &mut scratch, &mut base)?;
        match self.profile() {
            Profile::Canonical => self.srcset_canonical(path, &base, options),
            Profile::ImgixPython => self.srcset_imgix_python(path, &base, options),
            Profile::ImgixJs => self.srcset_imgix_js(path, &base, options),
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

    fn srcset_imgix_python(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        if let Some(ws) = o.widths.as_deref().filter(|w| !w.is_empty()) {
            if ws.iter().any(|w| *w < 0) {
                return srcset_err("widths: must not be negative");
            }
            return self.fluid(path, base, ws);
        }
        let targets = imgix_python_target_widths(o.range())?;
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

    fn srcset_imgix_js(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        let truthy = |k: &str| get_param(base, k).is_some_and(|v| !v.is_empty());
        if !(truthy("w") || truthy("h")) {
            let computed = imgix_js_target_widths(o.range())?;
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
