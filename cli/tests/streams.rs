//! Standard input batches and standard output faults.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{batch_commands, drain, error_lines, imgsign, run, run_args, run_into, wait, writing_commands};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::thread;

fn sign() -> std::process::Command {
    imgsign(&["sign", "--provider", "imgix", "--key", "k"])
}

fn signed(url: &str) -> String {
    run_args(&["sign", "--provider", "imgix", "--key", "k", url]).out()
}

#[test]
fn a_line_that_is_not_utf8_is_that_lines_error_and_the_batch_goes_on() {
    let r = run(&mut sign(), b"https://a.com/1\nhttps://a.com/\xff\nhttps://a.com/3\n");
    r.exits(1);
    assert_eq!(r.out(), signed("https://a.com/1") + &signed("https://a.com/3"));
    assert_eq!(r.one_error("invalid_url"), "line 2: url: not valid UTF-8");

    let good = signed("https://a.com/1");
    let input = format!("{good}https://a.com/\u{0}\n").into_bytes();
    let mut input = [input, b"https://a.com/\xfe\n".to_vec(), good.clone().into_bytes()].concat();
    input.pop(); // the last line has no line ending
    let r = run(&mut imgsign(&["verify", "--provider", "imgix", "--key", "k"]), &input);
    r.exits(1);
    let valid = format!("valid {}\n", good.trim_end());
    assert_eq!(r.out(), valid.clone() + &valid);
    let errors = error_lines(&r.err());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[1], ("malformed_url".to_owned(), "line 3: url: not valid UTF-8".to_owned()));

    // build and srcset: the code of the word at fault.
    for name in ["build", "srcset"] {
        let r = run(
            &mut imgsign(&[name, "--domain", "a.imgix.net"]),
            b"/a.jpg\n/b\xff.jpg\n/c.jpg w=\xff\n/d.jpg\n",
        );
        r.exits(1);
        assert_eq!(r.out().lines().count(), 2, "{name}");
        let errors = error_lines(&r.err());
        assert_eq!(errors[0], ("invalid_url".to_owned(), "line 2: path: not valid UTF-8".to_owned()));
        assert_eq!(errors[1], ("invalid_param".to_owned(), "line 3: word 2: not valid UTF-8".to_owned()));
    }
}

#[test]
fn crlf_blank_lines_and_a_missing_last_newline() {
    let lf = run(&mut sign(), b"https://a.com/1\nhttps://a.com/2\n");
    lf.exits(0);
    let crlf = run(&mut sign(), b"https://a.com/1\r\n\r\n  \t\n\nhttps://a.com/2");
    crlf.exits(0);
    assert_eq!(crlf.out(), lf.out());
    assert!(crlf.stderr.is_empty());
    // Skipped lines still count: the error names the line as an editor numbers it.
    let r = run(&mut sign(), b"\n\r\n\nnot a url\r\n");
    r.exits(1);
    assert!(r.one_error("invalid_url").starts_with("line 4: "));
    // A lone \r inside a line is not a line ending.
    let r = run(&mut sign(), b"https://a.com/1\rhttps://a.com/2\n");
    r.exits(1);
    r.one_error("invalid_url");
    // No input at all is no output and success.
    let r = run(&mut sign(), b"");
    r.exits(0);
    assert!(r.stdout.is_empty());
}

