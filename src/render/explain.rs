//! `acctsum explain`: a rule's section of docs/rules.md for a terminal, or the list of
//! rules. The section is markdown; for a terminal its markup is taken away and what it
//! marks kept: headings underlined, code blocks indented, tables as lists, paragraphs
//! wrapped to the width.

use std::io::{self, Write};

use crate::finding::{RuleId, RuleKind};

/// Writes a rule's section as it is in docs/rules.md.
///
/// # Errors
/// When writing fails.
pub fn markdown(out: &mut dyn Write, section: &str) -> io::Result<()> {
    writeln!(out, "{section}")
}

/// Writes a rule's section as plain text, wrapped to `width` columns.
///
/// # Errors
/// When writing fails.
pub fn text(out: &mut dyn Write, section: &str, width: usize) -> io::Result<()> {
    let mut lines = section.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("```") {
            // A code block: its lines indented as they are, never wrapped or changed.
            for code in lines.by_ref() {
                if code.starts_with("```") {
                    break;
                }
                writeln!(out, "    {code}")?;
            }
        } else if let Some(title) = line.strip_prefix('#').map(|t| t.trim_start_matches('#').trim()) {
            // A heading names a rule in a code span; its backticks are markup here.
            let title = inline(title).replace('`', "");
            writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()))?;
        } else if line.starts_with('|') {
            let mut rows = vec![line];
            while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
                rows.push(row);
            }
            table(out, &rows, width)?;
        } else if let Some(item) = line.strip_prefix("- ") {
            wrap(out, &inline(item), "  - ", "    ", width)?;
        } else {
            wrap(out, &inline(line), "", "", width)?;
        }
    }
    Ok(())
}

/// A markdown table as a list: a row's first cell, then each other cell under its header.
fn table(out: &mut dyn Write, rows: &[&str], width: usize) -> io::Result<()> {
    let cells = |row: &str| -> Vec<String> {
        row.trim().trim_start_matches('|').trim_end_matches('|').split('|').map(|c| inline(c.trim())).collect()
    };
    let Some((header, body)) = rows.split_first() else { return Ok(()) };
    let header = cells(header);
    // The second row is the separator (`| --- | --- |`).
    for row in body.iter().filter(|r| !r.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))) {
        let row = cells(row);
        let Some((first, rest)) = row.split_first() else { continue };
        wrap(out, first, "  - ", "    ", width)?;
        for (name, cell) in header.iter().skip(1).zip(rest) {
            wrap(out, &format!("{name}: {cell}"), "      ", "        ", width)?;
        }
    }
    Ok(())
}

/// Inline markdown as plain text: bold markers and links dropped (the link's text kept); a
/// code span that holds backticks (``` `` a `b` `` ```) shown as its content; other code
/// spans keep their backticks, as acctsum's messages quote names.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("``") {
            if let Some(end) = after.find("``") {
                out.push_str(after[..end].trim());
                rest = &after[end + 2..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix('`') {
            // A code span is copied whole: what it holds is not markup.
            if let Some(end) = after.find('`') {
                out.push_str(&rest[..end + 2]);
                rest = &after[end + 1..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix("**") {
            rest = after;
            continue;
        } else if let Some((label, after)) = link(rest) {
            out.push_str(&inline(label));
            rest = after;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A link `[label](target)` at the start of `text`: its label and the text after it.
fn link(text: &str) -> Option<(&str, &str)> {
    let after = text.strip_prefix('[')?;
    let close = after.find("](")?;
    let end = after[close..].find(')')? + close;
    Some((&after[..close], &after[end + 1..]))
}

/// Wraps `text` to `width` columns, without breaking words; an empty line stays empty.
fn wrap(out: &mut dyn Write, text: &str, first: &str, next: &str, width: usize) -> io::Result<()> {
    if text.is_empty() {
        return writeln!(out);
    }
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(next)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes every rule with its default severity and when it fires: the structural rules,
/// then the content rules.
///
/// # Errors
/// When writing fails.
pub fn list(out: &mut dyn Write, width: usize) -> io::Result<()> {
    let id_width = RuleId::ALL.iter().map(|r| r.as_str().len()).max().unwrap_or(0);
    let groups = [
        ("Structural rules: always errors, cannot be turned off.", true),
        ("Content rules, with their default severity (change it under `rules:` in acctsum.yaml).", false),
    ];
    for (i, (title, structural)) in groups.into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{title}\n")?;
        for rule in RuleId::ALL.iter().filter(|r| matches!(r.kind(), RuleKind::Structural) == structural) {
            let lead = format!("  {:id_width$}  {:7}  ", rule.as_str(), rule.default_severity().as_str());
            let indent = " ".repeat(lead.chars().count());
            wrap(out, rule.summary(), &lead, &indent, width)?;
        }
    }
    writeln!(out, "\n`acctsum explain RULE` shows what a rule checks, why, how to fix what it reports, and an example.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(section: &str) -> String {
        let mut out = Vec::new();
        text(&mut out, section, 60).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn markup_is_taken_away_and_what_it_marks_kept() {
        let section = "## `stale`\n\n**What.** Fires when `updated` is [old](#x); ``did you mean `next`?``\n\n```yaml\nupdated: 2026-10-01\n```\n\n- an item\n";
        assert_eq!(
            shown(section),
            "stale\n=====\n\nWhat. Fires when `updated` is old; did you mean `next`?\n\n    updated: 2026-10-01\n\n  - an item\n"
        );
    }

    #[test]
    fn a_table_becomes_a_list_of_its_rows() {
        let section = "| limit | fires when |\n| --- | --- |\n| **file size** | larger than 1 MiB |\n";
        assert_eq!(shown(section), "  - file size\n      fires when: larger than 1 MiB\n");
    }

    #[test]
    fn long_lines_wrap_at_spaces() {
        let words = "word ".repeat(30);
        for line in shown(&format!("- {words}")).lines() {
            assert!(line.chars().count() <= 60, "{line}");
        }
    }
}
