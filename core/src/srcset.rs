//! srcset generation: fluid (width descriptors) and fixed (density descriptors), by the
//! rules of each profile (docs/behaviour.md, "srcset").

use crate::builder::{Call, UrlBuilder};
use crate::encode::{AsParam, ParamRef, format_number};
use crate::error::Result;
use crate::params::{Item, Items, get_param, normalize_params, set_param};
use crate::profile::SrcsetStyle;
use crate::values::truthy;
use crate::widths::{
    DEFAULT_DEVICE_PIXEL_RATIOS, DEFAULT_MAX_WIDTH, DEFAULT_QUALITIES, WidthRange, as_f64, canonical_widths,
    imgix_java_target_widths, imgix_js_target_widths, imgix_python_target_widths, no_srcset, srcset_err,
    whole_width,
};
use std::borrow::Cow;

/// One explicit srcset width, as the caller gave it. Widths are whole numbers in every
/// profile but imgix-python, which takes floats too and writes them as Python does
/// (`100.0`, `100.5`); elsewhere a float width must be whole and is written as an integer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    /// A whole number.
    Int(i64),
    /// A float (imgix-python), or a whole number given as a float.
    Float(f64),
}

impl Width {
    /// A width from a language with one number type (JavaScript) or from a binding whose
    /// widths are one floating type (Kotlin and Swift `Double`), by the rule of
    /// [`ParamRef::from_number`]: a safe integer is an integer width, anything else a float.
    pub fn from_number(x: f64) -> Width {
        match crate::ParamRef::from_number(x) {
            crate::ParamRef::Int(i) => Width::Int(i),
            _ => Width::Float(x),
        }
    }

    /// The width as a number.
    pub fn value(self) -> f64 {
        match self {
            Width::Int(i) => as_f64(i),
            Width::Float(f) => f,
        }
    }
}

impl From<i64> for Width {
    fn from(v: i64) -> Self {
        Width::Int(v)
    }
}
impl From<i32> for Width {
    fn from(v: i32) -> Self {
        Width::Int(i64::from(v))
    }
}
impl From<u32> for Width {
    fn from(v: u32) -> Self {
        Width::Int(i64::from(v))
    }
}
impl From<f64> for Width {
    fn from(v: f64) -> Self {
        Width::Float(v)
    }
}

/// srcset options. Every field is optional: `None` is "not given" and takes the core's
/// default (the one place defaults live), so `SrcsetOptions::default()` is the fluid
/// defaults with variable quality on. Widths are numbers: whole numbers in every profile
/// but imgix-python, which also takes floats as its library does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SrcsetOptions {
    /// Explicit widths for a fluid srcset (wins over `w`/`h` in the canonical profile).
    pub widths: Option<Vec<Width>>,
    /// Smallest generated width (not given: [`crate::DEFAULT_MIN_WIDTH`]).
    pub min_width: Option<f64>,
    /// Largest generated width (not given: [`DEFAULT_MAX_WIDTH`]).
    pub max_width: Option<f64>,
    /// Tolerance between consecutive widths, at least 0.01 (not given:
    /// [`crate::DEFAULT_WIDTH_TOLERANCE`]).
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset (not given: [`DEFAULT_DEVICE_PIXEL_RATIOS`]).
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio, overriding [`DEFAULT_QUALITIES`].
    pub variable_qualities: Option<Vec<(f64, i64)>>,
    /// Add no generated `q` to fixed entries (not given: false).
    pub disable_variable_quality: Option<bool>,
    /// Use this call's path as given (not given: the builder's `disable_path_encoding`).
    pub disable_path_encoding: Option<bool>,
}

impl SrcsetOptions {
    fn range(&self) -> WidthRange {
        WidthRange::of(self.min_width, self.max_width, self.tolerance)
    }

    fn no_variable_quality(&self) -> bool {
        self.disable_variable_quality.unwrap_or(false)
    }

    fn call(&self) -> Call<'static> {
        Call { disable_path_encoding: self.disable_path_encoding, ..Call::default() }
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

/// The caller's value of `key`, as given (before stringification).
fn given<'a, K: AsRef<str>, V: AsParam>(params: &'a [(K, V)], key: &str) -> Option<ParamRef<'a>> {
    params.iter().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v.as_param())
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

