//! Trend charts as inline SVG: status over time, and each measure's score over time.
//!
//! Pure functions, plain data in and a string out, the same bytes for the same input:
//! coordinates are computed in integer tenths of a pixel, never in floating point.
//!
//! Readable printed in black and white: statuses are three labelled rows with a marker
//! shape each (circle green, triangle amber, square red), low scores lie in a hatched band
//! labelled "low". Everything is drawn in `currentColor` by default (dark on white when
//! printed); the classes (`acctsum-…`, `status-red`…) let a stylesheet add colour as a
//! second cue, or restyle for dark mode.
//!
//! Accessible: each chart is `<svg role="img">` labelled by a `<title>` that says what it
//! shows with the numbers in words (runs of one value told once, long series shortened)
//! and described by a `<desc>`; [`status_table`] and [`score_table`] give every number as
//! rows for an HTML table beside it. Every id inside a chart starts with the caller's
//! prefix, so that charts on one page cannot clash. User text (titles, measure names) is
//! escaped for XML, its control characters shown as the text outputs show them.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::guide::Scale;
use crate::model::Status;
use crate::render::text::push_terminal;
use crate::view::TrendView;

/// Width of every chart, in pixels.
const WIDTH: i64 = 640;
/// Where the plotted dates start and end, in pixels.
const X0: i64 = 76;
/// See [`X0`].
const X1: i64 = 612;
/// Most runs of one value a title tells before it shortens the series.
const MAX_RUNS: usize = 10;
/// Runs told at the start of a shortened series; the rest are told at its end.
const HEAD_RUNS: usize = 3;
/// Most date labels along the time axis.
const MAX_DATE_LABELS: i64 = 5;

/// One measure's scores over time.
#[derive(Clone, Copy, Debug)]
pub struct Series<'a> {
    /// The measure's name, as shown (`Customer happiness`).
    pub name: &'a str,
    /// (commit date, score) oldest first; `None` where the version has no valid score.
    pub points: &'a [(NaiveDate, Option<i64>)],
}

/// The series of [`score_chart`] and [`score_table`] for a trend: one per measure it shows,
/// named as the guide names it. Its status goes to [`status_chart`] as it is
/// ([`TrendView::status`]).
#[must_use]
pub fn series<'a>(trend: &'a TrendView<'_>) -> Vec<Series<'a>> {
    trend.scores.iter().map(|s| Series { name: s.measure.name, points: &s.points }).collect()
}

/// Rows for an HTML table with the numbers a chart draws: plain text, to be escaped by
/// whoever writes the HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The column headings.
    pub header: Vec<String>,
    /// One row per point, oldest first.
    pub rows: Vec<Vec<String>>,
}

/// What a table and a title say for a version without a valid status.
const NO_STATUS: &str = "no status";
/// What a table and a title say for a version without a valid score.
const NO_SCORE: &str = "no score";

/// The three rows of the status chart, top to bottom: (status, y in pixels).
const LEVELS: [(Status, i64); 3] = [(Status::Green, 24), (Status::Amber, 54), (Status::Red, 84)];
/// The time axis of the status chart, in pixels.
const STATUS_AXIS: i64 = 104;

/// A status chart: the status at each commit as a step line over three labelled rows,
/// a marker shape per status, a cross on the axis where a version had no valid status.
/// `id` prefixes every id inside (made safe for XML); `title` names the chart (the
/// numbers follow it in the `<title>`).
#[must_use]
pub fn status_chart(points: &[(NaiveDate, Option<Status>)], id: &str, title: &str) -> String {
    let id = safe_id(id);
    let height = STATUS_AXIS + 30;
    let told = tell(points, |s| s.map_or(NO_STATUS, Status::as_str).to_owned());
    let desc = if points.is_empty() {
        "No commits yet.".to_owned()
    } else {
        format!(
            "Step chart of the status at each of {} from {} to {}: one row per status, green (circle) at the top, amber (triangle) in the middle, red (square) at the bottom; a cross on the time axis marks a version without a valid status.",
            commits(points.len()),
            points[0].0,
            points[points.len() - 1].0
        )
    };
    let mut out = open(&id, "acctsum-status-chart", height, &format!("{title}: {told}"), &desc);
    for (status, y) in LEVELS {
        let _ = writeln!(
            out,
            "<line class=\"acctsum-grid\" x1=\"{X0}\" y1=\"{y}\" x2=\"{X1}\" y2=\"{y}\" stroke=\"currentColor\" stroke-opacity=\"0.25\" stroke-dasharray=\"2 3\"/>"
        );
        let _ = writeln!(
            out,
            "<text class=\"acctsum-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            X0 - 22,
            y + 4,
            status.as_str()
        );
        out.push_str(&status_marker(status, (X0 - 12) * 10, y * 10, None));
    }
    axis(&mut out, points.iter().map(|p| p.0), STATUS_AXIS);
    let Some(span) = Span::of(points.iter().map(|p| p.0)) else {
        return close(out, Some(42));
    };
    let level = |s: Status| LEVELS.iter().find(|(l, _)| *l == s).map_or(0, |(_, y)| y * 10);
    let steps: Vec<(i64, Option<i64>)> = points.iter().map(|(d, s)| (span.x(*d), s.map(level))).collect();
    path(&mut out, "acctsum-line", &steps);
    for ((date, status), (x, _)) in points.iter().zip(&steps) {
        let tip = format!("{}: {}", status.map_or(NO_STATUS, Status::as_str), date);
        match status {
            Some(s) => out.push_str(&status_marker(*s, *x, level(*s), Some(&tip))),
            None => out.push_str(&cross(*x, STATUS_AXIS * 10, &tip)),
        }
    }
    close(out, None)
}

