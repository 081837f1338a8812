//! `git log --raw -z --format='%H %cs'`, one NUL-terminated field at a time: per commit,
//! its header, then for each file `:<mode> <mode> <id> <id> <status>` and one path (two
//! for renames and copies). Paths are taken by count, never by their content, so any byte
//! may be in a name.

use chrono::NaiveDate;

use super::date_of;
use crate::error::Result;

/// What one field completed.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Field {
    /// A commit's header: the changes that follow are its own.
    Commit {
        /// Its full id.
        id: String,
        /// Its committer date.
        date: NaiveDate,
    },
    /// One changed file.
    Change(Raw),
}

/// One file in a commit, as `--raw` lists it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Raw {
    /// Its mode after the commit (`000000` when deleted).
    pub(super) mode: String,
    /// Its blob id after the commit.
    pub(super) id: String,
    /// Whether git paired it with another path: `R` (renamed) or `C` (copied).
    pub(super) paired: Option<u8>,
    /// The path it was renamed or copied from, repository-relative, for a pair.
    pub(super) from: Option<Vec<u8>>,
    /// Its path after the commit, repository-relative.
    pub(super) path: Vec<u8>,
}

/// The fields read so far of a file entry whose paths are still to come.
struct Due {
    mode: String,
    id: String,
    paired: Option<u8>,
    paths: Vec<Vec<u8>>,
    wanted: usize,
}

/// Reads the output field by field, keeping only the entry in progress.
#[derive(Default)]
pub(super) struct Parser {
    due: Option<Due>,
}

impl Parser {
    /// Takes the next field (its NUL removed); returns what it completed, if anything.
    ///
    /// # Errors
    /// When a commit's date is not one.
    pub(super) fn field(&mut self, field: &[u8]) -> Result<Option<Field>> {
        if let Some(due) = &mut self.due {
            due.paths.push(field.to_vec());
            if due.paths.len() < due.wanted {
                return Ok(None);
            }
            let Some(Due { mode, id, paired, mut paths, .. }) = self.due.take() else { return Ok(None) };
            let path = paths.pop().unwrap_or_default();
            return Ok(Some(Field::Change(Raw { mode, id, paired, from: paths.pop(), path })));
        }
        let field = field.strip_prefix(b"\n").unwrap_or(field);
        if field.is_empty() {
            return Ok(None);
        }
        if let Some(raw) = field.strip_prefix(b":") {
            let raw = String::from_utf8_lossy(raw);
            let words: Vec<&str> = raw.split(' ').collect();
            let paired = words.get(4).and_then(|s| s.bytes().next()).filter(|b| matches!(b, b'R' | b'C'));
            let (mode, id) = match words.as_slice() {
                [_, mode, _, id, ..] => ((*mode).to_owned(), (*id).to_owned()),
                _ => (String::new(), String::new()),
            };
            let wanted = if paired.is_some() { 2 } else { 1 };
            self.due = Some(Due { mode, id, paired, paths: Vec::with_capacity(wanted), wanted });
            return Ok(None);
        }
        let head = String::from_utf8_lossy(field);
        let (id, date) = head.split_once(' ').unwrap_or((&head, ""));
        Ok(Some(Field::Commit { id: id.to_owned(), date: date_of(id, date)? }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(out: &[u8]) -> Vec<Field> {
        let mut parser = Parser::default();
        out.split(|&b| b == 0).filter_map(|f| parser.field(f).expect("parses")).collect()
    }

    #[test]
    fn renames_carry_both_paths_and_names_may_hold_any_byte() {
        let (a, b, c) = ("a".repeat(40), "b".repeat(40), "c".repeat(40));
        let out = format!(
            "{a} 2026-11-05\0\n:100644 100644 {b} {c} R090\0old\0new\n:x\0:000000 100644 {} {b} A\0:odd\0",
            "0".repeat(40)
        );
        let got = fields(out.as_bytes());
        let date = NaiveDate::from_ymd_opt(2026, 11, 5).expect("date");
        assert_eq!(
            got,
            [
                Field::Commit { id: a, date },
                Field::Change(Raw {
                    mode: "100644".into(),
                    id: c,
                    paired: Some(b'R'),
                    from: Some(b"old".to_vec()),
                    path: b"new\n:x".to_vec(),
                }),
                Field::Change(Raw { mode: "100644".into(), id: b, paired: None, from: None, path: b":odd".to_vec() }),
            ]
        );
    }
}
