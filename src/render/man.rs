//! The manual page's own sections, written after those clap_mangen draws from the command
//! line: EXIT STATUS and FILES, in roff.

use std::io::{self, Write};

use crate::exit::Exit;
use crate::guide::{CONFIG_FILE, DEFAULT_GLOB, DEFAULT_REVIEWS_GLOB};
use crate::schema::{CONFIG_SCHEMA_PATH, REVIEW_SCHEMA_PATH, SCHEMA_PATH};

/// Text for roff: a backslash and a hyphen escaped, and a line that would start with a
/// control character (`.` or `'`) guarded with a zero-width `\&`.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

/// A section of tagged paragraphs: a bold term, then its text indented under it.
fn section(out: &mut dyn Write, title: &str, items: &[(String, String)]) -> io::Result<()> {
    writeln!(out, ".SH \"{title}\"")?;
    for (term, text) in items {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(term), roff(text))?;
    }
    Ok(())
}

/// Writes EXIT STATUS and FILES.
///
/// # Errors
/// When writing fails.
pub fn extra_sections(out: &mut dyn Write) -> io::Result<()> {
    let statuses: Vec<(String, String)> =
        Exit::ALL.iter().map(|e| (e.code().to_string(), e.meaning().to_owned())).collect();
    section(out, "EXIT STATUS", &statuses)?;
    let files = [
        (
            CONFIG_FILE.to_owned(),
            "The field guide, at the workspace root: regions, scale, measures, thresholds, rule severities, audiences and where the files are. acctsum looks for it in the current folder and upwards, or in the folder -C names; without one, the built-in guide applies.".to_owned(),
        ),
        (
            DEFAULT_GLOB.to_owned(),
            format!("The engagement files (also *.yml), one engagement per file; the engagements glob of {CONFIG_FILE} chooses others."),
        ),
        (
            DEFAULT_REVIEWS_GLOB.to_owned(),
            format!("The files of regional review sessions, reviews/REGION/YYYY-MM-DD.yaml; the reviews glob of {CONFIG_FILE} chooses others."),
        ),
        (
            SCHEMA_PATH.to_owned(),
            "The JSON Schema of engagement files for the workspace's guide, which editors use as files are typed (acctsum init and acctsum schema -o write it; check warns when it is out of date).".to_owned(),
        ),
        (
            CONFIG_SCHEMA_PATH.to_owned(),
            format!("The JSON Schema of {CONFIG_FILE}, for editors (acctsum schema --config -o {CONFIG_SCHEMA_PATH} writes it)."),
        ),
        (
            REVIEW_SCHEMA_PATH.to_owned(),
            "The JSON Schema of review session files, which editors use as they are typed (acctsum init and acctsum schema --review -o write it; review new's files point to it).".to_owned(),
        ),
    ];
    section(out, "FILES", &files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_cannot_start_a_request_or_leave_a_hyphen_to_break() {
        assert_eq!(roff(".hidden"), "\\&.hidden");
        assert_eq!(roff("a-b \\ c"), "a\\-b \\e c");
    }
}
