//! The operations the JavaScript glue calls: each reads its arguments (type conversion
//! only), calls the core and writes the result.

use imgsign::{
    BuilderOptions, Error, ErrorCode, Operation as Op, Profile, Provider, SignOptions, SrcsetOptions,
};

use crate::convert::{
    Arg, Result, array, at, boolean, given, headers, integer, list, number, options, params, string,
    variable_qualities, width,
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
    /// `new UrlBuilder(domain, options)` → `[handle, toString, domain, provider, profile, isSigned]`.
    pub const BUILDER_NEW: u32 = 5;
    /// `builder.buildUrl(path, params, options)`.
    pub const BUILD_URL: u32 = 6;
    /// `builder.buildUrls(items)`.
    pub const BUILD_URLS: u32 = 7;
    /// `builder.buildSrcset(path, params, options)`.
    pub const BUILD_SRCSET: u32 = 8;
    /// `targetWidths(minWidth, maxWidth, tolerance, profile)`.
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
    /// Does nothing (the glue's per-call cost, measured by the benchmark).
    pub const NOOP: u32 = 16;
    /// `signer.verify(target, options, clock)`: what a server receives.
    pub const VERIFY: u32 = 17;
    /// `argumentErrorCode(operation, argument)`: the core's argument rule.
    pub const ARGUMENT_ERROR_CODE: u32 = 18;
    /// `builder.reconstruct(originalUrl, params)`.
    pub const RECONSTRUCT: u32 = 19;
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
        _ => Err(Error::new(ErrorCode::InvalidParam, "this: not a live Signer")),
    }
}

fn builder(objects: &Objects, handle: u32) -> Result<&imgsign::UrlBuilder> {
    match objects.get(handle) {
        Some(Obj::Builder(b)) => Ok(b),
        _ => Err(Error::new(ErrorCode::InvalidParam, "this: not a live UrlBuilder")),
    }
}

/// The clock the glue passes (JavaScript's `Date.now()`, in whole seconds): this platform
/// has no system clock of its own, so where the core would read the system clock (a `now`
/// not given) this value stands in for it.
fn clock(v: Val<'_>) -> Result<i64> {
    integer(v, Arg::new(Op::VerifyUrl, "clock"))
}

/// Reads an options object of `op` into `set(field, value)`, each field named in camelCase.
fn read_options<'a>(
    op: Op,
    v: Val<'a>,
    fields: &[&str],
    mut set: impl FnMut(&str, Val<'a>, Arg<'_>) -> Result<()>,
) -> Result<()> {
    for (key, value) in options(op, v, fields)? {
        set(&key, value, Arg::new(op, &key))?;
    }
    Ok(())
}

