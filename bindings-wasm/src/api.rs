//! The operations the JavaScript glue calls: each reads its arguments (type conversion
//! only), calls the core and writes the result.

use imgsign::{BuilderOptions, ErrorCode, Profile, Provider, SignOptions, SrcsetOptions};

use crate::convert::{
    Result, array, boolean, coded, each_entry, given, headers, integer, list, number, options, params,
    string, strings,
};
use crate::wire::{Args, Val, Writer};

/// Operation numbers, as the glue calls them.
pub mod op {
    /// `new Signer(provider, key, options)` → `[handle, toString, provider]`.
    pub const SIGNER_NEW: u32 = 1;
    /// `signer.signUrl(url, options, clock)`.
    pub const SIGN_URL: u32 = 2;
    /// `signer.signUrls(urls)`.
    pub const SIGN_URLS: u32 = 3;
    /// `signer.verifyUrl(url, options, clock)`.
    pub const VERIFY_URL: u32 = 4;
    /// `new UrlBuilder(domain, options)` → `[handle, toString, domain, provider, profile, signed]`.
    pub const BUILDER_NEW: u32 = 5;
    /// `builder.buildUrl(path, params)`.
    pub const BUILD_URL: u32 = 6;
    /// `builder.buildUrls(items)`.
    pub const BUILD_URLS: u32 = 7;
    /// `builder.buildSrcset(path, params, options)`.
    pub const BUILD_SRCSET: u32 = 8;
    /// `targetWidths(minWidth, maxWidth, tolerance)`.
    pub const TARGET_WIDTHS: u32 = 9;
    /// `signOriginRequest(key, requestId, timestamp)`.
    pub const SIGN_ORIGIN_REQUEST: u32 = 10;
    /// `verifyOriginRequest(key, headers, options, clock)`.
    pub const VERIFY_ORIGIN_REQUEST: u32 = 11;
    /// `verifyBasicAuth(username, password, headers)`.
    pub const VERIFY_BASIC_AUTH: u32 = 12;
    /// `verifyOriginSecret(secret, headers)`.
    pub const VERIFY_ORIGIN_SECRET: u32 = 13;
    /// `version()`.
    pub const VERSION: u32 = 14;
    /// Releases a handle (the JavaScript object was garbage-collected).
    pub const FREE: u32 = 15;
    /// Returns its arguments' count (the glue's per-call cost, measured by the benchmark).
    pub const NOOP: u32 = 16;
}

/// An object the JavaScript side holds by handle.
pub enum Obj {
    /// A `Signer`.
    Signer(imgsign::Signer),
    /// A `UrlBuilder`.
    Builder(imgsign::UrlBuilder),
}

/// The objects alive on the JavaScript side, by handle (index + 1; 0 is never a handle).
#[derive(Default)]
pub struct Objects {
    slots: Vec<Option<Obj>>,
    free: Vec<usize>,
}

impl Objects {
    fn insert(&mut self, obj: Obj) -> usize {
        if let Some(i) = self.free.pop()
            && let Some(slot) = self.slots.get_mut(i)
        {
            *slot = Some(obj);
            return i + 1;
        }
        self.slots.push(Some(obj));
        self.slots.len()
    }

    fn get(&self, handle: u32) -> Option<&Obj> {
        let i = usize::try_from(handle).ok()?.checked_sub(1)?;
        self.slots.get(i)?.as_ref()
    }

    fn remove(&mut self, handle: u32) {
        let Some(i) = usize::try_from(handle).ok().and_then(|h| h.checked_sub(1)) else { return };
        if let Some(slot) = self.slots.get_mut(i)
            && slot.take().is_some()
        {
            self.free.push(i);
        }
    }

    /// How many objects are alive.
    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    /// No object is alive.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn signer(objects: &Objects, handle: u32) -> Result<&imgsign::Signer> {
    match objects.get(handle) {
        Some(Obj::Signer(s)) => Ok(s),
        _ => Err(coded(ErrorCode::InvalidParam, "this: not a live Signer")),
    }
}

fn builder(objects: &Objects, handle: u32) -> Result<&imgsign::UrlBuilder> {
    match objects.get(handle) {
        Some(Obj::Builder(b)) => Ok(b),
        _ => Err(coded(ErrorCode::InvalidParam, "this: not a live UrlBuilder")),
    }
}

fn key_arg<'a>(v: Val<'a>, field: &str) -> Result<&'a str> {
    string(v, field, ErrorCode::InvalidKey)
}

/// The clock the glue passes (JavaScript's `Date.now()`, in whole seconds): the platform
/// has no system clock of its own, so where the core would read the system clock this
/// value stands in for it.
fn clock(v: Val<'_>) -> Result<i64> {
    integer(v, "clock", ErrorCode::InvalidParam)
}

