// Oracle for the imgix-js profile: runs the official @imgix/js-core 3.8.0.
// stdin: JSON array of requests; stdout: JSON array of results, same order.
// request: {op: "url"|"srcset", client: {domain, useHTTPS, secureURLToken, includeLibraryParam},
//           path, params: [[key, stringValue], ...], options: {...}, variableQualities: [[ratio, q]] | null}
//       or {op: "sent", url, param}: the path and query a client sends for `url` without its
//           last `param` piece (the signature), as the WHATWG URL parser serialises them.
//       or {op: "parse", url}: {origin: "scheme://host[:port]", pathname, search} of `url` as
//           the WHATWG URL parser reads it (what `reconstruct` starts from).
//       or {op: "widths", args: [min, max, tolerance]}: ImgixClient.targetWidths(...args).
// result:  {ok: "<string>"} or {error: "<message>"}
import ImgixClient from '@imgix/js-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = requests.map((req) => {
  try {
    if (req.op === 'parse') {
      const u = new URL(req.url);
      return { ok: { origin: `${u.protocol}//${u.host}`, pathname: u.pathname, search: u.search } };
    }
    if (req.op === 'widths') {
      return { ok: ImgixClient.targetWidths(...req.args.map((a) => (a === null ? undefined : a))) };
    }
    if (req.op === 'sent') {
      const cut = Math.max(req.url.lastIndexOf(`?${req.param}=`), req.url.lastIndexOf(`&${req.param}=`));
      const u = new URL(req.url.slice(0, cut));
      return { ok: u.pathname + u.search };
    }
    const client = new ImgixClient(req.client);
    // Object.fromEntries: JavaScript's own key order applies (integer-like keys first).
    const params = Object.fromEntries(req.params);
    const options = { ...req.options };
    if (req.variableQualities != null) {
      options.variableQualities = Object.fromEntries(
        req.variableQualities.map(([ratio, q]) => [String(ratio), q]),
      );
    }
    const out = req.op === 'url'
      ? client.buildURL(req.path, params, options)
      : client.buildSrcSet(req.path, params, options);
    return { ok: out };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results));
