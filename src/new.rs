//! `acctsum new`: the answers (from flags, or asked at a terminal), the file's path, and
//! the values checked before anything is written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::guide::{DEFAULT_GLOB, Guide};
use crate::model::Engagement;
use crate::name_key::{client_key, name_key, spellings};
use crate::options::NewOptions;
use crate::scaffold::NewEngagement;
use crate::workspace::{self, Workspace};
use crate::{prompt, slug, suggest};

/// A trimmed, non-empty value, or `None`.
pub(crate) fn given(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The configured spelling of `region`, or a usage error naming the choices.
pub(crate) fn configured_region(region: &str, guide: &Guide) -> Result<String> {
    if guide.regions.is_empty() {
        return Ok(region.to_owned());
    }
    if let Some(found) = guide.regions.iter().find(|r| r.eq_ignore_ascii_case(region)) {
        return Ok(found.clone());
    }
    let names: Vec<&str> = guide.regions.iter().map(String::as_str).collect();
    Err(Error::usage(
        format!("region `{region}` is not one of the configured regions ({})", names.join(", ")),
        Some(&suggest::help_for(region, &names)),
    ))
}

/// What the workspace already holds of a client: how its engagements spell it, and the
/// Relationship Leads they name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct KnownClient<'a> {
    /// The spelling most used (on a tie, the one of the earliest path).
    pub spelling: &'a str,
    /// The files that spell it so, in path order.
    pub files: Vec<&'a str>,
    /// Each Relationship Lead its engagements name (one per name key, as first written),
    /// with the files that name them.
    pub relationship_leads: Vec<(&'a str, Vec<&'a str>)>,
}

/// The client `client` is among `engagements`, when one spells the same client (see
/// [`client_key`]: case, accents, punctuation and a legal suffix aside).
pub(crate) fn known_client<'a>(client: &str, engagements: &[&'a Engagement]) -> Option<KnownClient<'a>> {
    let key = client_key(client);
    if key.is_empty() {
        return None;
    }
    let mut same: Vec<&'a Engagement> =
        engagements.iter().copied().filter(|e| e.client.str().is_some_and(|c| client_key(c) == key)).collect();
    same.sort_by(|a, b| a.path.cmp(&b.path));
    let (spelling, files) =
        spellings(same.iter().map(|&e| (e.client.str().unwrap_or_default(), &*e.path))).into_iter().next()?;
    let mut leads: Vec<(String, &'a str, Vec<&'a str>)> = Vec::new();
    for &eng in &same {
        let Some(lead) = eng.leads.relationship.str().map(str::trim).filter(|l| !l.is_empty()) else { continue };
        let lead_key = name_key(lead);
        match leads.iter_mut().find(|(k, _, _)| *k == lead_key) {
            Some((_, _, paths)) => paths.push(&eng.path),
            None => leads.push((lead_key, lead, vec![&eng.path])),
        }
    }
    let relationship_leads = leads.into_iter().map(|(_, lead, paths)| (lead, paths)).collect();
    Some(KnownClient { spelling, files, relationship_leads })
}

/// How many files a note or comment names before "and N more".
const NAMED_FILES: usize = 3;

/// `paths`, the first [`NAMED_FILES`] of them, then how many more.
fn some_of(paths: &[&str]) -> String {
    match paths.len() {
        n if n > NAMED_FILES => format!("{} and {} more", paths[..NAMED_FILES].join(", "), n - NAMED_FILES),
        _ => paths.join(", "),
    }
}

/// A client given on the command line that `new` wrote as the workspace spells it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Respelt {
    /// As given.
    pub given: String,
    /// As the workspace spells it.
    pub used: String,
    /// The files that spell it so (the first few, then how many more).
    pub files: String,
}

/// Settles the client of `new` against the workspace's `engagements`: a client already
/// there is spelt as there (asked at a terminal when it was typed there; otherwise said
/// so in the returned [`Respelt`]), and its Relationship Lead filled in when its
/// engagements agree on one, or its candidates named when they do not.
fn settle_client(new: &mut NewEngagement, engagements: &[&Engagement], ask: bool) -> Result<Option<Respelt>> {
    let Some(known) = known_client(&new.client, engagements) else { return Ok(None) };
    let mut respelt = None;
    if known.spelling != new.client {
        let keep_mine = ask && {
            let question =
                format!("This client is spelt \"{}\" in {}; which spelling", known.spelling, some_of(&known.files));
            prompt::choose(&question, &[known.spelling.to_owned(), new.client.clone()])? != known.spelling
        };
        if keep_mine {
            return Ok(None);
        }
        if !ask {
            respelt = Some(Respelt {
                given: new.client.clone(),
                used: known.spelling.to_owned(),
                files: some_of(&known.files),
            });
        }
        known.spelling.clone_into(&mut new.client);
    }
    match known.relationship_leads.as_slice() {
        [] => {}
        [(lead, _)] => new.relationship_lead = Some((*lead).to_owned()),
        many => {
            new.relationship_candidates =
                many.iter().map(|(lead, paths)| format!("{lead} ({})", some_of(paths))).collect();
        }
    }
    Ok(respelt)
}

