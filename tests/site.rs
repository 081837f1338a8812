//! `acctsum site` (issue 13): every page there, linked, self-contained, valid in shape,
//! escaped, deterministic; the folder built beside the target and swapped in whole, a
//! folder acctsum did not write refused. Golden pages for a small workspace with history:
//! regenerate with `ACCTSUM_BLESS=1 cargo test --test site` and review the diff.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{GitRepo, Ran, acctsum};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Builds the site of `ws` into `out` (`-q` aside, as given).
fn site(ws: &Path, out: &Path, extra: &[&str]) -> Ran {
    let out = out.to_string_lossy().into_owned();
    let mut args = vec!["site", "-o", &out];
    args.extend_from_slice(extra);
    acctsum(ws, &args)
}

/// Every file under `dir`, by its `/`-separated path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("inside").to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The HTML pages of a site, by path, as text.
fn pages(dir: &Path) -> BTreeMap<String, String> {
    files(dir)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("utf-8")))
        .collect()
}

/// The values of every `href` and `src` attribute of a page.
fn links(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (at, _) in page.match_indices(attr) {
            let rest = &page[at + attr.len()..];
            out.push(rest[..rest.find('"').expect("closed")].to_owned());
        }
    }
    out
}

/// A built site of the examples, kept while the test runs.
struct Built {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn built_examples() -> Built {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    let ran = site(&examples(), &dir, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    Built { _tmp: tmp, dir }
}

#[test]
fn every_page_of_the_examples_exists_and_every_link_resolves() {
    let built = built_examples();
    let all = files(&built.dir);
    for fixed in ["index.html", "people.html", "guide.html", "assets/site.css", "assets/site.js", ".acctsum-site"] {
        assert!(all.contains_key(fixed), "{fixed} is missing");
    }
    let yaml = files(&examples().join("engagements")).len();
    assert_eq!(all.keys().filter(|p| p.starts_with("e/")).count(), yaml, "a page per engagement");
    for region in ["north", "south", "scotland"] {
        assert!(all.contains_key(&format!("r/{region}.html")), "region {region}");
    }
    assert!(all.keys().filter(|p| p.starts_with("c/")).count() >= 10, "a page per client");
    let mut checked = 0;
    for (path, page) in pages(&built.dir) {
        let folder = Path::new(&path).parent().map(Path::to_path_buf).unwrap_or_default();
        for link in links(&page) {
            let target = link.split('#').next().unwrap_or_default();
            if target.is_empty() {
                continue;
            }
            let resolved = built.dir.join(&folder).join(target);
            assert!(resolved.is_file(), "{path}: {link} leads nowhere");
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn the_north_region_page_shows_the_six_north_engagements() {
    let built = built_examples();
    let north = std::fs::read_to_string(built.dir.join("r/north.html")).expect("north");
    let mut linked: Vec<String> =
        links(&north).into_iter().filter(|l| l.starts_with("../e/")).map(|l| l[5..].to_owned()).collect();
    linked.sort();
    linked.dedup();
    assert_eq!(linked.len(), 6, "{linked:?}");
    let names: Vec<String> = files(&examples().join("engagements/north"))
        .values()
        .map(|b| {
            let text = String::from_utf8_lossy(b).into_owned();
            let line = text.lines().find(|l| l.starts_with("engagement:")).expect("name").to_owned();
            line["engagement:".len()..].trim().replace('&', "&amp;")
        })
        .collect();
    for name in names {
        assert!(north.contains(&format!(">{name}<")) || north.contains(&format!("<strong>{name}</strong>")), "{name}");
    }
}

/// Asserts two sites hold the same files, byte for byte.
fn same_files(a: &Path, b: &Path) {
    let (fa, fb) = (files(a), files(b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (path, bytes) in &fa {
        assert!(fb[path] == *bytes, "{path} differs between two builds");
    }
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(site(&examples(), &a, &["-q"]).code, 0);
    assert_eq!(site(&examples(), &b, &["-q"]).code, 0);
    same_files(&a, &b);
    let repo = history();
    assert_eq!(site(repo.path(), &a, &["--since", "2026-10-15", "-q"]).code, 0);
    assert_eq!(site(repo.path(), &b, &["--since", "2026-10-15", "-q"]).code, 0);
    same_files(&a, &b);
}

#[test]
fn a_rebuild_replaces_its_own_site_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    assert_eq!(site(&examples(), &dir, &[]).code, 0);
    let first = files(&dir);
    std::fs::write(dir.join("e/stray.html"), "left over").expect("stray");
    let ran = site(&examples(), &dir, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.starts_with("wrote "), "{}", ran.stderr);
    assert_eq!(files(&dir), first, "the new site replaces the old one whole");
    let beside: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("ls")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["site"], "no temporary folder is left beside it");
}

#[test]
fn a_folder_that_site_did_not_write_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("docs");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "mine").expect("file");
    let ran = site(&examples(), &dir, &[]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("acctsum site did not write"), "{}", ran.stderr);
    assert_eq!(files(&dir).into_keys().collect::<Vec<_>>(), ["notes.txt"]);
    assert_eq!(std::fs::read_dir(tmp.path()).expect("ls").count(), 1, "nothing written beside it");
    // An empty folder is taken.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    assert_eq!(site(&examples(), &empty, &["-q"]).code, 0);
    assert!(empty.join("index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_or_a_file_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let real = tmp.path().join("real");
    assert_eq!(site(&examples(), &real, &["-q"]).code, 0);
    let before = files(&real);
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let ran = site(&examples(), &link, &[]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("symbolic link"), "{}", ran.stderr);
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(files(&real), before);
    let file = tmp.path().join("file.html");
    std::fs::write(&file, "x").expect("file");
    let ran = site(&examples(), &file, &[]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("is a file"), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "x");
}

#[test]
fn nothing_is_requested_from_outside_the_site() {
    let built = built_examples();
    for (path, page) in pages(&built.dir) {
        for link in links(&page) {
            let lower = link.to_ascii_lowercase();
            assert!(
                !lower.starts_with("http:") && !lower.starts_with("https:") && !lower.starts_with("//"),
                "{path}: {link}"
            );
            assert!(!lower.contains(':'), "{path}: a scheme in {link}");
        }
        assert!(!page.contains("<iframe") && !page.contains("<img"), "{path}");
    }
    let css = std::fs::read_to_string(built.dir.join("assets/site.css")).expect("css");
    assert!(!css.contains("url(") && !css.contains("@import"), "the stylesheet loads nothing");
    let js = std::fs::read_to_string(built.dir.join("assets/site.js")).expect("js");
    for banned in ["fetch(", "XMLHttpRequest", "import ", "import(", "Worker(", "http://", "https://"] {
        assert!(!js.contains(banned), "the script uses {banned}");
    }
}

#[test]
fn every_page_is_a_whole_document_with_landmarks_one_h1_and_noindex() {
    let built = built_examples();
    for (path, page) in pages(&built.dir) {
        assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"), "{path}");
        for needed in [
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\"",
            "<meta name=\"robots\" content=\"noindex\">",
            "<title>",
            "<a class=\"skip\" href=\"#main\">",
            "<header",
            "<nav",
            "<main id=\"main\"",
            "<footer",
            "As of 2026-11-20.",
            "Built for the <strong>company</strong> audience.",
        ] {
            assert!(page.contains(needed), "{path} lacks {needed}");
        }
        assert_eq!(page.matches("<h1").count(), 1, "{path}: one h1");
        // Headings in order: none skips a level on the way down.
        let mut last = 1;
        for (at, _) in page.match_indices("<h") {
            let Some(level) = page[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else { continue };
            assert!(level <= last + 1, "{path}: h{level} after h{last}");
            last = level;
        }
        // Every table has a caption and its header cells a scope.
        assert_eq!(page.matches("<table").count(), page.matches("<caption>").count(), "{path}: a caption per table");
        assert_eq!(page.matches("<th>").count(), 0, "{path}: every th has a scope");
    }
}

#[test]
fn the_index_table_keeps_the_contract_the_browser_tests_rely_on() {
    let built = built_examples();
    let index = std::fs::read_to_string(built.dir.join("index.html")).expect("index");
    for needed in [
        "<table id=\"engagements\" data-sortable>",
        "<form class=\"controls\" data-controls=\"engagements\"",
        "<input type=\"search\" id=\"q-engagements\" name=\"q\"",
        "<input type=\"checkbox\" data-facet=\"status\" value=\"red\" checked>",
        "<input type=\"checkbox\" data-facet=\"region\" value=\"north\" checked>",
        "<output data-count",
        "<button type=\"button\" data-clear>",
        "<th scope=\"col\" data-key=\"name\"><button type=\"button\">",
        "data-key=\"status\" data-type=\"number\"",
        "data-status=\"red\" data-region=\"north\"",
    ] {
        assert!(index.contains(needed), "index.html lacks {needed}");
    }
    // The search text is folded: lower case, accents removed.
    let people = std::fs::read_to_string(built.dir.join("people.html")).expect("people");
    assert!(people.contains("<table id=\"people\" data-sortable>"));
    assert!(people.contains("data-search=\"maria joao alves"), "accents folded in the search text");
}

/// An engagement file with `name`, `client`, `headline` and an account lead `lead`.
fn hostile(name: &str, client: &str, headline: &str, lead: &str) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    format!(
        "acctsum: 1\nengagement: {}\nclient: {}\nregion: north\nleads:\n  account: {}\nupdated: 2026-11-19\nstatus: red\nheadline: {}\nnext_steps: [\"<b>step</b>\"]\nrisks:\n  - title: \"<script>alert(2)</script>\"\n    type: risk\n    score: 1\n    mitigation: \"javascript:alert(3)\"\n    owner: \"\\\"><svg onload=alert(4)>\"\n",
        q(name),
        q(client),
        q(lead),
        q(headline)
    )
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let huge = format!("<script>{}</script>", "x".repeat(1_000_000));
    let ws = common::workspace(
        "regions: [north]\n",
        &[
            (
                "engagements/north/a.yaml",
                hostile("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "ok", "Siobhán \u{202e}evil"),
            ),
            ("engagements/north/b.yaml", hostile("!!!", "Acme", &huge, "\u{200b}")),
            ("engagements/north/c.yaml", hostile("Script: alert 1, script", "Acme", "javascript:alert(1)", "Ann")),
        ],
    );
    let out = ws.path().join("out");
    let ran = site(ws.path(), &out, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let all = pages(&out);
    let engagements: Vec<&String> = all.keys().filter(|p| p.starts_with("e/")).collect();
    assert_eq!(engagements, ["e/engagement-2.html", "e/script-alert-1-script-2.html", "e/script-alert-1-script.html"]);
    assert!(
        all["e/script-alert-1-script.html"].contains("<h1>&lt;script&gt;"),
        "the first in path order keeps the plain slug"
    );
    for (path, page) in &all {
        for raw in ["<script>", "<img", "<svg onload", "<b>", "\u{202e}"] {
            assert!(!page.contains(raw), "{path} holds {raw:?} unescaped");
        }
        for link in links(page) {
            assert!(!link.contains("javascript"), "{path}: {link}");
        }
        assert!(page.contains("\\u{202e}") || !page.contains("evil"), "{path}: the bidi mark shown escaped");
    }
    assert!(all["index.html"].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(all["e/engagement-2.html"].contains(&"x".repeat(1_000_000)), "the whole headline, escaped");
}

#[test]
fn a_workspace_outside_git_gets_a_site_without_trends() {
    let ws = common::workspace(
        "regions: [north]\n",
        &[("engagements/north/a.yaml", hostile("Alpha", "Acme", "fine", "Ann"))],
    );
    let out = ws.path().join("out");
    assert_eq!(site(ws.path(), &out, &["-q"]).code, 0);
    let page = std::fs::read_to_string(out.join("e/alpha.html")).expect("page");
    assert!(page.contains("No trend: the workspace is not in a git repository."));
    assert!(page.contains("Built for everyone"), "no audiences: everything shown");
}

#[test]
fn an_unknown_audience_or_region_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let ran = site(&examples(), &out, &["--audience", "compnay"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did you mean `company`?"), "{}", ran.stderr);
    let ran = site(&examples(), &out, &["--region", "narth"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert_eq!(std::fs::read_dir(tmp.path()).expect("ls").count(), 0);
}

#[test]
fn one_region_builds_only_its_engagements() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    assert_eq!(site(&examples(), &out, &["--region", "north", "-q"]).code, 0);
    let all = files(&out);
    assert_eq!(all.keys().filter(|p| p.starts_with("e/")).count(), 6);
    assert_eq!(all.keys().filter(|p| p.starts_with("r/")).collect::<Vec<_>>(), ["r/north.html", "r/north.ics"]);
}

/// A small workspace with a history: two engagements, three commits.
fn history() -> GitRepo {
    let base = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
    let repo = GitRepo::new("acctsum: 1\nregions: [north, south]\n");
    repo.write("engagements/north/acme-payments.yaml", base);
    repo.commit("2026-09-01", "start");
    repo.edit("engagements/north/acme-payments.yaml", "status: ", "status: red\nx-was: ");
    repo.commit("2026-10-01", "red");
    let harbour = include_str!("golden/workspace/engagements/north/harbour-freight.yaml");
    repo.write("engagements/south/harbour.yaml", &harbour.replace("region: north", "region: south"));
    repo.commit("2026-11-01", "harbour");
    repo
}

#[test]
fn golden_pages_of_a_small_workspace_with_history() {
    let repo = history();
    let out = repo.path().join("public");
    let ran = site(repo.path(), &out, &["--since", "2026-10-15", "-q"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/site");
    let all = pages(&out);
    let engagement = all.keys().find(|p| p.starts_with("e/acme")).expect("acme page").clone();
    // One element a line, so that a change to a page reads as a short diff.
    let golden = |name: &str, page: &str| common::golden(&dir.join(name), &repo.mask(page).replace("><", ">\n<"));
    golden("index.html", &all["index.html"]);
    golden("engagement.html", &all[&engagement]);
    golden("region-north.html", &all["r/north.html"]);
}

#[test]
fn a_build_that_fails_leaves_the_old_site_as_it_was() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    assert_eq!(site(&examples(), &dir, &["-q"]).code, 0);
    let before = files(&dir);
    let ran = site(&examples(), &dir, &["--since", "no-such-revision"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert_eq!(files(&dir), before, "the old site is untouched");
    assert_eq!(std::fs::read_dir(tmp.path()).expect("ls").count(), 1, "the half-built site is removed");
}

#[test]
fn the_engagement_page_lists_what_an_acknowledgement_covers_and_the_index_counts_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    let ran = site(&examples(), &dir, &["--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("e/harbour-finch-store-operations-tooling.html")).expect("page");
    let row = page.split("Findings covered").nth(1).unwrap_or_default();
    assert!(row.contains("<td>The margin recovery is on the agenda"), "{page}");
    assert!(row.contains("<li>Commercials scores 2, which is low, but has no action</li>"), "{page}");
    let index = std::fs::read_to_string(dir.join("index.html")).expect("index");
    assert!(
        index.contains("<dt>acknowledged</dt>\n<dd>1</dd>") || index.contains("<dt>acknowledged</dt><dd>1</dd>"),
        "{index}"
    );
}
