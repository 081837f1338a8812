//! Asking for what the command line left out, when a person is at a terminal.

use dialoguer::{Input, Select};

use crate::error::{Error, Result};

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
        .map_err(|e| Error::usage(format!("could not read an answer: {e}"), None))
}

/// Asks to choose one of `items`.
///
/// # Errors
/// When the terminal cannot be read (closed, interrupted).
pub fn choose(prompt: &str, items: &[String]) -> Result<String> {
    Select::new()
        .with_prompt(prompt)
        .items(items)
        .default(0)
        .interact()
        .map(|i| items[i].clone())
        .map_err(|e| Error::usage(format!("could not read an answer: {e}"), None))
}
