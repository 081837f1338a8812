//! "Did you mean …?" — the closest known word to a misspelt one.

/// The candidate closest to `word`, when it is close enough to be a likely typo.
#[must_use]
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_lowercase() == lower {
            0
        } else if candidate.chars().count().abs_diff(length) > limit {
            // Too far apart in length to be close: the distance is at least the
            // difference, and a long hostile word is never run through the table.
            continue;
        } else {
            levenshtein(&lower, candidate)
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance between two strings, counted in characters: insertions, deletions,
/// substitutions and swaps of neighbouring characters (optimal string alignment), so
/// that `roel` is one edit from `role`.
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, cell) in d.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best =
                (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
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
    fn a_long_word_is_not_compared_character_by_character() {
        let long = "x".repeat(1_000_000);
        assert_eq!(closest(&long, ["account", "tech"]), None);
        assert_eq!(closest("acount_statu", ["account_status"]), Some("account_status"), "length within the limit");
        assert_eq!(closest("ACCOUNT", ["account"]), Some("account"));
    }

    #[test]
    fn distance() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("zoë", "zoe"), 1);
        assert_eq!(levenshtein("roel", "role"), 1);
        assert_eq!(closest("roel", ["role", "name", "side"]), Some("role"));
    }
}