/// The rows of [`status_chart`]: date and status.
#[must_use]
pub fn status_table(points: &[(NaiveDate, Option<Status>)]) -> Table {
    Table {
        header: vec!["Date".to_owned(), "Status".to_owned()],
        rows: points.iter().map(|(d, s)| vec![d.to_string(), s.map_or(NO_STATUS, Status::as_str).to_owned()]).collect(),
    }
}

/// Height of one measure's panel in the score chart, in pixels.
const PANEL: i64 = 76;
/// Height of the plot inside a panel, in pixels.
const PLOT: i64 = 48;
/// Space above the first panel, in pixels.
const TOP: i64 = 4;

/// A score chart: one small chart per measure, stacked on one time axis, each with its
/// name and latest score above it, the y axis on `scale` and the low band hatched.
/// `id` prefixes every id inside; `title` names the chart.
#[must_use]
pub fn score_chart(series: &[Series<'_>], scale: Scale, id: &str, title: &str) -> String {
    let id = safe_id(id);
    let panels = i64::try_from(series.len()).unwrap_or(i64::MAX / PANEL / 2).max(1);
    let axis_y = TOP + panels * PANEL + 4;
    let height = axis_y + 30;
    let dates = || series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let count = series.iter().map(|s| s.points.len()).max().unwrap_or(0);
    let told: Vec<String> = series
        .iter()
        .map(|s| {
            format!("{}: {}", s.name, tell(s.points, |v| v.map_or_else(|| NO_SCORE.to_owned(), |v| v.to_string())))
        })
        .collect();
    let told = if told.is_empty() { "no measures".to_owned() } else { told.join("; ") };
    let range = match (dates().min(), dates().max()) {
        (Some(first), Some(last)) => format!(" {} from {first} to {last}.", commits(count)),
        _ => " No commits yet.".to_owned(),
    };
    let desc = format!(
        "One small chart per measure, scores on the scale {} to {}; scores at or below {} lie in the hatched band marked low.{range}",
        scale.min, scale.max, scale.low
    );
    let mut out = open(&id, "acctsum-score-chart", height, &format!("{title}: {told}"), &desc);
    // What every panel shares — the low band, the grid, the scale's labels — is drawn
    // once and placed under each panel (`<use>`).
    let _ = write!(
        out,
        "<defs><pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><line class=\"acctsum-hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"currentColor\" stroke-opacity=\"0.35\" stroke-width=\"2\"/></pattern>\n<g id=\"{id}-panel\">\n"
    );
    backdrop(&mut out, &id, scale);
    out.push_str("</g></defs>\n");
    let span = Span::of(dates());
    for (i, s) in series.iter().enumerate() {
        let top = TOP + i64::try_from(i).unwrap_or(0) * PANEL;
        panel(&mut out, &id, s, scale, top, span.as_ref());
    }
    axis(&mut out, dates(), axis_y);
    close(out, (span.is_none() && !series.is_empty()).then_some(axis_y / 2))
}

/// Where a score lies in a panel whose plot ends `bottom` pixels down, in tenths.
fn score_y(scale: Scale, bottom: i64, v: i64) -> i64 {
    let (min, max) = (i128::from(scale.min), i128::from(scale.max));
    let v = i128::from(v).clamp(min, max);
    let range = (max - min).max(1);
    let from_bottom = (v - min) * i128::from(PLOT * 10) / range;
    bottom * 10 - i64::try_from(from_bottom).unwrap_or(0)
}

/// What every panel of the score chart shares, for a panel at the top: the low band
/// hatched and labelled, the grid (the labelled scores stronger), the scale's labels.
fn backdrop(out: &mut String, id: &str, scale: Scale) {
    let (py0, py1) = (18, 18 + PLOT);
    let y = |v: i64| score_y(scale, py1, v);
    // The low band: every score at or below `low`, half a mark above it included.
    let band_top = if scale.low >= scale.max { py0 * 10 } else { (y(scale.low) + y(scale.low.saturating_add(1))) / 2 };
    let _ = writeln!(
        out,
        "<rect class=\"acctsum-band\" x=\"{X0}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-hatch)\"/>",
        px(band_top),
        X1 - X0,
        px(py1 * 10 - band_top)
    );
    let _ = writeln!(
        out,
        "<text class=\"acctsum-band-label\" x=\"{}\" y=\"{}\" font-size=\"9\">low</text>",
        X1 + 3,
        px((band_top + py1 * 10) / 2 + 30)
    );
    let gridded = i128::from(scale.max) - i128::from(scale.min) <= 10;
    let mut ticks: Vec<i64> =
        if gridded { (scale.min..=scale.max).collect() } else { vec![scale.min, scale.low, scale.max] };
    ticks.dedup();
    let labelled = |tick: &i64| *tick == scale.min || *tick == scale.max || *tick == scale.low;
    let grid = |out: &mut String, major: bool| {
        let d: String =
            ticks.iter().filter(|t| labelled(t) == major).map(|&t| format!("M{X0} {}H{X1}", px(y(t)))).collect();
        if !d.is_empty() {
            let (class, opacity) = if major { ("acctsum-grid", "0.3") } else { ("acctsum-grid minor", "0.12") };
            let _ = writeln!(
                out,
                "<path class=\"{class}\" d=\"{d}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"{opacity}\"/>"
            );
        }
    };
    grid(out, true);
    grid(out, false);
    for tick in ticks.iter().filter(|t| labelled(t)) {
        let _ = writeln!(
            out,
            "<text class=\"acctsum-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"9\">{tick}</text>",
            X0 - 6,
            px(y(*tick) + 30)
        );
    }
}

/// One measure's panel of the score chart, `top` pixels down: the shared backdrop, the
/// measure's name and latest score, its line and a marker per point.
fn panel(out: &mut String, id: &str, series: &Series<'_>, scale: Scale, top: i64, span: Option<&Span>) {
    let py1 = top + 18 + PLOT;
    let latest = series.points.last().map_or_else(
        || "no commits".to_owned(),
        |(_, v)| v.map_or_else(|| format!("latest: {NO_SCORE}"), |v| format!("latest {v}")),
    );
    let _ = writeln!(out, "<use href=\"#{id}-panel\" y=\"{top}\"/>");
    let _ = writeln!(
        out,
        "<text class=\"acctsum-series-name\" x=\"{X0}\" y=\"{}\" font-weight=\"bold\">{} <tspan font-weight=\"normal\">({latest})</tspan></text>",
        top + 12,
        xml(series.name)
    );
    let Some(span) = span else { return };
    let steps: Vec<(i64, Option<i64>)> =
        series.points.iter().map(|(d, v)| (span.x(*d), v.map(|v| score_y(scale, py1, v)))).collect();
    path(out, "acctsum-line", &steps);
    let name = series.name;
    for ((date, value), (x, at)) in series.points.iter().zip(&steps) {
        match (value, at) {
            (Some(v), Some(at)) => {
                let low = if *v <= scale.low { " low" } else { "" };
                // Filled in the chart's colour, which the marker inherits.
                let _ = writeln!(
                    out,
                    "<circle class=\"acctsum-marker{low}\" cx=\"{}\" cy=\"{}\" r=\"3\"><title>{}</title></circle>",
                    px(*x),
                    px(*at),
                    xml(&format!("{name}: {v} on {date}"))
                );
            }
            _ => out.push_str(&cross(*x, py1 * 10 + 40, &format!("{name}: {NO_SCORE} on {date}"))),
        }
    }
}

/// The rows of [`score_chart`]: the date, then each measure's score. Series drawn from
/// one trend share their dates; the date of a row is that of the first series with a
/// point there.
#[must_use]
pub fn score_table(series: &[Series<'_>]) -> Table {
    let mut header = vec!["Date".to_owned()];
    header.extend(series.iter().map(|s| s.name.to_owned()));
    let count = series.iter().map(|s| s.points.len()).max().unwrap_or(0);
    let rows = (0..count)
        .map(|i| {
            let date = series.iter().find_map(|s| s.points.get(i)).map(|p| p.0.to_string()).unwrap_or_default();
            let mut row = vec![date];
            row.extend(series.iter().map(|s| match s.points.get(i) {
                Some((_, Some(v))) => v.to_string(),
                _ => NO_SCORE.to_owned(),
            }));
            row
        })
        .collect();
    Table { header, rows }
}

/// The dates plotted: the first and the number of days to the last.
struct Span {
    first: NaiveDate,
    days: i64,
}

impl Span {
    fn of(dates: impl Iterator<Item = NaiveDate> + Clone) -> Option<Self> {
        let first = dates.clone().min()?;
        let last = dates.max()?;
        Some(Self { first, days: (last - first).num_days() })
    }

    /// Where `date` lies along the time axis, in tenths of a pixel (the middle when all
    /// dates are one).
    fn x(&self, date: NaiveDate) -> i64 {
        if self.days == 0 {
            return (X0 + X1) * 5;
        }
        let days = (date - self.first).num_days().clamp(0, self.days);
        X0 * 10 + days * (X1 - X0) * 10 / self.days
    }

    /// The date at a fraction `n / of` of the way along.
    fn date_at(&self, n: i64, of: i64) -> NaiveDate {
        self.first + chrono::Duration::days(self.days * n / of.max(1))
    }
}

/// The time axis at `y`: a line, and up to [`MAX_DATE_LABELS`] dates evenly spread.
fn axis(out: &mut String, dates: impl Iterator<Item = NaiveDate> + Clone, y: i64) {
    let _ = writeln!(
        out,
        "<line class=\"acctsum-axis\" x1=\"{X0}\" y1=\"{y}\" x2=\"{X1}\" y2=\"{y}\" stroke=\"currentColor\"/>"
    );
    let Some(span) = Span::of(dates) else { return };
    let labels = (span.days + 1).min(MAX_DATE_LABELS);
    let mut last: Option<NaiveDate> = None;
    for n in 0..labels {
        let date = if labels == 1 { span.first } else { span.date_at(n, labels - 1) };
        if last == Some(date) {
            continue;
        }
        last = Some(date);
        let x = if labels == 1 { span.x(date) } else { X0 * 10 + (X1 - X0) * 10 * n / (labels - 1) };
        let anchor = match n {
            0 if labels > 1 => "start",
            n if n == labels - 1 && labels > 1 => "end",
            _ => "middle",
        };
        let _ = writeln!(
            out,
            "<line class=\"acctsum-tick\" x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\"/>\n<text class=\"acctsum-label\" x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\">{date}</text>",
            y + 4,
            y + 16,
            x = px(x)
        );
    }
}

/// A step line through `steps` ((x, y) in tenths; `None` breaks the line): each value
/// holds until the next point.
fn path(out: &mut String, class: &str, steps: &[(i64, Option<i64>)]) {
    let mut d = String::new();
    let mut at: Option<i64> = None;
    // How far the level that holds reaches, not written yet: a level that holds over
    // several points is one segment.
    let mut reach: Option<i64> = None;
    for &(x, y) in steps {
        match (at, y) {
            (Some(prev), Some(y)) if prev == y => reach = Some(x),
            (Some(_), Some(y)) => {
                let _ = write!(d, "H{}V{}", px(x), px(y));
                reach = None;
            }
            (None, Some(y)) => {
                let _ = write!(d, "M{} {}", px(x), px(y));
                reach = None;
            }
            // The last value holds until the version without one; the line breaks there.
            (Some(_), None) => {
                let _ = write!(d, "H{}", px(x));
                reach = None;
            }
            (None, None) => {}
        }
        at = y;
    }
    if let Some(x) = reach {
        let _ = write!(d, "H{}", px(x));
    }
    if !d.is_empty() {
        let _ = writeln!(
            out,
            "<path class=\"{class}\" d=\"{d}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>"
        );
    }
}

/// The marker of a status at (x, y) in tenths: a circle (green), a triangle (amber) or a
/// square (red), with a tooltip when given.
fn status_marker(status: Status, x: i64, y: i64, tip: Option<&str>) -> String {
    let class = format!("acctsum-marker status-{}", status.as_str());
    let tip = tip.map(|t| format!("<title>{}</title>", xml(t))).unwrap_or_default();
    match status {
        Status::Green => {
            format!("<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"5\">{tip}</circle>\n", px(x), px(y))
        }
        Status::Amber => format!(
            "<path class=\"{class}\" d=\"M{} {} L{} {} L{} {} Z\">{tip}</path>\n",
            px(x),
            px(y - 60),
            px(x + 55),
            px(y + 40),
            px(x - 55),
            px(y + 40)
        ),
        Status::Red => format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"9\" height=\"9\">{tip}</rect>\n",
            px(x - 45),
            px(y - 45)
        ),
    }
}

/// A cross at (x, y) in tenths: a version without a value.
fn cross(x: i64, y: i64, tip: &str) -> String {
    format!(
        "<path class=\"acctsum-none\" d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"><title>{}</title></path>\n",
        px(x - 35),
        px(y - 35),
        px(x + 35),
        px(y + 35),
        px(x - 35),
        px(y + 35),
        px(x + 35),
        px(y - 35),
        xml(tip)
    )
}

/// The opening of a chart: the `<svg>` element, its title and its description.
fn open(id: &str, class: &str, height: i64, title: &str, desc: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"acctsum-chart {class}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"currentColor\">"
    );
    let _ = writeln!(out, "<title id=\"{id}-title\">{}</title>", xml(title));
    let _ = writeln!(out, "<desc id=\"{id}-desc\">{}</desc>", xml(desc));
    out
}

