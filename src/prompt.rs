//! Asking for what the command line left out, when a person is at a terminal.

use dialoguer::{Input, Select};

use crate::error::{Error, Result};

/// The error for a question that could not be asked or answered, keeping its cause.
fn failed(error: dialoguer::Error) -> Error {
    Error::Prompt { source: error.into() }
}

/// Asks for a line of non-empty text.
///
/// # Errors
/// When the terminal cannot be read (closed, interrupted).
pub fn text(prompt: &str) -> Result<String> {
    Input::<String>::new()
        .with_prompt(prompt)
        .validate_with(|s: &String| if s.trim().is_empty() { Err("please type something") } else { Ok(()) })
        .interact_text()
        .map(|s| s.trim().to_owned())
        .map_err(failed)
}

/// Asks to choose one of `items`.
///
/// # Errors
/// When the terminal cannot be read (closed, interrupted).
pub fn choose(prompt: &str, items: &[String]) -> Result<String> {
    Select::new().with_prompt(prompt).items(items).default(0).interact().map(|i| items[i].clone()).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_failure_keeps_its_cause() {
        let error =
            failed(dialoguer::Error::IO(std::io::Error::new(std::io::ErrorKind::Interrupted, "read interrupted")));
        let Error::Prompt { source } = &error else { panic!("not a prompt error: {error:?}") };
        assert_eq!(source.kind(), std::io::ErrorKind::Interrupted);
        assert_eq!(error.to_string(), "could not read an answer from the terminal: read interrupted");
    }
}
