//! `acctsum.yaml`: the field guide — measures, scale, cadences and rule severities —
//! read strictly, with every problem located, and the built-in defaults.

use std::collections::BTreeMap;

use crate::audience::{self, Audience, UnknownAudience};
use crate::document::{Document, NodeId, NodeKind, Scalar};
use crate::finding::{Finding, Loc, RuleId, RuleKind, Severity};
use crate::format::Section;
use crate::suggest;
use crate::validate::Reader;

/// The name of the configuration file at the workspace root.
pub const CONFIG_FILE: &str = "acctsum.yaml";

/// The default glob of engagement files, relative to the workspace root.
pub const DEFAULT_GLOB: &str = "engagements/**/*.yaml";
/// The review session files selected when `reviews` is not configured.
pub const DEFAULT_REVIEWS_GLOB: &str = "reviews/**/*.yaml";

/// The score scale: integers `min..=max`; a score `<= low` is low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// The worst score.
    pub min: i64,
    /// The best score.
    pub max: i64,
    /// Scores at or below this are low.
    pub low: i64,
}

/// Where a score lies on the scale. Decided by [`Scale::band`] alone; "low" means
/// [`Band::Worst`] or [`Band::Low`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// The lowest mark.
    Worst,
    /// Above the lowest, up to `low`.
    Low,
    /// Above `low`, below the top third of the rest.
    Middling,
    /// The top third above `low`.
    Good,
}

impl Scale {
    /// The band of `score`: the worst mark; low (up to `low`); good (the top third of the
    /// marks above `low`); middling (the rest).
    #[must_use]
    pub fn band(self, score: i64) -> Band {
        if score <= self.min {
            Band::Worst
        } else if score <= self.low {
            Band::Low
        } else if score >= self.max - (self.max - self.low) / 3 {
            Band::Good
        } else {
            Band::Middling
        }
    }

    /// Whether `score` is low: in the worst or the low band.
    #[must_use]
    pub fn is_low(self, score: i64) -> bool {
        self.band(score) <= Band::Low
    }
}

/// One scored measure of the field guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// The key used in engagement files (`customer`).
    pub key: String,
    /// The name shown in reports (`Customer happiness`).
    pub name: String,
    /// What good looks like, in a line or two.
    pub guide: String,
}

/// The validated field guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    /// Globs selecting engagement files, relative to the workspace root.
    pub engagements: Vec<String>,
    /// Allowed regions; empty means any region.
    pub regions: Vec<String>,
    /// The score scale.
    pub scale: Scale,
    /// `updated` older than this many days is stale.
    pub stale_after_days: i64,
    /// A service review older than this many days is overdue.
    pub service_review_days: i64,
    /// Longest headline, in characters.
    pub headline_max_chars: usize,
    /// An ask for help open longer than this many days has been open long.
    pub support_stale_days: i64,
    /// An acknowledgement's `until` may be at most this many days ahead of today.
    pub max_acknowledge_days: i64,
    account_status: Vec<Measure>,
    strategy: Vec<Measure>,
    /// Configured severities (`None` = off), by rule.
    rules: BTreeMap<RuleId, Option<Severity>>,
    /// The declared audiences, in file order.
    audiences: Vec<Audience>,
    /// The index in `audiences` of `default_audience`; set whenever any is declared.
    default_audience: Option<usize>,
    /// Globs selecting review session files, relative to the workspace root.
    pub reviews: Vec<String>,
}

fn measure(key: &str, name: &str, guide: &str) -> Measure {
    Measure { key: key.to_owned(), name: name.to_owned(), guide: guide.to_owned() }
}