/// The answers for `new`: from the flags, else asked for at a terminal. A client that
/// `engagements` already hold is settled against them (see [`settle_client`]).
pub(crate) fn answers(
    args: &NewOptions,
    guide: &Guide,
    interactive: bool,
    engagements: &[&Engagement],
) -> Result<(NewEngagement, Option<Respelt>)> {
    let fields = [
        (given(args.name.as_deref()), "NAME", "Engagement name"),
        (given(args.client.as_deref()), "--client", "Client"),
        (given(args.region.as_deref()), "--region", "Region"),
        (given(args.account_lead.as_deref()), "--account-lead", "Account Lead"),
    ];
    let missing: Vec<&str> = fields.iter().filter(|(v, _, _)| v.is_none()).map(|(_, flag, _)| *flag).collect();
    if !missing.is_empty() && !interactive {
        return Err(Error::usage(
            format!("missing {} (standard input is not a terminal, so acctsum cannot ask)", missing.join(", ")),
            Some("acctsum new NAME --client CLIENT --region REGION --account-lead PERSON"),
        ));
    }
    let mut values = Vec::with_capacity(4);
    for (value, flag, question) in fields {
        let answer = match value {
            Some(v) => v,
            None if flag == "--region" && !guide.regions.is_empty() => prompt::choose(question, &guide.regions)?,
            None => prompt::text(question)?,
        };
        values.push(answer);
    }
    let [name, client, region, account_lead] = <[String; 4]>::try_from(values).unwrap_or_default();
    let clean = |list: &[String]| list.iter().filter_map(|p| given(Some(p))).collect();
    let mut new = NewEngagement {
        name,
        client,
        region: configured_region(&region, guide)?,
        account_lead,
        tech_leads: clean(&args.tech_leads),
        delivery_leads: clean(&args.delivery_leads),
        ..NewEngagement::default()
    };
    // Asked only when the client was typed at the terminal: a flag is never second-guessed
    // by a question, so scripts run the same at a terminal.
    let typed_here = interactive && given(args.client.as_deref()).is_none();
    let respelt = settle_client(&mut new, engagements, typed_here)?;
    Ok((new, respelt))
}

/// Where `new` writes by default: `<glob prefix>/<region>/<name>.yaml`, or without the
/// region folder when the globs would not find it there.
pub(crate) fn path(ws: &Workspace, new: &NewEngagement) -> Result<PathBuf> {
    let name = slug::slug(&new.name);
    if name.is_empty() {
        return Err(Error::usage(
            format!("cannot make a file name from `{}`", new.name),
            Some("give the file's path with -o FILE"),
        ));
    }
    let glob = ws.guide.engagements.first().map_or(DEFAULT_GLOB, String::as_str);
    let ext = if glob.ends_with(".yml") { "yml" } else { "yaml" };
    let prefix = workspace::literal_prefix(glob);
    let region = slug::slug(&new.region);
    let globs = ws.globs();
    let candidates = [prefix.join(&region).join(format!("{name}.{ext}")), prefix.join(format!("{name}.{ext}"))];
    let chosen =
        candidates.iter().find(|c| workspace::glob_matches(&globs, &workspace::slashed(c))).unwrap_or(&candidates[0]);
    Ok(ws.root.join(chosen))
}

/// The lock file that makes `new`'s look-up of the names in use and its write one step.
pub(crate) const LOCK_FILE: &str = ".acctsum-new.lock";
/// How long `new` waits for another `new` in the same workspace to finish.
const LOCK_WAIT: Duration = Duration::from_secs(60);
/// A lock file whose writer cannot be asked whether it still runs is broken after this long
/// (a `new` holds it for the time it takes to read the workspace's files).
const LOCK_STALE_AFTER: Duration = Duration::from_secs(30);

