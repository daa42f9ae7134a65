//! Errors: core errors become instances of the classes in `imgsign/_errors.py`, looked up by
//! the core's code. A bad argument is the core's error for that argument (`Arg`).

use imgsign::{ArgumentProblem, Error as CoreError, Operation};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

static ERROR_CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// A core error as an instance of the Python class registered for its code.
pub fn raise(py: Python<'_>, e: &CoreError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let table = ERROR_CLASSES.import(py, "imgsign._errors", "_BY_CODE")?;
        let Some(cls) = table.get_item(e.code().as_str())? else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                "imgsign: no exception class for code {}",
                e.code().as_str()
            )));
        };
        Ok(PyErr::from_value(cls.call1((e.message(),))?))
    };
    build().unwrap_or_else(|err| err)
}

/// Core results raised as Python exceptions.
pub trait OrRaise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for imgsign::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, &e))
    }
}

/// The Python type of a value, as messages name it (never the value).
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

/// One argument of one operation: what is wrong with its value is raised with the core's
/// code for it and a message naming it.
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    pub op: Operation,
    pub name: &'a str,
    /// Where the argument sits in a batch (`items[3]`), prefixed to the message.
    location: Option<&'a str>,
}

impl<'a> Arg<'a> {
    pub fn new(op: Operation, name: &'a str) -> Self {
        Arg { op, name, location: None }
    }

    /// The argument inside item `location` of a batch.
    pub fn within(self, location: &'a str) -> Self {
        Arg { location: Some(location), ..self }
    }

    /// A value held by this argument (`name` such as `widths[3]`), in the same place.
    pub fn part<'b>(&self, name: &'b str) -> Arg<'b>
    where
        'a: 'b,
    {
        Arg { op: self.op, name, location: self.location }
    }

    /// `obj` is not of the type the argument takes.
    pub fn wrong_type(&self, obj: &Bound<'_, PyAny>, expected: &str) -> PyErr {
        let got = type_name(obj);
        self.problem(obj.py(), ArgumentProblem::WrongType { expected, got: &got })
    }

    /// A `str` with a lone surrogate (no UTF-8 form).
    pub fn ill_formed(&self, py: Python<'_>) -> PyErr {
        self.problem(py, ArgumentProblem::IllFormedString)
    }

    /// A number the argument cannot hold.
    pub fn out_of_range(&self, py: Python<'_>, expected: &str) -> PyErr {
        self.problem(py, ArgumentProblem::OutOfRange { expected })
    }

    /// The argument's own error with a message of the binding (a shape, not a type).
    pub fn invalid(&self, py: Python<'_>, message: impl std::fmt::Display) -> PyErr {
        let code = imgsign::argument_error_code(self.op, self.name);
        self.raise(py, CoreError::new(code, format!("{}: {message}", self.name)))
    }

    fn problem(&self, py: Python<'_>, problem: ArgumentProblem<'_>) -> PyErr {
        self.raise(py, imgsign::argument_error(self.op, self.name, problem))
    }

    fn raise(&self, py: Python<'_>, e: CoreError) -> PyErr {
        match self.location {
            Some(at) => raise(py, &e.at(at)),
            None => raise(py, &e),
        }
    }
}
