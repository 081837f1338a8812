//! Issue 11 (hardening), the loader and writing part: one regression test per item.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{TODAY, acctsum, workspace};

const CLEAN: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("acctsum")
}

/// A command's standard error as one line, whatever the width it was wrapped to.
fn flat(stderr: &str) -> String {
    stderr.split_whitespace().filter(|w| *w != "│").collect::<Vec<_>>().join(" ")
}

#[test]
fn yaml_that_only_lenient_parsers_accept_is_a_located_syntax_error() {
    let files = [
        (
            "engagements/north/flow.yaml",
            CLEAN.replace("  tech: [Raj Patel, Li Wei]\n", "  tech: [Raj Patel,\n  Li Wei]\n"),
        ),
        (
            "engagements/north/tab.yaml",
            CLEAN.replace("  tech: [Raj Patel, Li Wei]\n", "  tech: [Raj Patel,\n\t Li Wei]\n"),
        ),
        ("engagements/north/quote.yaml", CLEAN.replace("  account: Jane Smith\n", "  account: \"Jane\n  Smith\"\n")),
    ];
    let ws = workspace("acctsum: 1\n", &files);
    let ran = acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "engagements/north/flow.yaml:9:3: error[syntax]: invalid YAML: invalid indentation\n\
         engagements/north/quote.yaml:8:3: error[syntax]: invalid YAML: invalid indentation in multiline quoted scalar\n\
         engagements/north/tab.yaml:9:1: error[syntax]: tabs can't indent YAML; use spaces (YAML parser: tabs disallowed within this context (block indentation))\n"
    );
    // acctsum.yaml goes through the same loader.
    let ws = workspace("acctsum: 1\nregions: [north,\nsouth]\n", &[("engagements/north/a.yaml", CLEAN)]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("acctsum.yaml:3:1"), "{}", ran.stderr);
    assert!(ran.stderr.contains("invalid YAML: invalid indentation"), "{}", ran.stderr);
}

#[test]
fn utf32_file_is_called_utf32_not_utf16() {
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    bytes.extend(CLEAN.chars().flat_map(|c| u32::from(c).to_le_bytes()));
    let ws = workspace::<&str, &str>("acctsum: 1\n", &[]);
    std::fs::create_dir_all(ws.path().join("engagements/north")).expect("mkdir");
    std::fs::write(ws.path().join("engagements/north/a.yaml"), &bytes).expect("write");
    let ran = acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(ran.stdout, "engagements/north/a.yaml:1:1: error[not-utf8]: file is UTF-32 text, not UTF-8\n");
}