/// The built-in measures, from the Account Lead role.
fn default_measures(section: Section) -> Vec<Measure> {
    match section {
        Section::AccountStatus => vec![
            measure(
                "customer",
                "Customer happiness",
                "How the client feels about us: an open, honest relationship with regular, transparent communication and no surprises.",
            ),
            measure(
                "team",
                "Team happiness",
                "Morale and wellbeing of our people: challenge, feedback, growth and a healthy work-life balance.",
            ),
            measure(
                "delivery",
                "Delivery",
                "Rapid, reliable delivery of high-quality outcomes, confirmed by delivery quality reviews.",
            ),
            measure(
                "commercial",
                "Commercials",
                "Profitability, rates and utilisation; forecast against actual; invoices raised on time and no aged debt.",
            ),
            measure(
                "governance",
                "Governance",
                "MSA, SOW and NDA signed and filed; data mapping closed; ISO, GDPR and security compliance reviewed.",
            ),
            measure(
                "capability",
                "Team capability",
                "The right people with the right skills; succession plans; smooth on- and off-boarding.",
            ),
        ],
        Section::Strategy => vec![
            measure(
                "relationships",
                "Relationships",
                "Breadth and depth of the stakeholder map; access to sponsors and executives.",
            ),
            measure(
                "alignment",
                "Strategic alignment",
                "We understand the client's domain, market and priorities; the strategy canvas is current.",
            ),
            measure(
                "growth",
                "Growth",
                "A pipeline of new work, moving us from tactical supplier to preferred partner.",
            ),
            measure(
                "value_add",
                "Value add",
                "Services beyond the remit: knowledge sharing, events, reviews, introductions.",
            ),
            measure(
                "exit_plan",
                "Exit & handover",
                "A plan to hand over and disengage gracefully when the time is right.",
            ),
        ],
    }
}

impl Default for Guide {
    fn default() -> Self {
        Self {
            engagements: vec![DEFAULT_GLOB.to_owned()],
            regions: Vec::new(),
            scale: Scale { min: 1, max: 5, low: 2 },
            stale_after_days: 14,
            service_review_days: 35,
            headline_max_chars: 280,
            support_stale_days: 14,
            max_acknowledge_days: 90,
            account_status: default_measures(Section::AccountStatus),
            strategy: default_measures(Section::Strategy),
            rules: BTreeMap::new(),
            audiences: Vec::new(),
            default_audience: None,
            reviews: vec![DEFAULT_REVIEWS_GLOB.to_owned()],
        }
    }
}

/// The top-level keys of `acctsum.yaml`.
pub const CONFIG_KEYS: &[&str] = &[
    "acctsum",
    "engagements",
    "regions",
    "scale",
    "stale_after_days",
    "service_review_days",
    "headline_max_chars",
    "max_acknowledge_days",
    "measures",
    "rules",
    "audiences",
    "default_audience",
    "support_stale_days",
    "reviews",
];

impl Guide {
    /// The measures configured for a section.
    #[must_use]
    pub fn measures(&self, section: Section) -> &[Measure] {
        match section {
            Section::AccountStatus => &self.account_status,
            Section::Strategy => &self.strategy,
        }
    }

    /// The severity of a rule after configuration; `None` when it is off.
    #[must_use]
    pub fn severity(&self, rule: RuleId) -> Option<Severity> {
        match rule.kind() {
            RuleKind::Structural => Some(Severity::Error),
            RuleKind::Content(default) => self.rules.get(&rule).copied().unwrap_or(Some(default)),
        }
    }

    /// Whether a score is low on the guide's scale ([`Scale::is_low`]).
    #[must_use]
    pub fn is_low(&self, score: i64) -> bool {
        self.scale.is_low(score)
    }

    /// The declared audiences, in file order; empty when there are none (nothing is hidden).
    #[must_use]
    pub fn audiences(&self) -> &[Audience] {
        &self.audiences
    }

    /// The audience a command builds its view for: the one named (`--audience NAME`),
    /// else `default_audience`; `None` when no audience is declared, and nothing is
    /// hidden.
    ///
    /// # Errors
    /// When `name` is not a declared audience: the error says "did you mean", and the
    /// command cannot run (exit 2).
    pub fn audience(&self, name: Option<&str>) -> Result<Option<&Audience>, UnknownAudience> {
        match name {
            Some(name) => match self.audiences.iter().find(|a| a.name == name) {
                Some(audience) => Ok(Some(audience)),
                None => Err(UnknownAudience::new(name, &self.audiences)),
            },
            None => Ok(self.default_audience.and_then(|i| self.audiences.get(i))),
        }
    }

