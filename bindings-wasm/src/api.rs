//! The operations the JavaScript glue calls: each reads its arguments (type conversion
//! only), calls the core and writes the result.

use imgsign::{
    BuilderOptions, Error, ErrorCode, Operation as Op, ParamValue, Profile, Provider, Secrets, SignOptions,
    SourceSpec, SrcsetOptions, VerifyOptions,
};

use crate::convert::{
    Arg, Result, array, at, boolean, entries, given, headers, integer, list, number, options, params, string,
    variable_qualities, width,
};
use crate::wire::{Args, Val, Writer};

/// Operation numbers, as the glue calls them.
pub mod op {
    /// `new Signer(provider, key, options)` → `[handle, toString, provider]`.
    pub const SIGNER_NEW: u32 = 1;
    /// `signer.signUrl(url, options, clock)`.
    pub const SIGN_URL: u32 = 2;
    /// `signer.signUrls(urls, options, clock)`.
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
    /// The core's lists → `[providerNames, profileNames, errorCodes]`.
    pub const NAMES: u32 = 19;
    /// `signer.signToken(options, clock)`.
    pub const SIGN_TOKEN: u32 = 20;
    /// `signer.verifyToken(token, options, clock)`.
    pub const VERIFY_TOKEN: u32 = 21;
    /// `new Sources(sources)` → `[handle, toString, names]`.
    pub const SOURCES_NEW: u32 = 22;
    /// `sources.signUrl(url, options, clock)`.
    pub const SOURCES_SIGN_URL: u32 = 23;
    /// `sources.signUrls(urls, options, clock)`.
    pub const SOURCES_SIGN_URLS: u32 = 24;
    /// `sources.verifyUrl(url, options, clock)`.
    pub const SOURCES_VERIFY_URL: u32 = 25;
    /// `sources.verify(target, host, options, clock)`.
    pub const SOURCES_VERIFY: u32 = 26;
    /// `sources.source(name)` → a builder, as `BUILDER_NEW` returns it.
    pub const SOURCE: u32 = 27;
    /// `builder.requestTarget(path, query)`: the target a client sent, from a decoded path.
    pub const REQUEST_TARGET: u32 = 28;
    /// `builder.reconstruct(originalUrl, params)`.
    pub const RECONSTRUCT: u32 = 29;
    /// `profileDefaults()` → per profile `[profile, minWidth, maxWidth, tolerance,
    /// libraryParam, libraryVersion, includeLibraryParam]` (`null` where it has no srcset).
    pub const PROFILE_DEFAULTS: u32 = 30;
}

/// An object the JavaScript side holds by handle.
pub enum Obj {
    /// A `Signer`.
    Signer(Box<imgsign::Signer>),
    /// A `UrlBuilder`.
    Builder(Box<imgsign::UrlBuilder>),
    /// A `Sources` set.
    Sources(Box<imgsign::Sources>),
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

fn sources(objects: &Objects, handle: u32) -> Result<&imgsign::Sources> {
    match objects.get(handle) {
        Some(Obj::Sources(s)) => Ok(s),
        _ => Err(Error::new(ErrorCode::InvalidParam, "this: not a live Sources")),
    }
}

/// Named values (a scheme's `options`, per-call `values`) as the core takes them.
fn named(v: Val<'_>, arg: Arg<'_>) -> Result<Vec<(String, ParamValue)>> {
    Ok(params(v, arg)?.into_iter().map(|(k, v)| (k.into_owned(), v.into())).collect())
}

/// The options of `signUrl` and `signToken` (of `op`); the clock stands in for the system
/// clock where `expiresIn` comes without `now`.
fn sign_options(op: Op, v: Val<'_>, clock_arg: Val<'_>) -> Result<SignOptions> {
    let mut o = SignOptions::default();
    read_options(op, v, &["expires", "expiresIn", "now", "values"], |k, v, arg| {
        match k {
            "values" => o.values = named(v, arg)?,
            "expires" => o.expires = Some(integer(v, arg)?),
            "expiresIn" => o.expires_in = Some(integer(v, arg)?),
            _ => o.now = Some(integer(v, arg)?),
        }
        Ok(())
    })?;
    // The core reads the system clock only for `expiresIn` without `now`.
    if o.expires_in.is_some() && o.now.is_none() {
        o.now = Some(clock(clock_arg)?);
    }
    Ok(o)
}

/// The options of the verify calls (of `op`), the clock standing in for the system clock.
fn verify_options(op: Op, v: Val<'_>, clock_arg: Val<'_>) -> Result<VerifyOptions> {
    let mut o = VerifyOptions::default();
    read_options(op, v, &["now", "values"], |k, v, arg| {
        match k {
            "values" => o.values = named(v, arg)?,
            _ => o.now = Some(integer(v, arg)?),
        }
        Ok(())
    })?;
    if o.now.is_none() {
        o.now = Some(clock(clock_arg)?);
    }
    Ok(o)
}

/// The builder options of `new UrlBuilder(domain, options)` (and of a source, `op`).
/// `other` takes the `extra` fields; a `dyn` callback, so that the two callers share one
/// copy of this function in the module.
fn builder_options<'a>(
    op: Op,
    v: Val<'a>,
    extra: &[&str],
    other: &mut dyn FnMut(&str, Val<'a>, Arg<'_>) -> Result<()>,
) -> Result<BuilderOptions> {
    let mut o = BuilderOptions::default();
    let mut fields = vec![
        "provider",
        "key",
        "salt",
        "options",
        "profile",
        "useHttps",
        "includeLibraryParam",
        "disablePathEncoding",
    ];
    fields.extend_from_slice(extra);
    let (mut provider, mut profile) = (None, None);
    read_options(op, v, &fields, |k, v, arg| {
        match k {
            "provider" => provider = Some(string(v, arg)?),
            "key" => o.key = Some(string(v, arg)?.to_owned()),
            "salt" => o.salt = Some(string(v, arg)?.to_owned()),
            "options" => o.options = named(v, arg)?,
            "profile" => profile = Some(string(v, arg)?),
            "useHttps" => o.use_https = Some(boolean(v, arg)?),
            "includeLibraryParam" => o.include_library_param = Some(boolean(v, arg)?),
            "disablePathEncoding" => o.disable_path_encoding = Some(boolean(v, arg)?),
            _ => other(k, v, arg)?,
        }
        Ok(())
    })?;
    o.provider = provider.map(Provider::from_name).transpose()?;
    o.profile = profile.map(Profile::from_name).transpose()?;
    Ok(o)
}

