// The objects a conformance vector's input describes, for the tests that run the vectors
// (vectors.test.mjs, batch.test.mjs). Not a test file itself.
import imgsign from 'imgsign'

/** The `UrlBuilder` of a vector's input (its fields in the core's names). */
export const builderOf = (i) =>
  new imgsign.UrlBuilder(i.domain, {
    provider: i.provider,
    key: i.key,
    salt: i.salt,
    options: i.options,
    profile: i.profile,
    useHttps: i.use_https,
    includeLibraryParam: i.include_library_param,
    disablePathEncoding: i.disable_path_encoding,
  })