#[test]
fn build_lines_are_the_words_of_the_command_line() {
    let cases: [(&str, &[&str]); 6] = [
        ("/users/1.png w=400 h=300", &["/users/1.png", "w=400", "h=300"]),
        (
            "'/photos/summer beach.jpg' txt='Hello, world!'",
            &["/photos/summer beach.jpg", "txt=Hello, world!"],
        ),
        ("/a.jpg q='a&b=c' 'mark=x y'", &["/a.jpg", "q=a&b=c", "mark=x y"]),
        (r#""/it's.jpg" txt="say \"hi\" \\ \n""#, &["/it's.jpg", r#"txt=say "hi" \ \n"#]),
        (r"/a\ b.jpg\  txt=\'\&", &["/a b.jpg ", "txt='&"]),
        ("\t/tabs.jpg\tw=1\t", &["/tabs.jpg", "w=1"]),
    ];
    let mut input = String::new();
    let mut expected = String::new();
    for (line, words) in cases {
        input.push_str(line);
        input.push('\n');
        let mut args = vec!["build", "--domain", "a.imgix.net", "--key", "k"];
        args.extend(words);
        let one = run_args(&args);
        one.exits(0);
        expected.push_str(&one.out());
    }
    let r = run(&mut imgsign(&["build", "--domain", "a.imgix.net", "--key", "k"]), input.as_bytes());
    r.exits(0);
    assert_eq!(r.out(), expected);
}

#[test]
fn a_faulty_build_line_is_coded_and_the_batch_goes_on() {
    let input = b"/ok.jpg\n/a.jpg 'w=1\n\"/b.jpg\n/c.jpg w400\n/d.jpg w=1 \\\n/e.jpg =1\n/ok.jpg\n";
    let r = run(&mut imgsign(&["build", "--domain", "a.imgix.net"]), input);
    r.exits(1);
    assert_eq!(r.out(), "https://a.imgix.net/ok.jpg\nhttps://a.imgix.net/ok.jpg\n");
    let errors: Vec<(String, String)> = error_lines(&r.err());
    let expect = [
        ("invalid_param", "line 2: word 2: a single quote is not closed"),
        ("invalid_url", "line 3: path: a double quote is not closed"),
        ("invalid_param", "line 4: word 2: expected NAME=VALUE"),
        ("invalid_param", "line 5: word 3: the line ends with a backslash"),
        ("invalid_param", "line 6: "),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
    for ((code, message), (c, m)) in errors.iter().zip(expect) {
        assert_eq!(code, c);
        assert!(message.starts_with(m), "{message:?} vs {m:?}");
    }
    assert!(!r.err().contains("w400"));
}

#[test]
fn srcset_lines_give_one_srcset_per_line() {
    let one = run_args(&["srcset", "--domain", "a.imgix.net", "--key", "k", "/a.jpg", "w=640"]);
    one.exits(0);
    assert!(one.out().matches('\n').count() > 1, "a srcset argument prints one entry per line");
    let two = run_args(&["srcset", "--domain", "a.imgix.net", "--key", "k", "/b c.jpg"]);
    let expected =
        one.out().trim_end().replace(",\n", ", ") + "\n" + &two.out().trim_end().replace(",\n", ", ") + "\n";
    let r = run(
        &mut imgsign(&["srcset", "--domain", "a.imgix.net", "--key", "k"]),
        b"/a.jpg w=640\n'/b c.jpg'\n",
    );
    r.exits(0);
    assert_eq!(r.out(), expected);
}

#[test]
fn a_line_too_long_is_refused_without_being_kept() {
    let mut input = b"https://a.com/1\nhttps://a.com/".to_vec();
    input.resize(input.len() + 2 * 1024 * 1024, b'a');
    input.extend_from_slice(b"\nhttps://a.com/3\n");
    let r = run(&mut sign(), &input);
    r.exits(1);
    assert_eq!(r.out(), signed("https://a.com/1") + &signed("https://a.com/3"));
    assert!(r.one_error("invalid_url").starts_with("line 2: url: the line is longer than"));
}

#[test]
fn results_are_sent_before_the_next_line_arrives() {
    for (args, line) in batch_commands() {
        let mut child = imgsign(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        // A reader thread, so a missing result fails at the deadline instead of hanging.
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = thread::spawn(move || {
            for _ in 0..2 {
                let mut got = String::new();
                let _ = stdout.read_line(&mut got);
                let _ = tx.send(got);
            }
        });
        for _ in 0..2 {
            stdin.write_all(line.as_bytes()).unwrap();
            stdin.flush().unwrap();
            let got = rx
                .recv_timeout(common::DEADLINE)
                .unwrap_or_else(|_| panic!("{args:?}: no result while input is open"));
            assert!(got.starts_with("https://") || got.starts_with("valid https://"), "{args:?}: {got:?}");
        }
        drop(stdin);
        assert_eq!(wait(&mut child).code(), Some(0));
        reader.join().unwrap();
    }
}

#[cfg(target_os = "linux")]
fn dev_full() -> Stdio {
    Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"))
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_is_one_io_error_for_every_command() {
    for args in writing_commands() {
        let r = run_into(&mut imgsign(&args), b"", dev_full());
        assert_eq!(r.code(), Some(1), "{args:?}");
        assert!(r.one_error("io").starts_with("cannot write to standard output: "), "{args:?}");
    }
    for (args, line) in batch_commands() {
        let r = run_into(&mut imgsign(&args), line.repeat(3).as_bytes(), dev_full());
        assert_eq!(r.code(), Some(1), "{args:?}");
        r.one_error("io");
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_closed_before_writing_ends_quietly_with_141() {
    let mut all: Vec<(Vec<String>, String)> =
        writing_commands().into_iter().map(|a| (a, String::new())).collect();
    all.extend(batch_commands().into_iter().map(|(a, l)| (a.iter().map(|s| (*s).to_owned()).collect(), l)));
    for (args, input) in all {
        // The read end is closed before imgsign starts, so its first write meets no reader.
        // Another test thread that forks at that moment holds a copy of the read end until
        // its exec closes it; a write in that window succeeds (exit 0), so a 0 is tried
        // again. Anything else than 141 with a silent stderr, or 0 every time, fails.
        let mut codes = Vec::new();
        for _ in 0..5 {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            let r = run_into(&mut imgsign(&args), input.as_bytes(), Stdio::from(writer));
            codes.push(r.code());
            if r.code() == Some(0) {
                continue;
            }
            assert_eq!(r.code(), Some(141), "{args:?}: {}", r.err());
            assert!(r.stderr.is_empty(), "{args:?}: {}", r.err());
            break;
        }
        assert_eq!(codes.last(), Some(&Some(141)), "{args:?}: exit codes {codes:?}");
    }
}

/// `yes INPUT | imgsign … | head -1` ends: the reader closes after one line while input
/// never ends.
#[cfg(unix)]
#[test]
fn endless_input_into_a_reader_that_stops_ends_promptly() {
    for (args, line) in batch_commands() {
        let mut child = imgsign(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = thread::spawn(move || while stdin.write_all(line.as_bytes()).is_ok() {});
        let stderr = drain(child.stderr.take().unwrap());
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(first.contains("https://"), "{args:?}: {first:?}");
        // The reader is gone now; imgsign must notice and end.
        let status = wait(&mut child);
        feeder.join().unwrap();
        assert_eq!(status.code(), Some(141), "{args:?}");
        assert!(stderr.join().unwrap().is_empty(), "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_standard_input_is_one_io_error() {
    // A directory opens, but reading it fails (EISDIR).
    let dir = std::fs::File::open("/").unwrap();
    let out = sign().stdin(Stdio::from(dir)).stdout(Stdio::piped()).stderr(Stdio::piped()).output().unwrap();
    let r = common::Run { status: out.status, stdout: out.stdout, stderr: out.stderr };
    r.exits(1);
    assert!(r.one_error("io").starts_with("cannot read standard input: "));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_error_is_no_panic() {
    // The error cannot be shown, but the status still tells it, and nothing panics (101).
    for (args, code) in
        [(&["sign", "--provider", "imgix", "--key", "k", "not a url"][..], 1), (&["sign", "--nope"][..], 2)]
    {
        let mut child = imgsign(args).stdout(Stdio::null()).stderr(dev_full()).spawn().unwrap();
        assert_eq!(wait(&mut child).code(), Some(code), "{args:?}");
    }
    let mut child = sign().stdin(Stdio::piped()).stdout(Stdio::null()).stderr(dev_full()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"bad\nhttps://a.com/x\n").unwrap();
    assert_eq!(wait(&mut child).code(), Some(1));
}
