// Oracle: runs the vendors' own npm packages (pins in package.json).
// stdin: JSON list of cases {id, op, input}; stdout: JSON list of {id, ok} or
// {id, error}, same order, one process for all cases. The clock is injected per case
// (`now`, Unix seconds) by replacing Date; the packages' env-var defaults are cleared
// before they load. No network: only URL/token builders are called.
//
// ops (inputs in each vendor's own terms):
//   versions                            -> {package: version}
//   imgproxy-node.generateImageUrl      the SDK's argument object -> {url, signature}
//   imgproxy-node.generateImageInfoUrl  the SDK's argument object -> {url, signature}
//   cloudinary.url                      {public_id, options} -> {url, signature}
//                                        (urlAnalytics off unless given)
//   imagekit.buildSrc                   (@imagekit/nodejs) the Python op's snake_case input
//                                        -> {url, signature, expires}
//   imagekit-legacy.url                 (imagekit 6) {private_key, url_endpoint, path | src,
//                                        transformation, transformationPosition,
//                                        queryParameters, expireSeconds, now}
//                                        -> {url, signature, expires}
//   ("signature"/"expires" are parsed from the vendor's URL: the SDKs return URLs only)
//   akamai-edgeauth.generate            the Python op's snake_case input -> token
//   thumbor-url-builder.buildUrl        {key, server, image, width, height, smart, fit_in,
//                                        filters, halign, valign, crop, meta} -> {url}
//   whatwg.url                          {url} -> {href, origin, pathname, search, hash}: the URL
//                                        as a client sends it (this runtime's WHATWG parser)
//   cloudflare-images.documented-worker {key, url, exp} -> {url, sig, string_to_sign}
//        (not a vendor package: the steps of the vendor's documented Worker, run on
//         this runtime's own WHATWG URL/URLSearchParams, which is what the docs rely on)
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

for (const name of Object.keys(process.env)) {
  if (/^(IMGPROXY_|CLOUDINARY_|IMAGEKIT_)/.test(name)) delete process.env[name];
}
// stdout carries the results only: some packages print (thumbor-url-builder logs halign)
console.log = console.error;
const require = createRequire(import.meta.url);
const { generateImageUrl, generateImageInfoUrl } = await import('@imgproxy/imgproxy-node');
const cloudinary = require('cloudinary').v2;
const ImageKitNode = (await import('@imagekit/nodejs')).default;
const ImageKitLegacy = require('imagekit');
const EdgeAuth = require('akamai-edgeauth');
const ThumborUrlBuilder = require('thumbor-url-builder');

const PINS = ['@imgproxy/imgproxy-node', '@imgproxy/imgproxy-js-core', 'cloudinary',
  '@imagekit/nodejs', 'imagekit', 'akamai-edgeauth', 'thumbor-url-builder'];

const RealDate = Date;
function withClock(now, fn) {
  if (now == null) return fn();
  const ms = now * 1000;
  class FixedDate extends RealDate {
    constructor(...a) { if (a.length === 0) super(ms); else super(...a); }
    static now() { return ms; }
  }
  globalThis.Date = FixedDate;
  try { return fn(); } finally { globalThis.Date = RealDate; }
}

const camel = (s) => s.replace(/_([a-z])/g, (_m, c) => c.toUpperCase());
function camelKeys(v) {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)]));
  }
  return v;
}
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));

// The signature alone, parsed from the vendor's URL (the SDKs return only URLs).
const imgproxySig = (url) => {
  const path = new URL(url).pathname.replace(/^\/info(?=\/)/, '');
  return path.split('/')[1];
};
const cloudinarySig = (url) => url.split('?')[0].split('/')
  .find((seg) => seg.startsWith('s--') && seg.endsWith('--') && [13, 37].includes(seg.length)) ?? null;
