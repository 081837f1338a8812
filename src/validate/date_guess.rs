//! Dates written the way people write them (`1/12/2026`, `12 Nov 2026`), read so that a
//! finding can suggest the ISO date, saying which reading it chose.

use chrono::NaiveDate;

/// A date read from a non-ISO form, and how it was read.
#[derive(Debug, PartialEq)]
pub(super) struct Guess {
    /// The date.
    pub(super) date: NaiveDate,
    /// How the numbers were taken, when they could be taken another way.
    reading: Option<&'static str>,
}

impl Guess {
    /// The help line for a date written `written`.
    pub(super) fn help(&self, written: &str) -> String {
        let iso = self.date.format("%Y-%m-%d");
        let long = self.date.format("%-d %B %Y");
        match self.reading {
            Some(reading) => format!(
                "write {iso}: `{written}` was read as {reading}, {long}; YYYY-MM-DD avoids the ambiguity \
                 (if you meant the other order, swap day and month)"
            ),
            None => format!("write {iso} ({long}): dates are written YYYY-MM-DD, which no one can misread"),
        }
    }
}

/// Reads `d/m/yyyy` (also with `-` or `.`, day and month in either order when only one
/// order is a real date) and `12 Nov 2026`, `Nov 12, 2026`, `12 November 2026`.
pub(super) fn guess(s: &str) -> Option<Guess> {
    let s = s.trim();
    // Checked strings are short; a long one is not a date.
    if s.len() > 40 {
        return None;
    }
    numeric(s).or_else(|| named(s))
}

fn numeric(s: &str) -> Option<Guess> {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [a, b, year] = parts.as_slice() else { return None };
    let num = |p: &str| (1..=2).contains(&p.len()).then(|| p.parse::<u32>().ok()).flatten();
    let (a, b) = (num(a)?, num(b)?);
    let year = (year.len() == 4).then(|| year.parse::<i32>().ok()).flatten()?;
    // Day first, as the seeds' UK leads write; month first only when day first is no date.
    if let Some(date) = NaiveDate::from_ymd_opt(year, b, a) {
        let reading = (a != b && a <= 12).then_some("day/month (the UK order)");
        return Some(Guess { date, reading });
    }
    let date = NaiveDate::from_ymd_opt(year, a, b)?;
    Some(Guess { date, reading: Some("month/day (the US order), as the second number is no month") })
}

fn named(s: &str) -> Option<Guess> {
    let cleaned = s.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let joined = words.join(" ");
    ["%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&joined, f).ok())
        .map(|date| Guess { date, reading: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<(String, Option<&'static str>)> {
        guess(s).map(|g| (g.date.format("%Y-%m-%d").to_string(), g.reading))
    }

    #[test]
    fn numbers_are_read_day_first_and_say_so() {
        assert_eq!(iso("1/12/2026"), Some(("2026-12-01".into(), Some("day/month (the UK order)"))));
        assert_eq!(iso("20.11.2026"), Some(("2026-11-20".into(), None)), "20 is no month: no ambiguity");
        assert_eq!(iso("3-3-2026"), Some(("2026-03-03".into(), None)));
        let us = iso("11/20/2026").expect("month first");
        assert_eq!(us.0, "2026-11-20");
        assert!(us.1.is_some_and(|r| r.starts_with("month/day")));
        assert_eq!(iso("31/2/2026"), None);
        assert_eq!(iso("1/12/26"), None, "a two-digit year is not guessed");
    }

    #[test]
    fn month_names_are_read() {
        assert_eq!(iso("12 Nov 2026"), Some(("2026-11-12".into(), None)));
        assert_eq!(iso("12 November 2026"), Some(("2026-11-12".into(), None)));
        assert_eq!(iso("Nov 12, 2026"), Some(("2026-11-12".into(), None)));
        assert_eq!(iso("soon"), None);
    }

    #[test]
    fn help_names_the_reading() {
        let help = guess("1/12/2026").expect("date").help("1/12/2026");
        assert_eq!(
            help,
            "write 2026-12-01: `1/12/2026` was read as day/month (the UK order), 1 December 2026; YYYY-MM-DD \
             avoids the ambiguity (if you meant the other order, swap day and month)"
        );
    }
}