#[test]
fn verbatim_core_tags_are_accepted_like_their_shorthand() {
    let short = CLEAN.replace("  delivery: {score: 4}", "  delivery: !!map {score: !!int 4}");
    let verbatim = CLEAN
        .replace("  delivery: {score: 4}", "  delivery: !<tag:yaml.org,2002:map> {score: !<tag:yaml.org,2002:int> 4}")
        .replace("next_steps:\n", "next_steps: !<tag:yaml.org,2002:seq>\n");
    assert_ne!(verbatim, CLEAN);
    let ws =
        workspace("acctsum: 1\n", &[("engagements/north/a.yaml", &short), ("engagements/south/b.yaml", &verbatim)]);
    let ran = acctsum(ws.path(), &["check", "--format", "short", "engagements/north/a.yaml"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""));
    let ran = acctsum(ws.path(), &["check", "--format", "short", "engagements/south/b.yaml"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""), "{}", ran.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn jobs_far_beyond_the_cores_are_capped_and_change_nothing() {
    // Under an address-space limit, a thread per file (16 MiB of stack each) cannot start:
    // 400 threads need 6 GiB; one per core fits well under 2 GiB.
    let ws = workspace::<&str, &str>("acctsum: 1\n", &[]);
    for i in 0..400 {
        let path = ws.path().join(format!("engagements/north/e{i:03}.yaml"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let text = CLEAN.replace("engagement: Acme Payments Platform", &format!("engagement: Engagement {i}"));
        std::fs::write(path, text).expect("write");
    }
    let run = |jobs: &str| {
        let script =
            format!("ulimit -v 2097152 && exec \"$0\" --today {TODAY} --color never check --format json -j {jobs}");
        Command::new("sh")
            .args(["-c", &script])
            .arg(binary())
            .current_dir(ws.path())
            .env("RUST_MIN_STACK", (16 << 20).to_string())
            .env("MALLOC_ARENA_MAX", "2")
            .env_remove("ACCTSUM_TODAY")
            .output()
            .expect("run")
    };
    let serial = run("1");
    let wide = run("65535");
    assert_eq!(serial.status.code(), Some(0), "{}", String::from_utf8_lossy(&serial.stderr));
    assert_eq!(wide.status.code(), Some(0), "{}", String::from_utf8_lossy(&wide.stderr));
    assert_eq!(String::from_utf8_lossy(&wide.stdout), String::from_utf8_lossy(&serial.stdout));
    assert!(String::from_utf8_lossy(&serial.stdout).contains("\"files\": 400,"));
}

#[test]
fn init_names_every_conflict_and_writes_nothing() {
    let ws = tempfile::tempdir().expect("tmp");
    std::fs::write(ws.path().join("schema"), "").expect("touch");
    std::fs::write(ws.path().join("engagements"), "").expect("touch");
    let first = acctsum(ws.path(), &["init"]);
    assert_eq!(first.code, 2);
    let said = flat(&first.stderr);
    assert!(
        said.contains(": schema is a file where a folder must be; engagements is a file where a folder must be"),
        "{said}"
    );
    let mut names: Vec<String> = std::fs::read_dir(ws.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["engagements", "schema"], "nothing was written");
    // The same refusal again, not a different one.
    let again = acctsum(ws.path(), &["init"]);
    assert_eq!((again.code, again.stderr), (2, first.stderr));
    std::fs::remove_file(ws.path().join("schema")).expect("rm");
    std::fs::remove_file(ws.path().join("engagements")).expect("rm");
    let ran = acctsum(ws.path(), &["init"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
}

#[test]
fn concurrent_new_with_the_same_name_cannot_both_succeed() {
    const PAIRS: usize = 8;
    let ws = workspace::<&str, &str>("acctsum: 1\n", &[]);
    let start = |name: &str, out: &str| {
        Command::new(binary())
            .args([
                "--today",
                TODAY,
                "new",
                name,
                "--client",
                "C",
                "--region",
                "north",
                "--account-lead",
                "P",
                "-o",
                out,
            ])
            .current_dir(ws.path())
            .env_remove("ACCTSUM_TODAY")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    // Every process starts before any is waited for.
    let running: Vec<_> = (0..PAIRS)
        .map(|i| {
            let name = format!("Race {i}");
            (
                start(&name, &format!("engagements/north/race-{i}-a.yaml")),
                start(&name, &format!("engagements/south/race-{i}-b.yaml")),
            )
        })
        .collect();
    for (i, (a, b)) in running.into_iter().enumerate() {
        let (a, b) = (a.wait_with_output().expect("wait"), b.wait_with_output().expect("wait"));
        let mut codes = [a.status.code(), b.status.code()];
        codes.sort();
        assert_eq!(
            codes,
            [Some(0), Some(2)],
            "pair {i}: {}\n{}",
            String::from_utf8_lossy(&a.stderr),
            String::from_utf8_lossy(&b.stderr)
        );
        let written = ["a", "b"]
            .iter()
            .filter(|s| {
                let region = if **s == "a" { "north" } else { "south" };
                ws.path().join(format!("engagements/{region}/race-{i}-{s}.yaml")).exists()
            })
            .count();
        assert_eq!(written, 1, "pair {i}");
    }
    assert!(!ws.path().join(".acctsum-new.lock").exists(), "the lock is released");
    let ran = acctsum(ws.path(), &["check", "--format", "short"]);
    assert!(!ran.stdout.contains("duplicate-engagement"), "{}", ran.stdout);
}

#[test]
fn a_stale_temporary_file_of_a_killed_write_is_removed_by_the_next_write() {
    let ws = workspace("acctsum: 1\n", &[("engagements/north/a.yaml", CLEAN)]);
    let out = ws.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    let killed = out.join(".acctsum-k1LLed.tmp");
    let busy = out.join(".acctsum-bUsy01.tmp");
    std::fs::write(&killed, "half a pack").expect("plant");
    std::fs::File::options()
        .write(true)
        .open(&killed)
        .expect("open")
        .set_modified(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
        .expect("mtime");
    // Just written: another writer's file, still at work.
    std::fs::write(&busy, "").expect("plant");
    let ran = acctsum(ws.path(), &["report", "--format", "markdown", "-o", "out/pack.md"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(!killed.exists(), "the killed writer's leftover is removed");
    assert!(busy.exists(), "a live writer's file is left alone");
    assert!(out.join("pack.md").is_file());
}

#[cfg(unix)]
#[test]
fn output_over_a_symbolic_link_is_refused() {
    let ws = workspace("acctsum: 1\n", &[("engagements/north/a.yaml", CLEAN)]);
    let target = ws.path().join("kept.txt");
    std::fs::write(&target, "kept\n").expect("write");
    std::os::unix::fs::symlink(&target, ws.path().join("link.md")).expect("symlink");
    std::os::unix::fs::symlink(ws.path().join("nowhere"), ws.path().join("dangling.yaml")).expect("symlink");
    let new = ["new", "Linked", "--client", "C", "--region", "north", "--account-lead", "P", "-o"];
    for args in [
        &["report", "-o", "link.md"][..],
        &["schema", "-o", "link.md"],
        &[&new[..], &["link.md"]].concat(),
        &[&new[..], &["dangling.yaml"]].concat(),
    ] {
        let ran = acctsum(ws.path(), args);
        assert_eq!(ran.code, 2, "{args:?}: {}", ran.stderr);
        let said = flat(&ran.stderr);
        assert!(said.contains("is a symbolic link; acctsum does not replace links"), "{args:?}: {said}");
        assert!(said.contains("give the path of the file the link points to"), "{args:?}: {said}");
    }
    assert!(ws.path().join("link.md").symlink_metadata().expect("link").file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "kept\n");
    assert!(!Path::new(&ws.path().join("nowhere")).exists());
}

#[test]
fn a_lock_left_by_a_killed_new_is_broken_with_a_note() {
    let ws = workspace::<&str, &str>("acctsum: 1\n", &[]);
    let lock = ws.path().join(".acctsum-new.lock");
    // No process has this id (Linux's limit is 2^22), and the file is years old.
    std::fs::write(&lock, "pid 4294967294 .acctsum-dead01.tmp\n").expect("plant");
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .expect("open")
        .set_modified(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
        .expect("mtime");
    let ran =
        acctsum(ws.path(), &["new", "After A Crash", "--client", "C", "--region", "north", "--account-lead", "P"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("note: removed .acctsum-new.lock, left by an `acctsum new` that did not finish (pid 4294967294)"),
        "{}",
        ran.stderr
    );
    assert!(!lock.exists());
}