const imagekitParts = (url) => {
  const q = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const kv = Object.fromEntries(q.split('&').filter((p) => p.includes('='))
    .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  return { url, signature: kv['ik-s'] ?? null, expires: kv['ik-t'] ?? null };
};

const OPS = {
  versions: () => Object.fromEntries(PINS.map((p) => [p, JSON.parse(readFileSync(
    new URL(`./node_modules/${p}/package.json`, import.meta.url), 'utf8')).version])),
  'imgproxy-node.generateImageUrl': (i) => {
    const url = generateImageUrl(i);
    return { url, signature: imgproxySig(url) };
  },
  'imgproxy-node.generateImageInfoUrl': (i) => {
    const url = generateImageInfoUrl(i);
    return { url, signature: imgproxySig(url) };
  },
  'cloudinary.url': (i) => {
    const url = cloudinary.url(i.public_id, { urlAnalytics: false, ...i.options });
    return { url, signature: cloudinarySig(url) };
  },
  'imagekit.buildSrc': (i) => {
    const client = new ImageKitNode({ privateKey: i.private_key });
    const opts = defined({
      src: i.src, urlEndpoint: i.url_endpoint,
      transformation: i.transformation && camelKeys(i.transformation),
      transformationPosition: i.transformation_position,
      queryParameters: i.query_parameters, signed: i.signed, expiresIn: i.expires_in,
    });
    return withClock(i.now, () => imagekitParts(client.helper.buildSrc(opts)));
  },
  'imagekit-legacy.url': (i) => {
    const ik = new ImageKitLegacy({ publicKey: 'public_unused', privateKey: i.private_key,
      urlEndpoint: i.url_endpoint });
    const opts = defined({ path: i.path, src: i.src, transformation: i.transformation,
      transformationPosition: i.transformationPosition, queryParameters: i.queryParameters,
      signed: i.signed, expireSeconds: i.expireSeconds });
    return withClock(i.now, () => imagekitParts(ik.url(opts)));
  },
  'akamai-edgeauth.generate': (i) => {
    const ea = new EdgeAuth(defined({
      key: i.key_hex, algorithm: i.algorithm, salt: i.salt, ip: i.ip, payload: i.payload,
      sessionId: i.session_id, startTime: i.start_time, endTime: i.end_time,
      windowSeconds: i.window_seconds, fieldDelimiter: i.field_delimiter,
      aclDelimiter: i.acl_delimiter, escapeEarly: i.escape_early, tokenName: i.token_name,
    }));
    return i.acl != null ? ea.generateACLToken(i.acl) : ea.generateURLToken(i.url);
  },
  'thumbor-url-builder.buildUrl': (i) => {
    const b = new ThumborUrlBuilder(i.key, i.server || '').setImagePath(i.image);
    if (i.meta) b.metaDataOnly(true);
    if (i.crop) b.crop(...i.crop);
    if (i.fit_in) b.fitIn(i.width || 0, i.height || 0);
    else if (i.width || i.height) b.resize(i.width || 0, i.height || 0);
    if (i.halign) b.halign(i.halign);
    if (i.valign) b.valign(i.valign);
    if (i.smart) b.smartCrop(true);
    for (const f of i.filters || []) b.filter(f);
    return { url: b.buildUrl() };
  },
  'whatwg.url': (i) => {
    const u = new URL(i.url);
    return { href: u.href, origin: u.origin, pathname: u.pathname, search: u.search, hash: u.hash };
  },
  'cloudflare-images.documented-worker': (i) => {
    const url = new URL(i.url);
    url.searchParams.set('exp', String(i.exp));
    const stringToSign = url.pathname + '?' + url.searchParams.toString();
    const sig = createHmac('sha256', Buffer.from(i.key, 'utf8')).update(stringToSign).digest('hex');
    url.searchParams.set('sig', sig);
    return { url: url.toString(), sig, string_to_sign: stringToSign };
  },
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const out = cases.map((c) => {
  try {
    return { id: c.id, ok: OPS[c.op](c.input) };
  } catch (e) {
    return { id: c.id, error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(out));