/// Runs operation `op` on `handle` with `args`, writing the result into `out`.
pub fn run(objects: &mut Objects, op: u32, handle: u32, args: &Args<'_>, out: &mut Writer) -> Result<()> {
    let a = |i| args.get(i);
    match op {
        op::SIGNER_NEW => {
            let provider = Provider::from_name(string(a(0), "provider", ErrorCode::InvalidParam)?)?;
            let key = key_arg(a(1), "key")?;
            let mut previous: Vec<&str> = Vec::new();
            for (_, v) in options(a(2), "options", &["previousKeys"])? {
                previous = strings(v, "previousKeys", ErrorCode::InvalidKey)?;
            }
            let s = imgsign::Signer::new(provider, key, &previous)?;
            let name = s.provider().name();
            let h = objects.insert(Obj::Signer(s));
            out.array(3, |w| {
                w.num(h as f64);
                w.str(&format!("Signer({name})"));
                w.str(name);
            });
        }
        op::SIGN_URL => {
            let s = signer(objects, handle)?;
            let url = string(a(0), "url", ErrorCode::InvalidUrl)?;
            let mut o = SignOptions::default();
            for (k, v) in options(a(1), "options", &["expires", "expiresIn", "now"])? {
                match k.as_ref() {
                    "expires" => o.expires = Some(integer(v, "expires", ErrorCode::InvalidParam)?),
                    "expiresIn" => o.expires_in = Some(integer(v, "expiresIn", ErrorCode::InvalidParam)?),
                    _ => o.now = Some(integer(v, "now", ErrorCode::InvalidParam)?),
                }
            }
            // The core reads the system clock only for `expiresIn` without `now`.
            if o.expires_in.is_some() && o.now.is_none() {
                o.now = Some(clock(a(2))?);
            }
            out.str(&s.sign_url_with(url, &o)?);
        }
        op::SIGN_URLS => {
            let s = signer(objects, handle)?;
            let urls = strings(a(0), "urls", ErrorCode::InvalidUrl)?;
            out.strs(&s.sign_urls(&urls)?);
        }
        op::VERIFY_URL => {
            let s = signer(objects, handle)?;
            let url = string(a(0), "url", ErrorCode::MalformedUrl)?;
            let mut now = None;
            for (_, v) in options(a(1), "options", &["now"])? {
                now = Some(integer(v, "now", ErrorCode::InvalidParam)?);
            }
            let now = match now {
                Some(n) => n,
                None => clock(a(2))?,
            };
            s.verify_url(url, Some(now))?;
            out.undefined();
        }
        op::BUILDER_NEW => {
            let domain = string(a(0), "domain", ErrorCode::InvalidDomain)?;
            let mut o = BuilderOptions::default();
            let allowed =
                ["provider", "key", "profile", "useHttps", "includeLibraryParam", "disablePathEncoding"];
            for (k, v) in options(a(1), "options", &allowed)? {
                match k.as_ref() {
                    "provider" => {
                        o.provider = Provider::from_name(string(v, "provider", ErrorCode::InvalidParam)?)?
                    }
                    "key" if v == Val::Null => o.key = None,
                    "key" => o.key = Some(key_arg(v, "key")?.to_owned()),
                    "profile" => {
                        o.profile = Profile::from_name(string(v, "profile", ErrorCode::InvalidParam)?)?
                    }
                    "useHttps" => o.use_https = boolean(v, "useHttps", ErrorCode::InvalidParam)?,
                    "includeLibraryParam" => {
                        o.include_library_param = boolean(v, "includeLibraryParam", ErrorCode::InvalidParam)?
                    }
                    _ => {
                        o.disable_path_encoding = boolean(v, "disablePathEncoding", ErrorCode::InvalidParam)?
                    }
                }
            }
            let b = imgsign::UrlBuilder::new(domain, o)?;
            let shown = format!("UrlBuilder({}, {})", b.provider().name(), b.domain());
            let (domain, provider, profile, signed) =
                (b.domain().to_owned(), b.provider().name(), b.profile().name(), b.is_signed());
            let h = objects.insert(Obj::Builder(b));
            out.array(6, |w| {
                w.num(h as f64);
                w.str(&shown);
                w.str(&domain);
                w.str(provider);
                w.str(profile);
                w.bool(signed);
            });
        }
        op::BUILD_URL => {
            let b = builder(objects, handle)?;
            let path = string(a(0), "path", ErrorCode::InvalidUrl)?;
            let p = params(a(1), "params")?;
            out.str(&b.build_url(path, &p)?);
        }
        op::BUILD_URLS => {
            let b = builder(objects, handle)?;
            let code = ErrorCode::InvalidParam;
            let items = list(a(0), "items", code, |item, at, code| {
                let pair = array(item, at, code)?;
                if pair.is_empty() || pair.len() > 2 {
                    return Err(coded(code, format!("{at}: expected [path, params?]")));
                }
                let mut parts = pair.values();
                let path = parts.next().transpose()?.unwrap_or(Val::Undefined);
                let p = parts.next().transpose()?.unwrap_or(Val::Undefined);
                let path = string(path, &format!("{at}[0]"), ErrorCode::InvalidUrl)?;
                Ok((path, params(p, &format!("{at}[1]"))?))
            })?;
            out.strs(&b.build_urls(&items)?);
        }
        op::BUILD_SRCSET => {
            let b = builder(objects, handle)?;
            let path = string(a(0), "path", ErrorCode::InvalidUrl)?;
            let p = params(a(1), "params")?;
            let o = srcset_options(a(2))?;
            out.str(&b.build_srcset(path, &p, &o)?);
        }
        op::TARGET_WIDTHS => {
            let code = ErrorCode::InvalidSrcset;
            let min = given(a(0)).map(|v| integer(v, "minWidth", code)).transpose()?;
            let max = given(a(1)).map(|v| integer(v, "maxWidth", code)).transpose()?;
            let tol = given(a(2)).map(|v| number(v, "tolerance", code)).transpose()?;
            let widths = imgsign::target_widths(
                min.unwrap_or(imgsign::DEFAULT_MIN_WIDTH),
                max.unwrap_or(imgsign::DEFAULT_MAX_WIDTH),
                tol.unwrap_or(imgsign::DEFAULT_TOLERANCE),
            )?;
            out.array(widths.len(), |out| {
                for w in widths {
                    out.num(f64::from(w));
                }
            });
        }
        op::SIGN_ORIGIN_REQUEST => {
            let key = key_arg(a(0), "key")?;
            let request_id = string(a(1), "requestId", ErrorCode::InvalidParam)?;
            let timestamp = integer(a(2), "timestamp", ErrorCode::InvalidParam)?;
            out.str(&imgsign::sign_origin_request(key, request_id, timestamp)?);
        }
        op::VERIFY_ORIGIN_REQUEST => {
            let key = key_arg(a(0), "key")?;
            let h = headers(a(1))?;
            let (mut now, mut tolerance) = (None, imgsign::DEFAULT_ORIGIN_TOLERANCE);
            for (k, v) in options(a(2), "options", &["now", "tolerance"])? {
                if k == "now" {
                    now = Some(integer(v, "now", ErrorCode::InvalidParam)?);
                } else {
                    tolerance = integer(v, "tolerance", ErrorCode::InvalidParam)?;
                }
            }
            let now = match now {
                Some(n) => n,
                None => clock(a(3))?,
            };
            imgsign::verify_origin_request(key, &h, Some(now), tolerance)?;
            out.undefined();
        }
        op::VERIFY_BASIC_AUTH => {
            let username = key_arg(a(0), "username")?;
            let password = key_arg(a(1), "password")?;
            let h = headers(a(2))?;
            imgsign::verify_basic_auth(username, password, &h)?;
            out.undefined();
        }
        op::VERIFY_ORIGIN_SECRET => {
            let secret = key_arg(a(0), "secret")?;
            let h = headers(a(1))?;
            imgsign::verify_origin_secret(secret, &h)?;
            out.undefined();
        }
        op::VERSION => out.str(imgsign::VERSION),
        op::FREE => {
            objects.remove(handle);
            out.undefined();
        }
        op::NOOP => out.undefined(),
        _ => return Err(coded(ErrorCode::InvalidParam, format!("unknown operation {op}"))),
    }
    Ok(())
}