    /// Reads and validates a configuration document; every problem is returned.
    ///
    /// # Errors
    /// The findings, when the document is not a valid configuration.
    pub fn parse(doc: &Document) -> Result<Guide, Vec<Finding>> {
        let mut p = ConfigReader { r: Reader::new(doc), guide: Guide::default(), audiences: None, default: None };
        match doc.root() {
            None => {}
            Some(root) if p.r.is_null(root) => {}
            Some(root) => p.top(root),
        }
        // Last: hide paths name measures, which may be configured below them.
        let (audiences, default) = audience::read(&mut p.r, &p.guide, p.audiences, p.default);
        p.guide.audiences = audiences;
        p.guide.default_audience = default;
        if p.r.out.is_empty() { Ok(p.guide) } else { Err(p.r.out) }
    }
}

struct ConfigReader<'a> {
    r: Reader<'a>,
    guide: Guide,
    /// The value of `audiences` and where its key is, read after everything else.
    audiences: Option<(NodeId, Loc)>,
    /// The value of `default_audience`, read with the audiences.
    default: Option<NodeId>,
}

impl ConfigReader<'_> {
    fn error(&mut self, rule: RuleId, at: Loc, message: String, help: Option<String>) {
        self.r.report(rule, at, message, help);
    }

    fn top(&mut self, root: NodeId) {
        let Some(entries) = self.r.entries(root, &"acctsum.yaml") else { return };
        for (key, key_at, value) in entries {
            if self.r.is_null(value) {
                continue;
            }
            match key {
                "acctsum" => self.version(value),
                "engagements" => self.globs(value),
                "regions" => self.regions(value),
                "scale" => self.scale(value),
                "stale_after_days" => {
                    if let Some(v) = self.days(value, key) {
                        self.guide.stale_after_days = v;
                    }
                }
                "service_review_days" => {
                    if let Some(v) = self.days(value, key) {
                        self.guide.service_review_days = v;
                    }
                }
                "headline_max_chars" => {
                    if let Some(v) = self.bounded(value, key, 1, 100_000) {
                        self.guide.headline_max_chars = usize::try_from(v).unwrap_or(usize::MAX);
                    }
                }
                "support_stale_days" => {
                    if let Some(v) = self.days(value, key) {
                        self.guide.support_stale_days = v;
                    }
                }
                "max_acknowledge_days" => {
                    if let Some(v) = self.days(value, key) {
                        self.guide.max_acknowledge_days = v;
                    }
                }
                "measures" => self.measures(value),
                "rules" => self.rules(value),
                "audiences" => self.audiences = Some((value, key_at)),
                "default_audience" => self.default = Some(value),
                "reviews" => {
                    let globs = self.glob_list(value, "`reviews`", "reviews/**/*.yaml");
                    if !globs.is_empty() {
                        self.guide.reviews = globs;
                    }
                }
                _ => self.error(
                    RuleId::UnknownField,
                    key_at,
                    format!("unknown setting `{key}` in acctsum.yaml"),
                    Some(suggest::help_for(key, CONFIG_KEYS)),
                ),
            }
        }
    }

    fn version(&mut self, id: NodeId) {
        let at = self.r.doc.resolve(id).1;
        match self.r.int(id, &"`acctsum`", &"the version 1") {
            Some(Ok(1)) | None => {}
            Some(Ok(v)) => self.error(
                RuleId::UnsupportedVersion,
                at,
                format!("configuration version {v} is not supported; this acctsum reads version 1"),
                None,
            ),
            Some(Err(s)) => self.error(
                RuleId::UnsupportedVersion,
                at,
                format!("configuration version {s} is not supported; this acctsum reads version 1"),
                None,
            ),
        }
    }

    fn globs(&mut self, id: NodeId) {
        let globs = self.glob_list(id, "`engagements`", "engagements/**/*.yaml");
        if !globs.is_empty() {
            self.guide.engagements = globs;
        }
    }

    /// The valid globs of a setting (one or a list); each bad one is reported.
    fn glob_list(&mut self, id: NodeId, what: &str, example: &str) -> Vec<String> {
        let items = self.text_items(id, what);
        let mut globs = Vec::new();
        for (glob, at) in items {
            if let Err(err) = glob::Pattern::new(&glob) {
                self.error(
                    RuleId::InvalidValue,
                    at,
                    format!("`{glob}` is not a valid glob: {}", err.msg),
                    Some(format!("for example: {example}")),
                );
            } else if glob.starts_with('/') || glob.split('/').any(|part| part == "..") {
                self.error(
                    RuleId::InvalidValue,
                    at,
                    format!("`{glob}` must stay inside the workspace"),
                    Some("write it relative to the folder holding acctsum.yaml".to_owned()),
                );
            } else {
                globs.push(glob);
            }
        }
        globs
    }

    /// A piece of text or a list of text, each with its position.
    fn text_items(&mut self, id: NodeId, what: &str) -> Vec<(String, Loc)> {
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        match &node.kind {
            NodeKind::Seq(items) => doc
                .items_of(*items)
                .iter()
                .filter_map(|&item| {
                    let item_at = doc.resolve(item).1;
                    self.r.text(item, &crate::validate::Words("an item of", &what)).map(|t| (t, item_at))
                })
                .collect(),
            _ => self.r.text(id, &what).map(|t| vec![(t, at)]).unwrap_or_default(),
        }
    }

    fn regions(&mut self, id: NodeId) {
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        if !matches!(node.kind, NodeKind::Seq(_)) {
            self.error(
                RuleId::InvalidType,
                at,
                format!("`regions` must be a list, found {}", doc.describe(id)),
                Some("for example: regions: [north, south, scotland]".to_owned()),
            );
            return;
        }
        let mut regions: Vec<String> = Vec::new();
        for (region, at) in self.text_items(id, "`regions`") {
            if regions.iter().any(|r| r.eq_ignore_ascii_case(&region)) {
                self.error(RuleId::InvalidValue, at, format!("region `{region}` is listed twice"), None);
            } else if region.contains(['/', '\\']) || region.trim() != region {
                self.error(
                    RuleId::InvalidValue,
                    at,
                    format!("region `{region}` cannot contain slashes or surrounding spaces"),
                    Some("regions name folders under engagements/".to_owned()),
                );
            } else {
                regions.push(region);
            }
        }
        self.guide.regions = regions;
    }

    fn bounded(&mut self, id: NodeId, what: &str, min: i64, max: i64) -> Option<i64> {
        let at = self.r.doc.resolve(id).1;
        let expected = format!("a whole number from {min} to {max}");
        match self.r.int(id, &format!("`{what}`"), &expected)? {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            Ok(v) => {
                self.error(RuleId::InvalidValue, at, format!("`{what}` must be {expected}, found {v}"), None);
                None
            }
            Err(s) => {
                self.error(RuleId::InvalidValue, at, format!("`{what}` must be {expected}, found {s}"), None);
                None
            }
        }
    }

    fn days(&mut self, id: NodeId, what: &str) -> Option<i64> {
        self.bounded(id, what, 1, 3650)
    }

    fn scale(&mut self, id: NodeId) {
        let Some(entries) = self.r.entries(id, &"`scale`") else { return };
        let scale_at = self.r.doc.resolve(id).1;
        let (mut min, mut max, mut low) = (None, None, None);
        let mut ok = true;
        for (key, key_at, value) in entries {
            let slot = match key {
                "min" => &mut min,
                "max" => &mut max,
                "low" => &mut low,
                _ => {
                    self.error(
                        RuleId::UnknownField,
                        key_at,
                        format!("unknown setting `{key}` in `scale`"),
                        Some(suggest::help_for(key, &["min", "max", "low"])),
                    );
                    continue;
                }
            };
            match self.bounded(value, &format!("scale.{key}"), -1000, 1000) {
                Some(v) => *slot = Some(v),
                None => ok = false,
            }
        }
        if !ok {
            return;
        }
        let min = min.unwrap_or(self.guide.scale.min);
        let max = max.unwrap_or(self.guide.scale.max);
        let low = low.unwrap_or(min + 1);
        if min >= max {
            self.error(
                RuleId::InvalidValue,
                scale_at,
                format!("`scale.min` ({min}) must be below `scale.max` ({max})"),
                None,
            );
        } else if max - min > 100 {
            self.error(
                RuleId::InvalidValue,
                scale_at,
                format!("the scale {min} to {max} has more than 101 steps"),
                Some("a scale of 1 to 5 or 1 to 10 reads best".to_owned()),
            );
        } else if !(min <= low && low < max) {
            self.error(
                RuleId::InvalidValue,
                scale_at,
                format!("`scale.low` ({low}) must be at least `min` ({min}) and below `max` ({max})"),
                None,
            );
        } else {
            self.guide.scale = Scale { min, max, low };
        }
    }

    fn measures(&mut self, id: NodeId) {
        let Some(entries) = self.r.entries(id, &"`measures`") else { return };
        for (key, key_at, value) in entries {
            let section = match key {
                "account_status" => Section::AccountStatus,
                "strategy" => Section::Strategy,
                _ => {
                    self.error(
                        RuleId::UnknownField,
                        key_at,
                        format!("unknown section `{key}` in `measures`"),
                        Some(suggest::help_for(key, &["account_status", "strategy"])),
                    );
                    continue;
                }
            };
            if self.r.is_null(value) {
                continue;
            }
            if let Some(list) = self.measure_list(value, section) {
                match section {
                    Section::AccountStatus => self.guide.account_status = list,
                    Section::Strategy => self.guide.strategy = list,
                }
            }
        }
    }

    fn measure_list(&mut self, id: NodeId, section: Section) -> Option<Vec<Measure>> {
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        let NodeKind::Seq(items) = &node.kind else {
            self.error(
                RuleId::InvalidType,
                at,
                format!("`measures.{}` must be a list of measures, found {}", section.key(), doc.describe(id)),
                Some("each item: {key: customer, name: Customer happiness, guide: …}".to_owned()),
            );
            return None;
        };
        let items = doc.items_of(*items);
        let mut list: Vec<Measure> = Vec::with_capacity(items.len());
        let before = self.r.out.len();
        for &item in items {
            let item_at = doc.resolve(item).1;
            let Some(entries) = self.r.entries(item, &"a measure") else { continue };
            let (mut key, mut name, mut guide) = (None, None, None);
            for (k, k_at, v) in entries {
                match k {
                    "key" => key = self.r.text(v, &"`key`").map(|t| (t, doc.resolve(v).1)),
                    "name" => name = self.r.text(v, &"`name`"),
                    "guide" => guide = self.r.text(v, &"`guide`"),
                    _ => self.error(
                        RuleId::UnknownField,
                        k_at,
                        format!("unknown field `{k}` in a measure"),
                        Some(suggest::help_for(k, &["key", "name", "guide"])),
                    ),
                }
            }
            let Some((key, key_at)) = key else {
                self.error(
                    RuleId::MissingField,
                    item_at,
                    "a measure needs a `key`".to_owned(),
                    Some("for example: {key: customer, name: Customer happiness}".to_owned()),
                );
                continue;
            };
            if !is_measure_key(&key) {
                self.error(
                    RuleId::InvalidValue,
                    key_at,
                    format!("measure key `{key}` must be lowercase letters, digits and `_`, starting with a letter"),
                    Some("for example: value_add".to_owned()),
                );
            } else if list.iter().any(|m| m.key == key) {
                self.error(
                    RuleId::InvalidValue,
                    key_at,
                    format!("measure `{key}` is listed twice in `{}`", section.key()),
                    None,
                );
            } else {
                let name = name.unwrap_or_else(|| default_name(&key));
                list.push(Measure { key, name, guide: guide.unwrap_or_default() });
            }
        }
        (self.r.out.len() == before).then_some(list)
    }

    fn rules(&mut self, id: NodeId) {
        let Some(entries) = self.r.entries(id, &"`rules`") else { return };
        let configurable: Vec<&str> =
            RuleId::ALL.iter().filter(|r| matches!(r.kind(), RuleKind::Content(_))).map(|r| r.as_str()).collect();
        for (key, key_at, value) in entries {
            let Some(rule) = RuleId::from_id(key) else {
                self.error(
                    RuleId::UnknownField,
                    key_at,
                    format!("unknown rule `{key}`"),
                    Some(suggest::help_for(key, &configurable)),
                );
                continue;
            };
            if rule.kind() == RuleKind::Structural {
                self.error(
                    RuleId::InvalidValue,
                    key_at,
                    format!("`{key}` is a structural rule; it is always an error and cannot be configured"),
                    None,
                );
                continue;
            }
            let at = self.r.doc.resolve(value).1;
            let level = match self.r.doc.scalar(value) {
                // `off` is a plain word in YAML 1.2, but be kind to `false`.
                Some((Scalar::Str, "error")) => Some(Some(Severity::Error)),
                Some((Scalar::Str, "warning")) => Some(Some(Severity::Warning)),
                Some((Scalar::Str, "off") | (Scalar::Bool(false), _)) => Some(None),
                _ => None,
            };
            match level {
                Some(level) if level == Some(rule.default_severity()) => {
                    self.guide.rules.remove(&rule);
                }
                Some(level) => {
                    self.guide.rules.insert(rule, level);
                }
                None => {
                    let found = self
                        .r
                        .doc
                        .scalar(value)
                        .map_or_else(|| self.r.doc.describe(value).to_owned(), |s| format!("`{}`", s.1));
                    self.error(
                        RuleId::InvalidValue,
                        at,
                        format!("the severity of `{key}` must be error, warning or off; found {found}"),
                        found
                            .strip_prefix('`')
                            .and_then(|f| f.strip_suffix('`'))
                            .map(|f| suggest::help_for(f, &["error", "warning", "off"])),
                    );
                }
            }
        }
    }
}

