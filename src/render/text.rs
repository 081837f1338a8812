//! Safe text for documents: Markdown escaping and CSV fields.

/// Escapes user text for Markdown (GitHub-flavoured): the result is one line, renders as
/// the same text, and cannot open a table cell, a heading, a list, a link, an emphasis,
/// a code span or any HTML.
#[must_use]
pub fn md(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let flat = words.join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            // A literal URL would become a link (and trip markdownlint's bare-URL rule).
            ':' if flat[i..].starts_with("://") => out.push_str("\\:"),
            '!' if flat[i + 1..].starts_with('[') => out.push_str("\\!"),
            // `www.x` and `name@host` are links in GitHub's Markdown too.
            '.' if flat[..i].ends_with("www")
                && (i == 3 || !flat[..i - 3].ends_with(|c: char| c.is_alphanumeric())) =>
            {
                out.push_str("\\.");
            }
            '@' => out.push_str("\\@"),
            _ => out.push(c),
        }
    }
    // What would start a list, a heading underline or a numbered list at a line start.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
/// `=`, `+`, `-`, `@` or tab is prefixed with `'` so that a spreadsheet shows it as text
/// rather than running it as a formula.
#[must_use]
pub fn csv(field: &str) -> String {
    let guarded =
        if field.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{field}") } else { field.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("line one\nline two"), "line one line two");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("1. first"), "1\\. first");
        assert_eq!(md("2026 plan"), "2026 plan");
        assert_eq!(md("see https://x.y/z"), "see https\\://x.y/z");
        assert_eq!(md("www.example.com or a@b.com, not awww.x"), "www\\.example.com or a\\@b.com, not awww.x");
        assert_eq!(md("R&D *big* [x](y) `c`"), "R&amp;D \\*big\\* \\[x\\](y) \\`c\\`");
    }

    #[test]
    fn csv_fields() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a, b"), "\"a, b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv("two\nlines"), "\"two\nlines\"");
    }
}
