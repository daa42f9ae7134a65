//! Splitting one input line into words, with the quoting of a POSIX shell (no expansion):
//! the rule of Python's `shlex.split`, so `shlex.join` or `shlex.quote` write valid lines.
//!
//! - Words are separated by spaces or tabs outside quotes.
//! - `'…'` keeps everything up to the next `'` as is.
//! - `"…"` keeps everything up to the next unescaped `"`; inside it, `\"` is `"` and `\\`
//!   is `\`, and any other backslash is kept.
//! - Outside quotes, `\` makes the next byte literal.
//! - Quoted and unquoted pieces next to each other form one word (`txt='a b'`).

/// Why a line cannot be split.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Fault {
    /// A `'` with no closing `'`.
    UnclosedSingleQuote,
    /// A `"` with no closing `"`.
    UnclosedDoubleQuote,
    /// A `\` at the end of the line.
    TrailingBackslash,
}

impl Fault {
    /// The fault in words.
    pub fn describe(self) -> &'static str {
        match self {
            Fault::UnclosedSingleQuote => "a single quote is not closed",
            Fault::UnclosedDoubleQuote => "a double quote is not closed",
            Fault::TrailingBackslash => "the line ends with a backslash",
        }
    }
}

/// A fault and the (1-based) number of the word it is in.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    /// The word's number.
    pub word: usize,
    /// What is wrong.
    pub fault: Fault,
}

/// Splits `line` (without its line ending) into words.
pub fn split(line: &[u8]) -> Result<Vec<Vec<u8>>, SplitError> {
    let mut words: Vec<Vec<u8>> = Vec::new();
    let mut word: Option<Vec<u8>> = None;
    let mut bytes = line.iter().copied().peekable();
    while let Some(b) = bytes.next() {
        if matches!(b, b' ' | b'\t' | b'\r') {
            if let Some(w) = word.take() {
                words.push(w);
            }
            continue;
        }
        let number = words.len() + 1;
        let fail = |fault| SplitError { word: number, fault };
        let w = word.get_or_insert_with(Vec::new);
        match b {
            b'\'' => loop {
                match bytes.next() {
                    Some(b'\'') => break,
                    Some(c) => w.push(c),
                    None => return Err(fail(Fault::UnclosedSingleQuote)),
                }
            },
            b'"' => loop {
                match bytes.next() {
                    Some(b'"') => break,
                    Some(b'\\') => match bytes.peek() {
                        Some(&c @ (b'"' | b'\\')) => {
                            w.push(c);
                            bytes.next();
                        }
                        _ => w.push(b'\\'),
                    },
                    Some(c) => w.push(c),
                    None => return Err(fail(Fault::UnclosedDoubleQuote)),
                }
            },
            b'\\' => match bytes.next() {
                Some(c) => w.push(c),
                None => return Err(fail(Fault::TrailingBackslash)),
            },
            c => w.push(c),
        }
    }
    if let Some(w) = word {
        words.push(w);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn words(line: &str) -> Vec<String> {
        split(line.as_bytes()).unwrap().into_iter().map(|w| String::from_utf8(w).unwrap()).collect()
    }

    // Expected values are those of Python's `shlex.split` on the same lines.
    #[test]
    fn splits_like_shlex() {
        assert_eq!(words("/a.jpg w=400  h=300\t"), ["/a.jpg", "w=400", "h=300"]);
        assert_eq!(
            words("'/summer beach.jpg' txt='Hello, world!'"),
            ["/summer beach.jpg", "txt=Hello, world!"]
        );
        assert_eq!(words(r#""/a \"b\" \c\\" x="""#), [r#"/a "b" \c\"#, "x="]);
        assert_eq!(words(r"/a\ b q=a\&b\=c"), ["/a b", "q=a&b=c"]);
        assert_eq!(words(r#"'it'"'"'s' ''"#), ["it's", ""]);
        assert_eq!(words("   "), Vec::<String>::new());
        assert_eq!(words("/a#b c=#d"), ["/a#b", "c=#d"]);
    }

    #[test]
    fn faults_are_located() {
        assert_eq!(split(b"/a 'b").unwrap_err(), SplitError { word: 2, fault: Fault::UnclosedSingleQuote });
        assert_eq!(split(b"\"/a").unwrap_err(), SplitError { word: 1, fault: Fault::UnclosedDoubleQuote });
        assert_eq!(
            split(b"/a w=1 b\\").unwrap_err(),
            SplitError { word: 3, fault: Fault::TrailingBackslash }
        );
    }

    #[test]
    fn bytes_pass_through() {
        assert_eq!(split(b"/\xff 'k=\xfe'").unwrap(), vec![b"/\xff".to_vec(), b"k=\xfe".to_vec()]);
    }
}