/// Held while `new` reads the names in use and writes its file, so that two `new` with the
/// same name cannot both find it free. Removed when dropped.
#[derive(Debug)]
pub(crate) struct Lock {
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Takes the workspace's `new` lock, waiting while another `new` holds it. A lock left by
/// a `new` that was killed (its process is gone, or where that cannot be told, it is older
/// than [`LOCK_STALE_AFTER`]) is broken; then its holder (`pid 123`) is returned too.
pub(crate) fn lock(root: &Path) -> Result<(Lock, Option<String>)> {
    let path = root.join(LOCK_FILE);
    let fail = |source| Error::Write { path: path.clone(), source };
    // The lock appears whole, content and all: written aside, then linked into place
    // unless a lock is there already. Its name makes each lock's content unique.
    let mut tmp = crate::output::temp_builder().tempfile_in(root).map_err(fail)?;
    let token = tmp.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    writeln!(tmp, "pid {} {token}", std::process::id()).map_err(fail)?;
    let deadline = Instant::now() + LOCK_WAIT;
    let mut note = None;
    loop {
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok((Lock { path }, note)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(fail(e.error)),
        }
        if let Some(held) = stale(&path)
            && break_lock(root, &path, &held)
        {
            note = Some(held.split_whitespace().take(2).collect::<Vec<_>>().join(" "));
            continue;
        }
        if Instant::now() >= deadline {
            return Err(Error::usage(
                format!("another `acctsum new` has held {} for over {} s", path.display(), LOCK_WAIT.as_secs()),
                Some("wait for it to finish; if none is running, remove that file"),
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The content of the lock at `path` when its writer is gone.
fn stale(path: &Path) -> Option<String> {
    let held = std::fs::read_to_string(path).ok()?;
    let pid = held.strip_prefix("pid ").and_then(|p| p.split_whitespace().next()?.parse::<u32>().ok());
    let procfs = Path::new("/proc/self").is_dir();
    let gone = match pid {
        Some(pid) if procfs => !Path::new("/proc").join(pid.to_string()).exists(),
        _ => {
            let age = std::fs::metadata(path).ok()?.modified().ok()?.elapsed().ok()?;
            age > LOCK_STALE_AFTER
        }
    };
    gone.then_some(held)
}

/// Removes the stale lock that held `held`, unless another `new` replaced it meanwhile:
/// the lock is first moved aside (one process wins the move), and put back if it is not the
/// one found stale. Returns whether a stale lock was removed.
fn break_lock(root: &Path, path: &Path, held: &str) -> bool {
    let aside = root.join(format!("{LOCK_FILE}.{}", std::process::id()));
    if std::fs::rename(path, &aside).is_err() {
        return false;
    }
    if std::fs::read_to_string(&aside).is_ok_and(|now| now == held) {
        let _ = std::fs::remove_file(&aside);
        return true;
    }
    // A live lock, taken since it was found stale: put it back, never over a newer one.
    // (Should a third `new` take the lock in this moment, two would hold it; that needs a
    // killed `new` and three starting within microseconds of each other.)
    match std::fs::hard_link(&aside, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            let _ = std::fs::rename(&aside, path);
        }
        _ => {}
    }
    let _ = std::fs::remove_file(&aside);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_lock_is_not_stale_and_a_dead_one_is() {
        let tmp = tempfile::tempdir().expect("tmp");
        let (held, note) = lock(tmp.path()).expect("lock");
        assert!(note.is_none());
        let path = tmp.path().join(LOCK_FILE);
        assert!(std::fs::read_to_string(&path).expect("read").starts_with(&format!("pid {} ", std::process::id())));
        assert!(stale(&path).is_none(), "this process holds it");
        // The holder's content changed (another took the lock): it is put back, not removed.
        assert!(!break_lock(tmp.path(), &path, "pid 1 other\n"));
        assert!(path.is_file());
        drop(held);
        assert!(!path.exists(), "released on drop");
        let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        std::fs::write(&path, "pid 4294967294 x\n").expect("plant");
        std::fs::File::options().write(true).open(&path).expect("open").set_modified(old).expect("mtime");
        assert_eq!(stale(&path).as_deref(), Some("pid 4294967294 x\n"));
        assert!(break_lock(tmp.path(), &path, "pid 4294967294 x\n"));
        assert!(!path.exists());
        let names: Vec<_> = std::fs::read_dir(tmp.path()).expect("dir").collect();
        assert!(names.is_empty(), "nothing left aside");
    }
}