/// Runs operation `op` on `handle` with `args`, writing the result into `out`.
pub fn run(objects: &mut Objects, op: u32, handle: u32, args: &Args<'_>, out: &mut Writer) -> Result<()> {
    let a = |i| args.get(i);
    match op {
        op::SIGNER_NEW => {
            let provider = string(a(0), Arg::new(Op::Signer, "provider"))?;
            let key = string(a(1), Arg::new(Op::Signer, "key"))?;
            let mut previous = Vec::new();
            read_options(Op::Signer, a(2), &["previousKeys"], |_, v, arg| {
                previous = list(v, arg, string)?;
                Ok(())
            })?;
            let provider = Provider::from_name(provider)?;
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
            let url = string(a(0), Arg::new(Op::SignUrl, "url"))?;
            let mut o = SignOptions::default();
            read_options(Op::SignUrl, a(1), &["expires", "expiresIn", "now"], |k, v, arg| {
                let n = Some(integer(v, arg)?);
                match k {
                    "expires" => o.expires = n,
                    "expiresIn" => o.expires_in = n,
                    _ => o.now = n,
                }
                Ok(())
            })?;
            // The core reads the system clock only for `expiresIn` without `now`.
            if o.expires_in.is_some() && o.now.is_none() {
                o.now = Some(clock(a(2))?);
            }
            out.str(&s.sign_url_with(url, &o)?);
        }
        op::SIGN_URLS => {
            let s = signer(objects, handle)?;
            let urls = list(a(0), Arg::new(Op::SignUrls, "urls"), string)?;
            out.strs(&s.sign_urls(&urls)?);
        }
        op::VERIFY_URL | op::VERIFY => {
            let s = signer(objects, handle)?;
            let (o, name) = if op == op::VERIFY { (Op::Verify, "target") } else { (Op::VerifyUrl, "url") };
            let url = string(a(0), Arg::new(o, name))?;
            let mut now = None;
            read_options(o, a(1), &["now"], |_, v, arg| {
                now = Some(integer(v, arg)?);
                Ok(())
            })?;
            let now = Some(match now {
                Some(n) => n,
                None => clock(a(2))?,
            });
            if op == op::VERIFY {
                s.verify(url, now)?
            } else {
                s.verify_url(url, now)?
            }
            out.undefined();
        }
        op::BUILDER_NEW => {
            let domain = string(a(0), Arg::new(Op::UrlBuilder, "domain"))?;
            let mut o = BuilderOptions::default();
            let fields =
                ["provider", "key", "profile", "useHttps", "includeLibraryParam", "disablePathEncoding"];
            let (mut provider, mut profile) = (None, None);
            read_options(Op::UrlBuilder, a(1), &fields, |k, v, arg| {
                match k {
                    "provider" => provider = Some(string(v, arg)?),
                    "key" => o.key = Some(string(v, arg)?.to_owned()),
                    "profile" => profile = Some(string(v, arg)?),
                    "useHttps" => o.use_https = Some(boolean(v, arg)?),
                    "includeLibraryParam" => o.include_library_param = Some(boolean(v, arg)?),
                    _ => o.disable_path_encoding = Some(boolean(v, arg)?),
                }
                Ok(())
            })?;
            o.provider = provider.map(Provider::from_name).transpose()?;
            o.profile = profile.map(Profile::from_name).transpose()?;
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
            let path = string(a(0), Arg::new(Op::BuildUrl, "path"))?;
            let p = params(a(1), Arg::new(Op::BuildUrl, "params"))?;
            let mut o = imgsign::UrlOptions::default();
            read_options(Op::BuildUrl, a(2), &["disablePathEncoding"], |_, v, arg| {
                o.disable_path_encoding = Some(boolean(v, arg)?);
                Ok(())
            })?;
            out.str(&b.build_url_with(path, &p, &o)?);
        }
        op::RECONSTRUCT => {
            let b = builder(objects, handle)?;
            let url = string(a(0), Arg::new(Op::Reconstruct, "originalUrl"))?;
            let p = params(a(1), Arg::new(Op::Reconstruct, "params"))?;
            out.str(&b.reconstruct(url, &p)?);
        }
        op::BUILD_URLS => {
            let b = builder(objects, handle)?;
            let items = array(a(0), Arg::new(Op::BuildUrls, "items"))?;
            let mut converted = Vec::with_capacity(items.len());
            for (i, item) in items.values().enumerate() {
                let location = format!("items[{i}]");
                let pair = array(item?, Arg::new(Op::BuildUrls, &location))?;
                if pair.is_empty() || pair.len() > 2 {
                    return Err(
                        Arg::new(Op::BuildUrls, "items").invalid(format!("[{i}]: expected [path, params?]"))
                    );
                }
                let mut parts = pair.values();
                let path = parts.next().transpose()?.unwrap_or(Val::Undefined);
                let p = parts.next().transpose()?.unwrap_or(Val::Undefined);
                let path = string(path, Arg::new(Op::BuildUrls, "path")).map_err(|e| at(e, &location))?;
                let p = params(p, Arg::new(Op::BuildUrls, "params")).map_err(|e| at(e, &location))?;
                converted.push((path, p));
            }
            out.strs(&b.build_urls(&converted)?);
        }
        op::BUILD_SRCSET => {
            let b = builder(objects, handle)?;
            let path = string(a(0), Arg::new(Op::BuildSrcset, "path"))?;
            let p = params(a(1), Arg::new(Op::BuildSrcset, "params"))?;
            let o = srcset_options(a(2))?;
            out.str(&b.build_srcset(path, &p, &o)?);
        }
        op::TARGET_WIDTHS => {
            let arg = |name| Arg::new(Op::TargetWidths, name);
            let min = given(a(0)).map(|v| number(v, arg("minWidth"))).transpose()?;
            let max = given(a(1)).map(|v| number(v, arg("maxWidth"))).transpose()?;
            let tol = given(a(2)).map(|v| number(v, arg("tolerance"))).transpose()?;
            let profile = given(a(3)).map(|v| string(v, arg("profile"))).transpose()?;
            let profile = profile.map(Profile::from_name).transpose()?;
            let widths = imgsign::target_widths_for(profile, min, max, tol)?;
            out.array(widths.len(), |out| {
                for w in widths {
                    out.num(f64::from(w));
                }
            });
        }
        op::SIGN_ORIGIN_REQUEST => {
            let o = Op::SignOriginRequest;
            let key = string(a(0), Arg::new(o, "key"))?;
            let request_id = string(a(1), Arg::new(o, "requestId"))?;
            let timestamp = integer(a(2), Arg::new(o, "timestamp"))?;
            out.str(&imgsign::sign_origin_request(key, request_id, timestamp)?);
        }
        op::VERIFY_ORIGIN_REQUEST => {
            let o = Op::VerifyOriginRequest;
            let key = string(a(0), Arg::new(o, "key"))?;
            let h = headers(a(1), Arg::new(o, "headers"))?;
            let (mut now, mut tolerance) = (None, None);
            read_options(o, a(2), &["now", "tolerance"], |k, v, arg| {
                let n = Some(integer(v, arg)?);
                if k == "now" {
                    now = n
                } else {
                    tolerance = n
                }
                Ok(())
            })?;
            let now = Some(match now {
                Some(n) => n,
                None => clock(a(3))?,
            });
            imgsign::verify_origin_request(key, &h, now, tolerance)?;
            out.undefined();
        }
        op::VERIFY_BASIC_AUTH => {
            let o = Op::VerifyBasicAuth;
            let username = string(a(0), Arg::new(o, "username"))?;
            let password = string(a(1), Arg::new(o, "password"))?;
            let h = headers(a(2), Arg::new(o, "headers"))?;
            imgsign::verify_basic_auth(username, password, &h)?;
            out.undefined();
        }
        op::VERIFY_ORIGIN_SECRET => {
            let o = Op::VerifyOriginSecret;
            let secret = string(a(0), Arg::new(o, "secret"))?;
            let h = headers(a(1), Arg::new(o, "headers"))?;
            imgsign::verify_origin_secret(secret, &h)?;
            out.undefined();
        }
        op::ARGUMENT_ERROR_CODE => match (a(0), a(1)) {
            (Val::Str(operation), Val::Str(argument)) => match Op::from_name(operation) {
                Some(o) => out.str(imgsign::argument_error_code(o, argument).as_str()),
                None => out.null(),
            },
            _ => return Err(Error::new(ErrorCode::InvalidParam, "argumentErrorCode: expected two strings")),
        },
        op::VERSION => out.str(imgsign::VERSION),
        op::FREE => {
            objects.remove(handle);
            out.undefined();
        }
        op::NOOP => out.undefined(),
        _ => return Err(Error::new(ErrorCode::InvalidParam, format!("unknown operation {op}"))),
    }
    Ok(())
}

fn srcset_options(v: Val<'_>) -> Result<SrcsetOptions> {
    let mut o = SrcsetOptions::default();
    let fields = [
        "widths",
        "minWidth",
        "maxWidth",
        "tolerance",
        "devicePixelRatios",
        "variableQualities",
        "disableVariableQuality",
        "disablePathEncoding",
    ];
    read_options(Op::BuildSrcset, v, &fields, |k, v, arg| {
        match k {
            "widths" => o.widths = Some(list(v, arg, width)?),
            "minWidth" => o.min_width = Some(number(v, arg)?),
            "maxWidth" => o.max_width = Some(number(v, arg)?),
            "tolerance" => o.tolerance = Some(number(v, arg)?),
            "devicePixelRatios" => o.device_pixel_ratios = Some(list(v, arg, number)?),
            "variableQualities" => o.variable_qualities = Some(variable_qualities(v, arg)?),
            "disableVariableQuality" => o.disable_variable_quality = Some(boolean(v, arg)?),
            _ => o.disable_path_encoding = Some(boolean(v, arg)?),
        }
        Ok(())
    })?;
    Ok(o)
}
