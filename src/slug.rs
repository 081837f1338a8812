//! File-name slugs for engagement and region names.

/// The longest slug, in characters; longer names are cut at a word boundary.
pub const MAX_SLUG: usize = 60;

/// A lowercase ASCII slug: letters and digits, words joined by `-`. Non-ASCII letters are
/// transliterated (`Zoë's Café` → `zoes-cafe`); anything else separates words. The result
/// never contains `/`, `\`, `.` or `..`, so it cannot leave the folder it is put in. It is
/// empty when the name has nothing to transliterate.
#[must_use]
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' {
            // Apostrophes join ("Zoë's" → "zoes"); everything else separates.
            gap = true;
        }
    }
    if out.len() > MAX_SLUG {
        let cut = out[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        out.truncate(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Zoë's Café Rollout"), "zoes-cafe-rollout");
        assert_eq!(slug("Acme Payments Platform"), "acme-payments-platform");
        assert_eq!(slug("  Łódź -- Data/Platform v2.0 "), "lodz-data-platform-v2-0");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("..."), "");
        assert_eq!(slug("北京 Office"), "bei-jing-office");
        assert_eq!(slug("🙂"), "slight-smile");
        assert_eq!(slug("\u{E000}"), "");
        let long = "word ".repeat(30);
        assert!(slug(&long).len() <= MAX_SLUG);
        assert!(!slug(&long).ends_with('-'));
    }
}
