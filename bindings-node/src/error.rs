//! Errors: core errors become JavaScript `Error`s whose `.code` is the core's code string.

use imgsign::{ArgumentProblem, ErrorCode, Operation};

/// The `.code` of a thrown error: one of the core's stable code strings.
pub struct Code(&'static str);

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.0
    }
}

pub type Error = napi::Error<Code>;
pub type Result<T> = std::result::Result<T, Error>;

/// A core error as the JavaScript `Error` it is thrown as.
pub fn core(e: imgsign::Error) -> Error {
    napi::Error::new(Code(e.code().as_str()), e.message().to_owned())
}

/// What is wrong with one argument of one operation: the code is the core's rule.
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    pub op: Operation,
    pub name: &'a str,
}

impl<'a> Arg<'a> {
    pub fn new(op: Operation, name: &'a str) -> Self {
        Arg { op, name }
    }

    /// The core's code for this argument.
    pub fn code(&self) -> ErrorCode {
        imgsign::argument_error_code(self.op, self.name)
    }

    /// The value is not of the type the argument takes (`got` names a type, never the value).
    pub fn wrong_type(&self, expected: &str, got: &str) -> Error {
        self.problem(ArgumentProblem::WrongType { expected, got })
    }

    /// A string that is not well-formed UTF-16.
    pub fn ill_formed(&self) -> Error {
        self.problem(ArgumentProblem::IllFormedString)
    }

    /// A number the argument cannot hold.
    pub fn out_of_range(&self, expected: &str) -> Error {
        self.problem(ArgumentProblem::OutOfRange { expected })
    }

    /// The argument's own error with a message of the binding (an unknown option, a shape).
    pub fn invalid(&self, message: impl std::fmt::Display) -> Error {
        core(imgsign::Error::new(self.code(), format!("{}: {message}", self.name)))
    }

    /// An error of the N-API layer itself (an exception thrown by a getter, a failed call),
    /// with this argument's code. Its reason never holds a value of the caller's.
    pub fn host(self) -> impl Fn(napi::Error) -> Error + 'a {
        move |e| self.invalid(e.reason)
    }

    fn problem(&self, problem: ArgumentProblem<'_>) -> Error {
        core(imgsign::argument_error(self.op, self.name, problem))
    }
}

/// Prefixes an error's message with a location (`items[3]: ...`), as the core's `Error::at`.
pub fn at(e: Error, location: &str) -> Error {
    napi::Error::new(e.status, format!("{location}: {}", e.reason))
}
