//! Spawning the `imgsign` binary with given arguments, environment and standard input,
//! with a deadline so a hang is a failure, not a stuck test run.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Generous: a run that has not ended by then hangs.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// A key that must never appear in any output.
pub const SECRET: &str = "SuperSecretK3y!";

/// The binary, with `IMGSIGN_KEY` removed from its environment.
pub fn imgsign<S: AsRef<OsStr>>(args: &[S]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_imgsign"));
    c.args(args).env_remove("IMGSIGN_KEY");
    c
}

/// What a run left behind.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    pub fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    pub fn err(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("stderr is UTF-8")
    }

    /// Asserts the exit status, and that standard error is made of well-formed error lines.
    pub fn exits(&self, code: i32) -> &Run {
        assert_eq!(self.code(), Some(code), "exit status; stderr: {}", String::from_utf8_lossy(&self.stderr));
        error_lines(&self.err());
        self
    }

    /// Asserts that standard error is exactly one error line with `code`, and returns it.
    pub fn one_error(&self, code: &str) -> String {
        let err = self.err();
        let lines = error_lines(&err);
        assert_eq!(lines.len(), 1, "expected one error line, got {err:?}");
        assert_eq!(lines[0].0, code, "error code in {err:?}");
        lines[0].1.clone()
    }

    /// Asserts that `needle` appears in neither stdout nor stderr.
    pub fn never_shows(&self, needle: &[u8]) {
        for (name, stream) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            assert!(
                !contains(stream, needle),
                "{name} shows {:?}: {:?}",
                String::from_utf8_lossy(needle),
                String::from_utf8_lossy(stream)
            );
        }
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Parses standard error as lines `imgsign: error[<code>]: <message>`, failing on any
/// other line; returns (code, message) pairs.
pub fn error_lines(stderr: &str) -> Vec<(String, String)> {
    assert!(stderr.is_empty() || stderr.ends_with('\n'), "stderr does not end with a newline: {stderr:?}");
    stderr
        .lines()
        .map(|line| {
            let rest =
                line.strip_prefix("imgsign: error[").unwrap_or_else(|| panic!("not an error line: {line:?}"));
            let (code, message) =
                rest.split_once("]: ").unwrap_or_else(|| panic!("not an error line: {line:?}"));
            assert!(
                !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "bad code in {line:?}"
            );
            assert!(!message.trim().is_empty(), "empty message in {line:?}");
            (code.to_owned(), message.to_owned())
        })
        .collect()
}

/// Runs `cmd` with `input` on standard input (closed after it).
pub fn run(cmd: &mut Command, input: &[u8]) -> Run {
    run_into(cmd, input, Stdio::piped())
}

/// Runs `cmd` with `input` on standard input and standard output sent to `stdout` (the
/// returned `stdout` is empty unless that is a pipe).
pub fn run_into(cmd: &mut Command, input: &[u8], stdout: Stdio) -> Run {
    cmd.stdin(Stdio::piped()).stdout(stdout).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn imgsign");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // The child may end before reading everything: a failed write here is not a fault.
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let stdout = child.stdout.take().map(drain);
    let stderr = drain(child.stderr.take().unwrap());
    let status = wait(&mut child);
    writer.join().unwrap();
    Run {
        status,
        stdout: stdout.map(|t| t.join().unwrap()).unwrap_or_default(),
        stderr: stderr.join().unwrap(),
    }
}

/// Runs `cmd` with no input.
pub fn run_args<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run(&mut imgsign(args), b"")
}

pub fn drain<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

/// Waits for `child`, killing it and failing at the deadline.
pub fn wait(child: &mut Child) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("imgsign did not end within {DEADLINE:?}");
        }
        thread::sleep(Duration::from_millis(5));
    }
}

/// Every command that writes to standard output, with arguments that make it succeed
/// (`IMGSIGN_KEY` is not needed by any of them).
pub fn writing_commands() -> Vec<Vec<String>> {
    let signed = signed_url();
    [
        vec!["sign", "--provider", "imgix", "--key", "k", "https://a.imgix.net/x.jpg"],
        vec!["verify", "--provider", "imgix", "--key", "k", signed.as_str()],
        vec!["build", "--domain", "a.imgix.net", "--key", "k", "/x.jpg", "w=1"],
        vec!["srcset", "--domain", "a.imgix.net", "--key", "k", "/x.jpg"],
        vec!["widths"],
        vec![
            "origin",
            "sign",
            "--key",
            "0123456789abcdef",
            "--request-id",
            "abc",
            "--timestamp",
            "1709332618",
        ],
        vec!["--help"],
        vec!["sign", "--help"],
        vec!["--version"],
    ]
    .iter()
    .map(|c| c.iter().map(|s| (*s).to_owned()).collect())
    .collect()
}

/// Commands that read standard input when given no input argument, with one input line
/// each accepts.
pub fn batch_commands() -> Vec<(Vec<&'static str>, String)> {
    vec![
        (vec!["sign", "--provider", "imgix", "--key", "k"], "https://a.imgix.net/x.jpg\n".to_owned()),
        (vec!["verify", "--provider", "imgix", "--key", "k"], format!("{}\n", signed_url())),
        (vec!["build", "--domain", "a.imgix.net", "--key", "k"], "/x.jpg w=1\n".to_owned()),
        (vec!["srcset", "--domain", "a.imgix.net", "--key", "k"], "/x.jpg w=100\n".to_owned()),
    ]
}

/// `https://a.imgix.net/x.jpg` signed with key `k`, by the binary itself (verify's input).
pub fn signed_url() -> String {
    let r = run_args(&["sign", "--provider", "imgix", "--key", "k", "https://a.imgix.net/x.jpg"]);
    assert_eq!(r.code(), Some(0));
    r.out().trim_end().to_owned()
}