/// Whether a measure key is an identifier: `[a-z][a-z0-9_]*`.
#[must_use]
pub fn is_measure_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn default_name(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::document::load;

    fn parse(text: &str) -> Result<Guide, Vec<(RuleId, u32)>> {
        let loaded = load(Arc::from("acctsum.yaml"), text.as_bytes());
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        Guide::parse(&loaded.doc.expect("doc")).map_err(|f| f.iter().map(|f| (f.rule, f.loc.line)).collect())
    }

    #[test]
    fn bands_decide_what_is_low() {
        use Band::{Good, Low, Middling, Worst};
        let five = Scale { min: 1, max: 5, low: 2 };
        assert_eq!((1..=5).map(|s| five.band(s)).collect::<Vec<_>>(), [Worst, Low, Middling, Good, Good]);
        let ten = Scale { min: 0, max: 10, low: 3 };
        let bands: Vec<Band> = (0..=10).map(|s| ten.band(s)).collect();
        assert_eq!(bands, [Worst, Low, Low, Low, Middling, Middling, Middling, Middling, Good, Good, Good]);
        for scale in [five, ten, Scale { min: -2, max: 2, low: -2 }] {
            for score in scale.min..=scale.max {
                assert_eq!(scale.is_low(score), score <= scale.low, "{scale:?} {score}");
            }
        }
    }

    #[test]
    fn empty_config_is_the_default() {
        assert_eq!(parse(""), Ok(Guide::default()));
        assert_eq!(parse("acctsum: 1\n"), Ok(Guide::default()));
    }

    #[test]
    fn settings_are_read() {
        let g =
            parse("regions: [north, south]\nscale: {min: 0, max: 10}\nrules:\n  past-objective: off\n  stale: error\n")
                .expect("valid");
        assert_eq!(g.regions, ["north", "south"]);
        assert_eq!(g.scale, Scale { min: 0, max: 10, low: 1 });
        assert_eq!(g.severity(RuleId::PastObjective), None);
        assert_eq!(g.severity(RuleId::Stale), Some(Severity::Error));
        assert_eq!(g.severity(RuleId::Syntax), Some(Severity::Error));
    }

    #[test]
    fn every_problem_is_located() {
        let text = "acctsum: 1\nstale_after_dayz: 3\nscale: {min: 5, max: 1}\nrules:\n  syntax: off\n  past-objectiv: off\n  stale: loud\nregions: north\n";
        assert_eq!(
            parse(text),
            Err(vec![
                (RuleId::UnknownField, 2),
                (RuleId::InvalidValue, 3),
                (RuleId::InvalidValue, 5),
                (RuleId::UnknownField, 6),
                (RuleId::InvalidValue, 7),
                (RuleId::InvalidType, 8)
            ])
        );
    }

    #[test]
    fn measures_replace_the_defaults() {
        let g = parse(
            "measures:\n  strategy:\n    - key: growth\n    - {key: value_add, name: Extra value, guide: More}\n",
        )
        .expect("valid");
        assert_eq!(g.measures(Section::Strategy).len(), 2);
        assert_eq!(g.measures(Section::Strategy)[0].name, "Growth");
        assert_eq!(g.measures(Section::AccountStatus).len(), 6);
        assert_eq!(
            parse("measures:\n  strategy:\n    - key: Growth!\n    - name: x\n"),
            Err(vec![(RuleId::InvalidValue, 3), (RuleId::MissingField, 4)])
        );
    }
}