fn srcset_options(v: Val<'_>) -> Result<SrcsetOptions> {
    let code = ErrorCode::InvalidSrcset;
    let allowed = [
        "widths",
        "minWidth",
        "maxWidth",
        "tolerance",
        "devicePixelRatios",
        "variableQualities",
        "disableVariableQuality",
    ];
    let mut o = SrcsetOptions::default();
    for (k, v) in options(v, "options", &allowed)? {
        if v.is_nullish() && k != "disableVariableQuality" {
            continue;
        }
        match k.as_ref() {
            "widths" => o.widths = Some(list(v, "widths", code, integer)?),
            "minWidth" => o.min_width = integer(v, "minWidth", code)?,
            "maxWidth" => o.max_width = integer(v, "maxWidth", code)?,
            "tolerance" => o.tolerance = number(v, "tolerance", code)?,
            "devicePixelRatios" => o.device_pixel_ratios = Some(list(v, "devicePixelRatios", code, number)?),
            "variableQualities" => {
                let mut pairs = Vec::new();
                each_entry(v, "variableQualities", code, |ratio, q| {
                    let field = format!("variableQualities[{ratio:?}]");
                    let r: f64 = match ratio.trim().parse::<f64>() {
                        Ok(r) if !ratio.trim().is_empty() => r,
                        _ => return Err(coded(code, format!("{field}: the ratio is not a number"))),
                    };
                    pairs.push((r, integer(q, &field, code)?));
                    Ok(())
                })?;
                o.variable_qualities = Some(pairs);
            }
            _ => o.disable_variable_quality = boolean(v, "disableVariableQuality", code)?,
        }
    }
    Ok(o)
}