/// A builder as the glue holds it: `[handle, toString, domain, provider, profile, isSigned,
/// pathPrefix]`.
fn write_builder(objects: &mut Objects, b: imgsign::UrlBuilder, out: &mut Writer) {
    let shown = format!("UrlBuilder({}, {})", b.provider().name(), b.domain());
    let (domain, provider, profile, signed) =
        (b.domain().to_owned(), b.provider().name(), b.profile().name(), b.is_signed());
    let prefix = b.path_prefix().map(str::to_owned);
    let h = objects.insert(Obj::Builder(Box::new(b)));
    out.array(7, |w| {
        w.num(h as f64);
        w.str(&shown);
        w.str(&domain);
        w.str(provider);
        w.str(profile);
        w.bool(signed);
        match &prefix {
            Some(p) => w.str(p),
            None => w.null(),
        }
    });
}

/// The sources of `new Sources(sources)`: by name, each an options object.
fn source_specs(v: Val<'_>) -> Result<Vec<SourceSpec>> {
    let mut specs = Vec::new();
    for (name, spec) in entries(v, Arg::new(Op::Sources, "sources"))? {
        let location = format!("sources[{name}]");
        let (mut domain, mut prefix) = (String::new(), None);
        let (mut previous_keys, mut previous_salts) = (Vec::new(), Vec::new());
        let extra = ["domain", "pathPrefix", "previousKeys", "previousSalts"];
        let options = builder_options(Op::Sources, spec, &extra, &mut |k, v, arg| {
            match k {
                "domain" => domain = string(v, arg)?.to_owned(),
                "pathPrefix" => prefix = Some(string(v, arg)?.to_owned()),
                "previousKeys" => previous_keys = list(v, arg, |x, a| string(x, a).map(str::to_owned))?,
                _ => previous_salts = list(v, arg, |x, a| string(x, a).map(str::to_owned))?,
            }
            Ok(())
        })
        .map_err(|e| at(e, &location))?;
        specs.push(SourceSpec {
            name: name.into_owned(),
            domain,
            path_prefix: prefix,
            options,
            previous_keys,
            previous_salts,
        });
    }
    Ok(specs)
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
            let mut secrets =
                Secrets { key: string(a(1), Arg::new(Op::Signer, "key"))?.to_owned(), ..Secrets::default() };
            let mut options = Vec::new();
            let fields = ["previousKeys", "salt", "previousSalts", "options"];
            read_options(Op::Signer, a(2), &fields, |k, v, arg| {
                let strings = |v| list(v, arg, |x, a| string(x, a).map(str::to_owned));
                match k {
                    "previousKeys" => secrets.previous_keys = strings(v)?,
                    "salt" => secrets.salt = Some(string(v, arg)?.to_owned()),
                    "previousSalts" => secrets.previous_salts = strings(v)?,
                    _ => options = named(v, arg)?,
                }
                Ok(())
            })?;
            let provider = Provider::from_name(provider)?;
            let s = imgsign::Signer::with(provider, &secrets, &options)?;
            let name = s.provider().name();
            let h = objects.insert(Obj::Signer(Box::new(s)));
            out.array(3, |w| {
                w.num(h as f64);
                w.str(&format!("Signer({name})"));
                w.str(name);
            });
        }
        op::SIGN_URL => {
            let s = signer(objects, handle)?;
            let url = string(a(0), Arg::new(Op::SignUrl, "url"))?;
            let o = sign_options(Op::SignUrl, a(1), a(2))?;
            out.str(&s.sign_url_with(url, &o)?);
        }
        op::SIGN_TOKEN => {
            let s = signer(objects, handle)?;
            let o = sign_options(Op::SignToken, a(0), a(1))?;
            out.str(&s.sign_token(&o)?);
        }
        op::VERIFY_TOKEN => {
            let s = signer(objects, handle)?;
            let token = string(a(0), Arg::new(Op::VerifyToken, "token"))?;
            s.verify_token(token, &verify_options(Op::VerifyToken, a(1), a(2))?)?;
            out.undefined();
        }
        op::SIGN_URLS => {
            let s = signer(objects, handle)?;
            let urls = list(a(0), Arg::new(Op::SignUrls, "urls"), string)?;
            let o = sign_options(Op::SignUrls, a(1), a(2))?;
            out.strs(&s.sign_urls_with(&urls, &o)?);
        }
        op::VERIFY_URL | op::VERIFY => {
            let s = signer(objects, handle)?;
            let (o, name) = if op == op::VERIFY { (Op::Verify, "target") } else { (Op::VerifyUrl, "url") };
            let url = string(a(0), Arg::new(o, name))?;
            let options = verify_options(o, a(1), a(2))?;
            if op == op::VERIFY {
                s.verify_with(url, &options)?
            } else {
                s.verify_url_with(url, &options)?
            }
            out.undefined();
        }
        op::BUILDER_NEW => {
            let domain = string(a(0), Arg::new(Op::UrlBuilder, "domain"))?;
            let o = builder_options(Op::UrlBuilder, a(1), &[], &mut |_, _, _| Ok(()))?;
            write_builder(objects, imgsign::UrlBuilder::new(domain, o)?, out);
        }
        op::SOURCES_NEW => {
            let set = imgsign::Sources::new(&source_specs(a(0))?)?;
            let names: Vec<String> = set.sources().iter().map(|s| s.name().to_owned()).collect();
            let shown = set.to_string();
            let h = objects.insert(Obj::Sources(Box::new(set)));
            out.array(3, |w| {
                w.num(h as f64);
                w.str(&shown);
                w.strs(&names);
            });
        }
        op::SOURCES_SIGN_URL => {
            let set = sources(objects, handle)?;
            let url = string(a(0), Arg::new(Op::SignUrl, "url"))?;
            out.str(&set.sign_url_with(url, &sign_options(Op::SignUrl, a(1), a(2))?)?);
        }
        op::SOURCES_SIGN_URLS => {
            let set = sources(objects, handle)?;
            let urls = list(a(0), Arg::new(Op::SignUrls, "urls"), string)?;
            out.strs(&set.sign_urls_with(&urls, &sign_options(Op::SignUrls, a(1), a(2))?)?);
        }
        op::SOURCES_VERIFY_URL => {
            let set = sources(objects, handle)?;
            let url = string(a(0), Arg::new(Op::VerifyUrl, "url"))?;
            set.verify_url_with(url, &verify_options(Op::VerifyUrl, a(1), a(2))?)?;
            out.undefined();
        }
        op::SOURCES_VERIFY => {
            let set = sources(objects, handle)?;
            let target = string(a(0), Arg::new(Op::Verify, "target"))?;
            let host = string(a(1), Arg::new(Op::Verify, "host"))?;
            set.verify_with(target, host, &verify_options(Op::Verify, a(2), a(3))?)?;
            out.undefined();
        }
        op::SOURCE => {
            let name = string(a(0), Arg::new(Op::Source, "name"))?;
            let b = sources(objects, handle)?.source(name)?.builder().clone();
            write_builder(objects, b, out);
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
        op::REQUEST_TARGET => {
            let b = builder(objects, handle)?;
            let path = string(a(0), Arg::new(Op::RequestTarget, "path"))?;
            let query = string(a(1), Arg::new(Op::RequestTarget, "query"))?;
            out.str(&b.request_target(path, query)?);
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
        op::NAMES => out.array(3, |w| {
            w.strs(&Provider::ALL.map(Provider::name));
            w.strs(&Profile::ALL.map(Profile::name));
            w.strs(&ErrorCode::ALL.map(ErrorCode::as_str));
        }),
        op::PROFILE_DEFAULTS => {
            let all = imgsign::profile_defaults();
            out.array(all.len(), |out| {
                for d in all {
                    out.array(7, |w| {
                        w.str(d.profile.name());
                        let num = |w: &mut Writer, x: Option<f64>| match x {
                            Some(x) => w.num(x),
                            None => w.null(),
                        };
                        num(w, d.min_width.map(f64::from));
                        num(w, d.max_width.map(f64::from));
                        num(w, d.tolerance);
                        w.str(d.library_param);
                        w.str(d.library_version);
                        w.bool(d.include_library_param);
                    });
                }
            });
        }
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