/// Widths given as whole numbers (every profile but imgix-python), as integers.
fn whole_widths(ws: &[Width]) -> Result<Vec<Width>> {
    ws.iter().map(|w| whole_width(w.value(), "widths").map(Width::Int)).collect()
}

fn to_widths(ws: Vec<i64>) -> Vec<Width> {
    ws.into_iter().map(Width::Int).collect()
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
        let rules = self.rules();
        if rules.srcset == SrcsetStyle::Js {
            // js-core spreads params into a new object: where `w`, `dpr` and `q` land depends
            // on the caller's keys, even null ones, so it works on the params as given.
            return self.srcset_imgix_js(path, params, options);
        }
        let mut scratch = String::new();
        let mut base = Items::new();
        normalize_params(params, rules.values, &mut scratch, &mut base)?;
        match rules.srcset {
            SrcsetStyle::Canonical => self.srcset_canonical(path, &base, options),
            SrcsetStyle::Python => self.srcset_imgix_python(path, params, &base, options),
            SrcsetStyle::Java => self.srcset_imgix_java(path, &base, options),
            SrcsetStyle::Js | SrcsetStyle::Unsupported => no_srcset(self.profile()),
        }
    }

    fn fluid(&self, path: &str, base: &[Item<'_>], widths: &[Width], call: &Call<'_>) -> Result<String> {
        // Every entry differs only in `w`: render and hash the rest once.
        let mut items = Items::from(base);
        set_param(&mut items, "w", Cow::Borrowed(""));
        self.emit_widths(path, &mut items, "w", widths, call)
    }

    fn srcset_canonical(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        let computed = canonical_widths(o.range())?;
        if let Some(ws) = &o.widths {
            if ws.is_empty() {
                return srcset_err("widths: must not be empty");
            }
            whole_widths(ws)?;
            if ws.iter().any(|w| w.value() < 1.0 || w.value() > as_f64(DEFAULT_MAX_WIDTH)) {
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
        let call = o.call();
        if let Some(ws) = &o.widths {
            return self.fluid(path, base, &whole_widths(ws)?, &call);
        }
        let fixed = get_param(base, "w").is_some() || get_param(base, "h").is_some();
        if !fixed {
            return self.fluid(path, base, &to_widths(computed), &call);
        }
        let ratios = o.device_pixel_ratios.as_deref().unwrap_or(&DEFAULT_DEVICE_PIXEL_RATIOS);
        let table = qualities(o.variable_qualities.as_deref());
        let user_q = get_param(base, "q").is_some();
        self.fixed(path, base, ratios, &call, |r, items| {
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
        call: &Call<'_>,
        quality: impl Fn(f64, &mut Items<'a>),
    ) -> Result<String> {
        ratios
            .iter()
            .map(|&r| {
                let mut items = Items::from(base);
                let ratio = format_number(r);
                set_param(&mut items, "dpr", Cow::Owned(ratio.clone()));
                quality(r, &mut items);
                Ok(Entry { items_url: self.emit(path, &mut items, call)?, descriptor: format!("{ratio}x") })
            })
            .collect::<Result<Vec<_>>>()
            .map(join)
    }

    fn srcset_imgix_python<K: AsRef<str>, V: AsParam>(
        &self,
        path: &str,
        params: &[(K, V)],
        base: &[Item<'_>],
        o: &SrcsetOptions,
    ) -> Result<String> {
        let call = o.call();
        if let Some(ws) = o.widths.as_deref().filter(|w| !w.is_empty()) {
            if ws.iter().any(|w| !w.value().is_finite() || w.value() < 0.0) {
                return srcset_err("widths: must not be negative");
            }
            return self.fluid(path, base, ws, &call);
        }
        let targets = imgix_python_target_widths(o.range())?;
        // `"w" in params or "h" in params`: a key given, whatever its value (None too).
        let fixed = get_param(base, "w").is_some() || get_param(base, "h").is_some();
        if !fixed {
            return self.fluid(path, base, &to_widths(targets), &call);
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
        // `params.get("q") or …`: the caller's q when it is truthy, as Python prints it.
        let user_q = given(params, "q").filter(truthy).and(get_param(base, "q")).map(str::to_owned);
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
                items_url: self.emit(path, &mut items.clone(), &call)?,
                descriptor: format!("{ratio}x"),
            });
        }
        Ok(join(out))
    }

    fn srcset_imgix_js<K: AsRef<str>, V: AsParam>(
        &self,
        path: &str,
        params: &[(K, V)],
        o: &SrcsetOptions,
    ) -> Result<String> {
        let call = o.call();
        // The params as js-core's object holds them: `{ ...params, w }` keeps a key's place.
        let typed: Vec<(&str, ParamRef<'_>)> =
            params.iter().map(|(k, v)| (k.as_ref(), v.as_param())).collect();
        fn set<'a>(typed: &mut Vec<(&'a str, ParamRef<'a>)>, key: &'static str, value: ParamRef<'a>) {
            match typed.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => typed.push((key, value)),
            }
        }
        let truthy_key = |key: &str| given(params, key).is_some_and(|v| truthy(&v));
        let style = self.rules().values;
        if !(truthy_key("w") || truthy_key("h")) {
            let computed = imgix_js_target_widths(o.range())?;
            let widths = match &o.widths {
                Some(ws) => {
                    if ws.is_empty() || ws.iter().any(|w| w.value().fract() != 0.0 || w.value() < 1.0) {
                        return srcset_err("widths: must be a non-empty list of positive integers");
                    }
                    whole_widths(ws)?
                }
                None => to_widths(computed),
            };
            let mut typed = typed;
            set(&mut typed, "w", ParamRef::Str(""));
            let mut scratch = String::new();
            let mut items = Items::new();
            normalize_params(&typed, style, &mut scratch, &mut items)?;
            return self.emit_widths(path, &mut items, "w", &widths, &call);
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
        let user_q = given(params, "q").filter(truthy);
        let mut out = Vec::with_capacity(ratios.len());
        for &r in ratios {
            let mut entry = typed.clone();
            let ratio = format_number(r);
            set(&mut entry, "dpr", ParamRef::Float(r));
            if !o.no_variable_quality() {
                // `params.q || qualities[dpr] || qualities[floor(dpr)]`: the last operand is
                // taken as it is, even 0; none at all is `q: undefined`, which drops a q.
                let q = user_q.or_else(|| {
                    lookup(&table, r)
                        .filter(|q| *q != 0)
                        .or_else(|| lookup(&table, r.floor()))
                        .map(ParamRef::Int)
                });
                set(&mut entry, "q", q.unwrap_or(ParamRef::Null));
            }
            let mut scratch = String::new();
            let mut items = Items::new();
            normalize_params(&entry, style, &mut scratch, &mut items)?;
            out.push(Entry {
                items_url: self.emit(path, &mut items, &call)?,
                descriptor: format!("{ratio}x"),
            });
        }
        Ok(join(out))
    }

    fn srcset_imgix_java(&self, path: &str, base: &[Item<'_>], o: &SrcsetOptions) -> Result<String> {
        if o.device_pixel_ratios.is_some() {
            return srcset_err("device_pixel_ratios: imgix-java has no such option (its ratios are 1 to 5)");
        }
        if o.variable_qualities.is_some() {
            return srcset_err("variable_qualities: imgix-java has no such option");
        }
        let call = o.call();
        if let Some(ws) = &o.widths {
            // `createSrcSet(path, params, widths)`: always fluid, 0 and widths above 8192 allowed.
            if ws.is_empty() {
                return srcset_err("widths: must not be empty");
            }
            let ws = whole_widths(ws)?;
            if ws.iter().any(|w| w.value() < 0.0) {
                return srcset_err("widths: must not be negative");
            }
            return self.fluid(path, base, &ws, &call);
        }
        let present = |k: &str| get_param(base, k).is_some_and(|v| !v.is_empty());
        if !(present("w") || present("h")) {
            let widths = imgix_java_target_widths(o.range())?;
            return self.fluid(path, base, &to_widths(widths), &call);
        }
        // The fixed path takes no range: imgix-java does not look at it there.
        let user_q = get_param(base, "q").is_some();
        self.fixed(path, base, &DEFAULT_DEVICE_PIXEL_RATIOS, &call, |r, items| {
            if let (false, false, Some(q)) = (o.no_variable_quality(), user_q, lookup(&DEFAULT_QUALITIES, r))
            {
                set_param(items, "q", Cow::Owned(q.to_string()));
            }
        })
    }
}
