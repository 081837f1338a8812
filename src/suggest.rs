//! "Did you mean …?" — the closest known word to a misspelt one.

/// The candidate closest to `word`, when it is close enough to be a likely typo.
#[must_use]
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_lowercase() == lower { 0 } else { levenshtein(&lower, candidate) };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance between two strings, counted in characters.
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// A help line: "did you mean `x`?" when one is close, else the list of allowed words.
#[must_use]
pub fn help_for(word: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None if candidates.is_empty() => "nothing is allowed here".to_owned(),
        None => format!("allowed here: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos() {
        assert_eq!(closest("acount", ["account", "tech", "delivery"]), Some("account"));
        assert_eq!(closest("Client", ["client", "region"]), Some("client"));
        assert_eq!(closest("stale_after_dayz", ["stale_after_days", "scale"]), Some("stale_after_days"));
        assert_eq!(closest("sponsor_notes", ["engagement", "client", "notes"]), None);
        assert_eq!(closest("x", ["y"]), Some("y"));
    }

    #[test]
    fn distance() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("zoë", "zoe"), 1);
    }
}
