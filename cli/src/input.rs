//! Batches: the inputs given as arguments, or one per line of standard input.
//!
//! Lines are read as bytes. A line ends at `\n`; one `\r` before it is removed, so files
//! with CRLF line endings work. Lines that are empty or only spaces and tabs are skipped.
//! Every other line gives one output line, or one coded error located by its line number
//! (which counts every line, skipped ones included), and the batch goes on. Results are
//! written as they are made and sent whenever the next line has not arrived yet, so a
//! batch works as a filter in a pipeline or a co-process.

use crate::args::Arg;
use crate::output::{CliResult, Failure, Out, describe, report};
use imgsign::{Error, ErrorCode};
use std::io::{self, BufRead, BufReader};

/// The longest line read; a longer one is that line's error, read past without being kept.
/// No acceptable input comes near it: it bounds memory, it is not a rule of the product.
pub const MAX_LINE_BYTES: usize = 16 * imgsign::MAX_URL_LEN;

/// One line of standard input, as bytes, without its line ending.
enum Line {
    Text(Vec<u8>),
    TooLong,
}

struct Lines {
    reader: BufReader<io::StdinLock<'static>>,
    number: usize,
}

impl Lines {
    fn stdin() -> Lines {
        // Reads of this size bypass the standard library's own smaller buffer.
        Lines { reader: BufReader::with_capacity(64 * 1024, io::stdin().lock()), number: 0 }
    }

    /// The next line that is not blank, with its number.
    fn next(&mut self) -> CliResult<Option<(usize, Line)>> {
        loop {
            let Some(line) = self.read_line().map_err(read_failure)? else {
                return Ok(None);
            };
            self.number += 1;
            if let Line::Text(bytes) = &line
                && bytes.iter().all(|b| matches!(b, b' ' | b'\t'))
            {
                continue;
            }
            return Ok(Some((self.number, line)));
        }
    }

    /// True when no whole line is buffered, so reading the next one may wait.
    fn would_wait(&self) -> bool {
        !self.reader.buffer().contains(&b'\n')
    }

    fn read_line(&mut self) -> io::Result<Option<Line>> {
        let mut line = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(at) => (at + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if line.len() + take > MAX_LINE_BYTES + 2 {
                    too_long = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(chunk.get(..take).unwrap_or_default());
                }
            }
            self.reader.consume(take);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        Ok(Some(if too_long || line.len() > MAX_LINE_BYTES { Line::TooLong } else { Line::Text(line) }))
    }
}

fn read_failure(e: io::Error) -> Failure {
    Failure::Io(format!("cannot read standard input: {}", describe(&e)))
}

/// Runs `each` over every line of standard input and writes its results. `too_long` makes
/// the error of a line longer than its argument.
pub fn lines(
    out: &mut Out,
    too_long: impl Fn(usize) -> Error,
    mut each: impl FnMut(&[u8]) -> Result<String, Error>,
) -> CliResult<()> {
    let mut input = Lines::stdin();
    let mut failed = false;
    while let Some((number, line)) = input.next()? {
        let result = match line {
            Line::Text(bytes) => each(&bytes),
            Line::TooLong => Err(too_long(MAX_LINE_BYTES)),
        };
        match result {
            Ok(text) => out.line(&text)?,
            Err(e) => {
                failed = true;
                // What came before the error is shown before it.
                out.flush()?;
                report(&e.at(&format!("line {number}")));
            }
        }
        if input.would_wait() {
            out.flush()?;
        }
    }
    out.flush()?;
    if failed { Err(Failure::Reported) } else { Ok(()) }
}

/// Runs `each` over inputs given as arguments. With more than one, an error is located
/// by the argument's position; every input is tried.
pub fn arguments(
    out: &mut Out,
    inputs: &[Arg],
    mut each: impl FnMut(&str) -> Result<String, Error>,
) -> CliResult<()> {
    if let [single] = inputs {
        let text = each(&single.text)?;
        out.line(&text)?;
        return out.flush();
    }
    let mut failed = false;
    for input in inputs {
        match each(&input.text) {
            Ok(text) => out.line(&text)?,
            Err(e) => {
                failed = true;
                out.flush()?;
                report(&e.at(&format!("argument {}", input.index)));
            }
        }
    }
    out.flush()?;
    if failed { Err(Failure::Reported) } else { Ok(()) }
}

/// `bytes` as text, or the coded error of `field` (never echoing the bytes).
pub fn utf8<'a>(bytes: &'a [u8], field: &str, code: ErrorCode) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|_| Error::new(code, format!("{field}: not valid UTF-8")))
}
