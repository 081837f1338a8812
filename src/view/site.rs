//! The company-wide site as plain data: the [pack](Pack) of every engagement, plus what
//! only a site needs — a file name (slug) for every engagement, region and client page,
//! the text each table row is searched by, the client roll-ups and who leads what.
//!
//! Slugs come from names (engagement, region, client: values no audience can hide), are
//! ASCII, unique within their folder (a clash gets `-2`, `-3`… in path order), and never
//! empty (a name with nothing to spell becomes `engagement-N`, `region-N`, `client-N`).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::client::{self, Client};
use super::pack::Pack;
use crate::model::Role;
use crate::name_key::name_key;
use crate::slug::slug;

/// One engagement's page and row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Its file name in `e/`, without `.html`.
    pub slug: String,
    /// Its row's search text: name, client, region, status and every lead, folded.
    pub search: String,
    /// Its region's position in [`Site::regions`], when it has a region.
    pub region: Option<usize>,
    /// Its client's position in [`Site::clients`].
    pub client: usize,
}

/// A region's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region<'a> {
    /// The region as the engagements write it (the first in path order, trimmed).
    pub name: &'a str,
    /// Its file name in `r/`, without `.html`.
    pub slug: String,
    /// How many engagements it has.
    pub engagements: usize,
}

/// A client's page: the Relationship Lead's roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientPage<'a> {
    /// Its file name in `c/`, without `.html`.
    pub slug: String,
    /// The roll-up.
    pub client: Client<'a>,
    /// The positions in [`Pack::entries`] of its engagements, in the roll-up's order.
    pub entries: Vec<usize>,
}

/// One person's roles on one engagement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lead<'a> {
    /// The person, as the file writes the name (trimmed).
    pub name: &'a str,
    /// The position of the engagement in [`Pack::entries`].
    pub entry: usize,
    /// The roles the person holds on it, in [`Role::ALL`] order.
    pub roles: Vec<Role>,
    /// The row's search text: the person, the roles, the engagement, client, region and
    /// status, folded.
    pub search: String,
}

/// The site, ready to draw.
#[derive(Clone, Debug)]
pub struct Site<'a> {
    /// Every engagement, as the review pack shows it.
    pub pack: Pack<'a>,
    /// The audience the site is built for; `None` when none is declared (nothing is
    /// hidden).
    pub audience: Option<&'a str>,
    /// The page of each of [`Pack::entries`], in the same order.
    pub links: Vec<Link>,
    /// The regions, by name (case-insensitively).
    pub regions: Vec<Region<'a>>,
    /// The clients, by name.
    pub clients: Vec<ClientPage<'a>>,
    /// Who leads what: one row per person and engagement, by person, then in the pack's
    /// order.
    pub people: Vec<Lead<'a>>,
    /// The position in [`Pack::entries`] of each engagement, by file.
    by_path: HashMap<&'a str, usize>,
}

