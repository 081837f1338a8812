//! Names as people type them: the one key by which a person, client, engagement or
//! field is matched by name, everywhere (`leads NAME`, `report --lead/--client`,
//! `history NAME`, `guide FIELD`, the site's search, the cross-file rules).
//!
//! The key is transliterated to ASCII (`Siobhán` → `siobhan`, `Łukasz` → `lukasz`), lower
//! case, with runs of white space as one space and none at either end.

/// The key of `text`: accents removed, lower case, runs of white space as one space.
#[must_use]
pub fn name_key(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
