//! Pretty JSON that is safe to print on a terminal. `serde_json` escapes the C0 controls
//! but writes DEL, the C1 controls (U+009B is a terminal's CSI) and the bidirectional
//! marks as they are; here they become `\u` escapes too, so the JSON stays valid and means
//! the same, and `cat report.json` shows them instead of running them.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::text::is_hidden;

/// serde_json's pretty formatter, escaping every character [`is_hidden`] in strings.
#[derive(Default)]
struct Visible(PrettyFormatter<'static>);

impl Formatter for Visible {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_hidden(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Every hidden character lies in the Basic Multilingual Plane: one `\uXXXX`.
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Writes `value` as pretty JSON (as `serde_json::to_writer_pretty` does), every hidden
/// character escaped.
///
/// # Errors
/// When writing or serialising fails.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(out, Visible::default()))
}

/// `value` as pretty JSON, every hidden character escaped, with a final line break.
///
/// # Errors
/// When serialising fails.
pub fn string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    write(&mut out, value)?;
    out.push(b'\n');
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_escapes_and_the_json_is_unchanged() {
        let value = serde_json::json!({"name": "a\u{1b}]52;c;eA==\u{7}\u{9b}\u{7f}\u{202e}é東", "n": [1, 2]});
        let text = string(&value).unwrap_or_default();
        assert_eq!(
            text,
            "{\n  \"name\": \"a\\u001b]52;c;eA==\\u0007\\u009b\\u007f\\u202eé東\",\n  \"n\": [\n    1,\n    2\n  ]\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
        let plain = serde_json::json!({"a": ["x", {"b": null}], "c": {}});
        assert_eq!(string(&plain).unwrap_or_default(), serde_json::to_string_pretty(&plain).unwrap_or_default() + "\n");
    }
}
