//! Why a command failed, its one-line message and its exit code.

use bce_core::Error;

/// Exit code of success.
pub const EXIT_OK: u8 = 0;
/// Exit code of an error answer of the service.
pub const EXIT_SERVICE: u8 = 1;
/// Exit code of bad usage or invalid input (nothing was sent).
pub const EXIT_USAGE: u8 = 2;
/// Exit code of a transport failure or a timeout.
pub const EXIT_TRANSPORT: u8 = 3;
/// Exit code of a wait that ended in a failed state.
pub const EXIT_WAIT_FAILED: u8 = 4;

/// A failed command.
#[derive(Debug)]
pub enum Failure {
    /// An SDK error; `label` names the operation when the error does not.
    Sdk {
        /// The error.
        error: Error,
        /// `service operation` of a table call.
        label: Option<String>,
    },
    /// Bad usage or input found by the tool.
    Usage(String),
    /// The command ran out of time.
    Timeout(String),
    /// A wait ended in a failed state.
    WaitFailed(String),
}

impl Failure {
    /// A usage failure.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::Usage(message.into())
    }

    /// An SDK error of the table operation `label`.
    pub fn labelled(error: Error, label: impl Into<String>) -> Self {
        Failure::Sdk {
            error,
            label: Some(label.into()),
        }
    }

    /// The exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            Failure::Timeout(_) => EXIT_TRANSPORT,
            Failure::WaitFailed(_) => EXIT_WAIT_FAILED,
            Failure::Sdk { error, .. } => match error.root() {
                Error::InvalidInput { .. } | Error::Credentials { .. } => EXIT_USAGE,
                Error::Transport(_) | Error::WaitTimeout { .. } => EXIT_TRANSPORT,
                Error::WaitFailed { .. } => EXIT_WAIT_FAILED,
                _ => EXIT_SERVICE,
            },
        }
    }

    /// The one-line message (secrets are scrubbed when it is printed).
    pub fn message(&self) -> String {
        let text = match self {
            Failure::Usage(m) | Failure::Timeout(m) | Failure::WaitFailed(m) => m.clone(),
            Failure::Sdk { error, label } => match (error.context(), label) {
                (None, Some(label)) => format!("{label}: {error}"),
                _ => error.to_string(),
            },
        };
        // One line: an answer's message may contain line breaks.
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Sdk { error, label: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bce_core::{ServiceError, TransportError, TransportErrorKind};

    #[test]
    fn exit_codes() {
        let service = Error::Service(Box::new(
            ServiceError::new(404, "NoSuchJob", "no\njob").with_request_id("rid-1"),
        ));
        let f = Failure::labelled(service, "aihc-train get_job");
        assert_eq!(f.exit_code(), EXIT_SERVICE);
        let m = f.message();
        assert!(
            m.contains("aihc-train get_job") && m.contains("NoSuchJob"),
            "{m}"
        );
        assert!(
            m.contains("404") && m.contains("rid-1") && !m.contains('\n'),
            "{m}"
        );
        assert_eq!(
            Failure::from(Error::invalid_input("jobId", "is required")).exit_code(),
            EXIT_USAGE
        );
        let t = Error::Transport(TransportError::new(TransportErrorKind::Connect, "x", false));
        assert_eq!(Failure::from(t).exit_code(), EXIT_TRANSPORT);
        let w = Error::WaitFailed {
            state: "Failed".into(),
            message: "m".into(),
        };
        assert_eq!(Failure::from(w).exit_code(), EXIT_WAIT_FAILED);
        assert_eq!(Failure::usage("x").exit_code(), EXIT_USAGE);
    }
}
