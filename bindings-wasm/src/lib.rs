//! WebAssembly build of imgsign for JavaScript runtimes without a native addon (Cloudflare
//! Workers, Vercel Edge, Deno, Bun, browsers) and the fallback of the `imgsign` npm package.
//!
//! The glue is hand-written (`bindings-node/wasm/glue.mjs`): JavaScript writes each call's
//! arguments into the module's memory in the format of [`wire`], calls one export, and reads
//! the result or the error (`.code`, message) back. This crate converts types and maps
//! errors, with the same shapes and messages as the Node addon; every rule is the core's.
//!
//! Built for `wasm32-unknown-unknown` by `bindings-wasm/scripts/build.sh`. It also compiles
//! for the host, where its tests drive the same entry point as the exports.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod abi;
pub mod api;
mod convert;
pub mod wire;

pub use abi::{call, isg_call, isg_input, live_objects};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::op;
    use crate::wire::tag;

    enum A<'a> {
        S(&'a str),
        N(f64),
        U,
        O(Vec<(&'a str, A<'a>)>),
    }

    fn put(b: &mut Vec<u8>, v: &A<'_>) {
        match v {
            A::S(s) => {
                b.push(tag::STRING);
                b.extend_from_slice(&(s.len() as u32).to_le_bytes());
                b.extend_from_slice(s.as_bytes());
            }
            A::N(x) => {
                b.push(tag::NUMBER);
                b.extend_from_slice(&x.to_le_bytes());
            }
            A::U => b.push(tag::UNDEFINED),
            A::O(props) => {
                let mut items = vec![];
                for (k, v) in props {
                    items.push(tag::STRING);
                    items.extend_from_slice(&(k.len() as u32).to_le_bytes());
                    items.extend_from_slice(k.as_bytes());
                    put(&mut items, v);
                }
                b.push(tag::OBJECT);
                b.extend_from_slice(&(props.len() as u32).to_le_bytes());
                b.extend_from_slice(&(items.len() as u32).to_le_bytes());
                b.extend_from_slice(&items);
            }
        }
    }

    /// Calls `op`; `Ok(first result string or number as text)` or `Err(code)`.
    fn run(op: u32, handle: u32, args: &[A<'_>]) -> Result<String, String> {
        let mut b = (args.len() as u32).to_le_bytes().to_vec();
        for a in args {
            put(&mut b, a);
        }
        let out = call(op, handle, &b);
        let n = u32::from_le_bytes(out[..4].try_into().unwrap()) as usize;
        assert_eq!(n, out.len() - 4);
        let body = &out[5..];
        let text = |at: usize| {
            let len = u32::from_le_bytes(body[at + 1..at + 5].try_into().unwrap()) as usize;
            String::from_utf8(body[at + 5..at + 5 + len].to_vec()).unwrap()
        };
        match (out[4], body[0]) {
            (0, tag::ASCII | tag::STRING) => Ok(text(0)),
            (0, tag::ARRAY) => Ok(f64::from_le_bytes(body[10..18].try_into().unwrap()).to_string()),
            (0, tag::UNDEFINED) => Ok(String::new()),
            (0, t) => panic!("unexpected tag {t}"),
            _ => Err(text(0)),
        }
    }

    const PIXTA: &str = "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop";

    #[test]
    fn signs_the_pixta_example_and_releases_the_signer() {
        let before = live_objects();
        let h: u32 =
            run(op::SIGNER_NEW, 0, &[A::S("pixta"), A::S("wakanda123@"), A::U]).unwrap().parse().unwrap();
        assert_eq!(live_objects(), before + 1);
        let url = run(op::SIGN_URL, h, &[A::S(PIXTA), A::U, A::N(0.0)]).unwrap();
        assert_eq!(url, format!("{PIXTA}&s=7d0d58f62c945d0ca08269205228bbe7"));
        run(op::FREE, h, &[]).unwrap();
        assert_eq!(live_objects(), before);
        assert_eq!(run(op::SIGN_URL, h, &[A::S(PIXTA)]), Err("invalid_param".into()));
    }

    #[test]
    fn argument_errors_carry_codes() {
        assert_eq!(run(op::SIGNER_NEW, 0, &[A::S("imgix"), A::N(42.0)]), Err("invalid_key".into()));
        assert_eq!(run(op::SIGNER_NEW, 0, &[A::S("nope"), A::S("k")]), Err("invalid_param".into()));
        assert_eq!(run(op::BUILDER_NEW, 0, &[A::N(1.0)]), Err("invalid_domain".into()));
        let unknown = run(op::BUILDER_NEW, 0, &[A::S("a.b"), A::O(vec![("useHTTPS", A::U)])]);
        assert_eq!(unknown, Err("invalid_param".into()));
        assert_eq!(run(op::TARGET_WIDTHS, 0, &[A::N(500.0), A::N(100.0)]), Err("invalid_srcset".into()));
        assert_eq!(run(op::TARGET_WIDTHS, 0, &[A::N(1.5)]), Err("invalid_srcset".into()));
        assert_eq!(run(99, 0, &[]), Err("invalid_param".into()));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let out = call(op::VERSION, 0, &[7, 0, 0, 0, 0xff]);
        assert_eq!(out[4], 1);
        assert_eq!(run(op::VERSION, 0, &[]).unwrap(), imgsign::VERSION);
    }

    #[test]
    fn builds_with_params_object() {
        let r = run(op::BUILDER_NEW, 0, &[A::S("demo.imgix.net"), A::O(vec![("key", A::S("FOO123bar"))])])
            .unwrap();
        let h: u32 = r.parse().unwrap();
        let url = run(op::BUILD_URL, h, &[A::S("/a b.jpg"), A::O(vec![("w", A::N(400.0))])]).unwrap();
        assert!(url.starts_with("https://demo.imgix.net/a%20b.jpg?w=400&s="), "{url}");
        run(op::FREE, h, &[]).unwrap();
    }
}
