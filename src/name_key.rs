//! Names as people type them: the one key by which a person, client, engagement or
//! field is matched by name, everywhere (`leads NAME`, `report --lead/--client`,
//! `history NAME`, `guide FIELD`, the site's search, the cross-file rules).
//!
//! The key is transliterated to ASCII (`Siobhán` → `siobhan`, `Łukasz` → `lukasz`), lower
//! case, with runs of white space as one space and none at either end.

/// The key of `text`: accents removed, lower case, runs of white space as one space.
#[must_use]
pub fn name_key(text: &str) -> String {
    if text.bytes().all(|b| b < 0x7F) {
        // What the general way below gives ASCII text but DEL (transliteration keeps the
        // rest as it is), without its intermediate strings: the cross-file rules key every file.
        let mut key = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return key;
    }
    // Spaced before transliterating too: deunicode drops a tab rather than spacing it.
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let ascii = deunicode::deunicode(&spaced).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `a` and `b` are one name.
#[must_use]
pub fn same(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// Whether the name `haystack` contains `needle` (both keyed): the look-up behind every
/// "part of a name" argument.
#[must_use]
pub fn contains(haystack: &str, needle: &str) -> bool {
    name_key(haystack).contains(name_key(needle).as_str())
}

/// The legal suffixes a client's name may carry or leave out (docs/rules.md lists them).
/// `Group` is not one: it tells real clients apart (`Solent Ports` and `Solent Ports Group`).
pub const LEGAL_SUFFIXES: &[&str] = &["ltd", "limited", "plc", "llp", "inc"];

/// The client a name spells, for telling spellings of one client apart from other clients:
/// its name key, punctuation as space, without a final legal suffix (unless that is the
/// whole name). `Harbour & Finch Ltd.` and `harbour finch` are one client.
#[must_use]
pub fn client_key(name: &str) -> String {
    let spaced: String = name_key(name).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    if words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// The spellings (trimmed) among `written` — (name as written, file) pairs, in path order —
/// each with its files, the most used first; on a tie, the one met first.
#[must_use]
pub fn spellings<'a>(written: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, path) in written {
        let name = name.trim();
        match out.iter_mut().find(|(s, _)| *s == name) {
            Some((_, paths)) => paths.push(path),
            None => out.push((name, vec![path])),
        }
    }
    // Stable: a tie keeps the order in which the spellings were met.
    out.sort_by_key(|(_, paths)| std::cmp::Reverse(paths.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general way, which the ASCII shortcut must agree with.
    fn general_key(text: &str) -> String {
        let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let ascii = deunicode::deunicode(&spaced).to_lowercase();
        ascii.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_ascii_shortcut_keys_as_the_general_way_does() {
        let all: String = (0..=0x7Fu8).map(char::from).collect();
        for b in 0..=0x7Fu8 {
            let c = char::from(b);
            for text in [format!("{c}"), format!("Ab{c}Cd"), format!(" {c}{c} x{c}"), all.clone()] {
                assert_eq!(name_key(&text), general_key(&text), "{text:?}");
            }
        }
        for text in ["", " ", "Harbour  &  Finch\tLtd.", "\u{b}A\u{c}b\r\n", "  MiXeD   Case  "] {
            assert_eq!(name_key(text), general_key(text), "{text:?}");
        }
    }

    #[test]
    fn keys_fold_case_accents_and_spaces() {
        assert_eq!(name_key("  Siobhán   O'Brien\tÉLODIE "), "siobhan o'brien elodie");
        assert_eq!(name_key("Łukasz"), "lukasz");
        assert_eq!(name_key("José"), "jose");
        assert_eq!(name_key("Łódź"), "lodz");
        assert!(same("JOSÉ  Ortiz", "jose ortiz"));
        assert!(contains("Siobhán Kearney", "siobhan"));
        assert!(contains("Łukasz Nowak", " LUKASZ "));
        assert!(!contains("Lucas", "lukasz"));
    }

    #[test]
    fn client_keys_leave_out_case_accents_punctuation_and_a_legal_suffix() {
        assert_eq!(client_key("Harbour & Finch Ltd."), "harbour finch");
        assert_eq!(client_key(" harbour  finch "), "harbour finch");
        assert_eq!(client_key("Harbour-Finch LIMITED"), "harbour finch");
        assert_eq!(client_key("Crème Brûlée plc"), "creme brulee");
        assert_eq!(client_key("Acme LLP"), "acme");
        assert_eq!(client_key("Acme, Inc"), "acme");
        assert_eq!(client_key("Solent Ports Group"), "solent ports group");
        assert_eq!(client_key("Limited"), "limited");
        assert_ne!(client_key("Solent Ports"), client_key("Solent Ports Group"));
    }

    #[test]
    fn spellings_put_the_most_used_first_and_keep_ties_in_order() {
        let got = spellings([("Acme plc", "a"), (" ACME ", "b"), ("ACME", "c"), ("Acme plc", "d"), ("Acme", "e")]);
        assert_eq!(got, vec![("Acme plc", vec!["a", "d"]), ("ACME", vec!["b", "c"]), ("Acme", vec!["e"])]);
    }
}