/// The end of a chart; with `empty`, a note at that height that there is nothing to draw.
fn close(mut out: String, empty: Option<i64>) -> String {
    if let Some(y) = empty {
        let _ = writeln!(
            out,
            "<text class=\"acctsum-empty\" x=\"{}\" y=\"{y}\" text-anchor=\"middle\">No history yet</text>",
            (X0 + X1) / 2
        );
    }
    out.push_str("</svg>\n");
    out
}

/// A length in tenths of a pixel, as SVG reads it: `12`, `12.5`, `-0.5`.
fn px(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    if abs % 10 == 0 { format!("{sign}{}", abs / 10) } else { format!("{sign}{}.{}", abs / 10, abs % 10) }
}

/// "1 commit", "3 commits".
fn commits(n: usize) -> String {
    if n == 1 { "1 commit".to_owned() } else { format!("{n} commits") }
}

/// A series in words: each run of one value once ("3 on 2026-10-01", "4 from 2026-11-01
/// (3 commits)"), the middle left out past [`MAX_RUNS`] runs.
fn tell<T: PartialEq + Copy>(points: &[(NaiveDate, T)], word: impl Fn(T) -> String) -> String {
    if points.is_empty() {
        return "no commits yet".to_owned();
    }
    let mut runs: Vec<(T, NaiveDate, usize)> = Vec::new();
    for &(date, value) in points {
        match runs.last_mut() {
            Some((v, _, n)) if *v == value => *n += 1,
            _ => runs.push((value, date, 1)),
        }
    }
    let say = |(value, date, n): &(T, NaiveDate, usize)| {
        if *n == 1 {
            format!("{} on {date}", word(*value))
        } else {
            format!("{} from {date} ({n} commits)", word(*value))
        }
    };
    if runs.len() <= MAX_RUNS {
        return runs.iter().map(say).collect::<Vec<_>>().join(", ");
    }
    let tail = MAX_RUNS - HEAD_RUNS;
    let left_out = runs.len() - MAX_RUNS;
    let head: Vec<String> = runs[..HEAD_RUNS].iter().map(say).collect();
    let rest: Vec<String> = runs[runs.len() - tail..].iter().map(say).collect();
    format!("{}, … {left_out} more changes …, {}", head.join(", "), rest.join(", "))
}

/// An id prefix that XML accepts and CSS selects plainly: ASCII letters, digits, `-` and
/// `_`, other characters as `-`, starting with a letter.
fn safe_id(id: &str) -> String {
    let kept: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    if kept.starts_with(|c: char| c.is_ascii_alphabetic()) { kept } else { format!("c{kept}") }
}

/// Text for XML content or an attribute: `&`, `<`, `>`, `"` and `'` escaped; control
/// characters (which XML 1.0 forbids or hides) shown as the text outputs show them; the
/// non-characters XML forbids replaced.
#[must_use]
pub fn xml(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    push_terminal(&mut shown, text);
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
