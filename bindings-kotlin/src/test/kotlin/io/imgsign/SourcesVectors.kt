package io.imgsign

import com.fasterxml.jackson.databind.JsonNode
import org.junit.jupiter.api.fail

/** A `sources` vector's source, every field as the vector gives it (null: not given). */
internal fun sourceSpec(s: JsonNode) = SourceSpec(
    name = s.str("name"),
    domain = s.str("domain"),
    pathPrefix = s.optStr("path_prefix"),
    provider = s.optStr("provider"),
    key = s.optStr("key"),
    previousKeys = strings(s["previous_keys"]),
    salt = s.optStr("salt"),
    previousSalts = strings(s["previous_salts"]),
    options = named(s["options"]),
    profile = s.optStr("profile"),
    useHttps = s.optBool("use_https"),
    includeLibraryParam = s.optBool("include_library_param"),
    disablePathEncoding = s.optBool("disable_path_encoding"),
)

/** Runs one `sources` vector: the set, then its one call. */
internal fun runSources(i: JsonNode): Any? {
    val set = Sources(i["sources"].map { sourceSpec(it) })
    return when (val op = i.str("op")) {
        "sign_url" -> i.optLong("expires").let { if (it == null) set.signUrl(i.str("url")) else set.signUrlExpiring(i.str("url"), it) }
        "sign_urls" ->
            set.signUrls(
                i["urls"].map { it.asText() },
                expires = i.optLong("expires"),
                expiresIn = i.optLong("expires_in"),
                now = i.optLong("now"),
            )
        "verify_url" -> set.verifyUrl(i.str("url"), i.long("now")).let { null }
        "verify" -> set.verify(i.str("target"), i.str("host"), i.long("now")).let { null }
        "build_url" -> set.source(i.str("name")).buildUrl(i.str("path"), params(i["params"]))
        else -> fail("unknown sources op '$op'")
    }
}
