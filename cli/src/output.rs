//! Standard output, standard error and the failures a run can end with.
//!
//! Every write to standard output is checked. A closed pipe ends the run quietly with
//! [`BROKEN_PIPE_STATUS`]; any other write error is one coded line on standard error.
//! Writing to standard error never fails the run and never panics.

use imgsign::Error;
use std::io::{self, BufWriter, Write};

/// The status of a run whose standard output was closed by its reader (`… | head -1`): the
/// status a POSIX shell reports for a tool ended by `SIGPIPE` (128 + 13), as `yes` or `cat`
/// give under `set -o pipefail`. Nothing is written to standard error.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// How a run ends when it does not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The command line is wrong; nothing was processed (`error[usage]`, exit 2).
    Usage(String),
    /// The library refused an input (`error[<code>]`, exit 1).
    Lib(Error),
    /// Standard input or output failed (`error[io]`, exit 1).
    Io(String),
    /// Standard output was closed by its reader: quiet, [`BROKEN_PIPE_STATUS`].
    BrokenPipe,
    /// Some inputs of a batch failed and were already reported (exit 1).
    Reported,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Lib(e)
    }
}

/// The result of a command.
pub type CliResult<T> = Result<T, Failure>;

/// A usage failure.
pub fn usage<T>(msg: impl Into<String>) -> CliResult<T> {
    Err(Failure::Usage(msg.into()))
}

/// The exit status and the message (if any) a failure ends the run with.
pub fn conclude(failure: &Failure) -> u8 {
    match failure {
        Failure::Usage(msg) => {
            line("usage", msg);
            2
        }
        Failure::Lib(e) => {
            report(e);
            1
        }
        Failure::Io(msg) => {
            line("io", msg);
            1
        }
        Failure::BrokenPipe => BROKEN_PIPE_STATUS,
        Failure::Reported => 1,
    }
}

/// Reports a library error: `imgsign: error[<code>]: <message>`.
pub fn report(e: &Error) {
    line(e.code().as_str(), e.message());
}

/// Writes `imgsign: error[<code>]: <message>` as one line on standard error. A message is
/// kept on one line whatever it contains.
fn line(code: &str, message: &str) {
    let one_line: String = message.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let line = format!("imgsign: error[{code}]: {one_line}\n");
    // One write per message, so concurrent lines never interleave; a failing standard
    // error has nowhere left to report to.
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// Buffered, checked standard output.
pub struct Out {
    w: BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    /// Standard output, buffered: results are sent by [`Out::flush`] or when the buffer
    /// fills, not line by line.
    pub fn stdout() -> Out {
        Out { w: BufWriter::with_capacity(64 * 1024, io::stdout().lock()) }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> CliResult<()> {
        self.w.write_all(text.as_bytes()).and_then(|()| self.w.write_all(b"\n")).map_err(write_failure)
    }

    /// Writes `text` as is.
    pub fn text(&mut self, text: &str) -> CliResult<()> {
        self.w.write_all(text.as_bytes()).map_err(write_failure)
    }

    /// Sends everything written so far.
    pub fn flush(&mut self) -> CliResult<()> {
        self.w.flush().map_err(write_failure)
    }
}

fn write_failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Io(format!("cannot write to standard output: {}", describe(&e)))
    }
}

/// An I/O error without the `(os error N)` suffix.
pub fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text.get(..at).unwrap_or(&text).to_owned(),
        None => text,
    }
}