/// Unique slugs for `names`, given in the order that decides who gets the plain one;
/// `fallback` names those that spell nothing (`engagement` → `engagement-3`, counting
/// from 1 in that order).
fn unique_slugs<'n>(names: impl Iterator<Item = &'n str>, fallback: &str) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (n, name) in names.enumerate() {
        let mut base = slug(name);
        if base.is_empty() {
            base = format!("{fallback}-{}", n + 1);
        }
        let mut candidate = base.clone();
        let mut k = 2;
        while used.contains(&candidate) {
            candidate = format!("{base}-{k}");
            k += 1;
        }
        used.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// The key two spellings of one region share.
fn region_key(region: &str) -> String {
    region.trim().to_lowercase()
}

impl<'a> Site<'a> {
    /// The site of a pack, built for `audience`.
    #[must_use]
    pub fn of(pack: Pack<'a>, audience: Option<&'a str>) -> Self {
        let entries = &pack.entries;
        // Slugs are handed out in path order, so that adding an engagement elsewhere does
        // not rename a page.
        let mut by_path: Vec<usize> = (0..entries.len()).collect();
        by_path.sort_by_key(|&i| entries[i].path);
        let slugs = unique_slugs(by_path.iter().map(|&i| entries[i].name), "engagement");
        let mut slug_of = vec![String::new(); entries.len()];
        for (&i, s) in by_path.iter().zip(slugs) {
            slug_of[i] = s;
        }
        let mut links: Vec<Link> = entries
            .iter()
            .zip(slug_of)
            .map(|(e, slug)| {
                let mut words =
                    vec![e.name, e.client.value().unwrap_or_default(), e.region.value().unwrap_or_default()];
                words.push(e.status.as_str());
                for (_, names) in e.leads.by_role() {
                    words.extend(names);
                }
                Link { slug, search: name_key(&words.join(" ")), region: None, client: 0 }
            })
            .collect();

        let mut regions: BTreeMap<String, (&'a str, usize, &'a str)> = BTreeMap::new();
        for &i in &by_path {
            let e = &entries[i];
            let Some(name) = e.region.value().map(str::trim) else { continue };
            regions.entry(region_key(name)).or_insert((name, 0, e.path)).1 += 1;
        }
        let region_slugs = unique_slugs(regions.values().map(|r| r.0), "region");
        let position: BTreeMap<&String, usize> = regions.keys().enumerate().map(|(n, k)| (k, n)).collect();
        for (link, e) in links.iter_mut().zip(entries) {
            link.region = e.region.value().and_then(|r| position.get(&region_key(r)).copied());
        }
        let regions = regions
            .into_values()
            .zip(region_slugs)
            .map(|((name, engagements, _), slug)| Region { name, slug, engagements })
            .collect();

        // The roll-ups group by the trimmed client name, in the pack's order, as
        // `client::clients` does.
        let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            members.entry(e.client.value().unwrap_or_default().trim()).or_default().push(i);
        }
        let rollups = client::clients(entries);
        let client_slugs = unique_slugs(rollups.iter().map(|c| c.name), "client");
        let clients: Vec<ClientPage<'a>> = rollups
            .into_iter()
            .zip(client_slugs)
            .zip(members.into_values())
            .map(|((client, slug), entries)| ClientPage { slug, client, entries })
            .collect();
        for (n, page) in clients.iter().enumerate() {
            for &i in &page.entries {
                links[i].client = n;
            }
        }

        let mut people: Vec<Lead<'a>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut held: BTreeMap<&'a str, Vec<Role>> = BTreeMap::new();
            for (role, names) in e.leads.by_role() {
                for name in names.into_iter().map(str::trim).filter(|n| !n.is_empty()) {
                    held.entry(name).or_default().push(role);
                }
            }
            for (name, roles) in held {
                let mut words: Vec<&str> = vec![name];
                words.extend(roles.iter().map(|r| r.words()));
                words.extend([e.name, e.client.value().unwrap_or_default(), e.region.value().unwrap_or_default()]);
                words.push(e.status.as_str());
                people.push(Lead { name, entry: i, roles, search: name_key(&words.join(" ")) });
            }
        }
        people.sort_by_cached_key(|l| (name_key(l.name), l.name, l.entry));

        let by_path = pack.entries.iter().enumerate().map(|(i, e)| (e.path, i)).collect();
        Self { pack, audience, links, regions, clients, people, by_path }
    }

    /// The page of the engagement in the file `path` (any pack of the same report has the
    /// same files).
    #[must_use]
    pub fn link(&self, path: &str) -> Option<&Link> {
        self.by_path.get(path).and_then(|&i| self.links.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_in_order_and_never_empty() {
        let names = ["Acme Rollout", "acme rollout", "!!!", "Acme-Rollout", "\u{200b}", "engagement 3"];
        assert_eq!(
            unique_slugs(names.into_iter(), "engagement"),
            ["acme-rollout", "acme-rollout-2", "engagement-3", "acme-rollout-3", "engagement-5", "engagement-3-2"]
        );
    }
}
