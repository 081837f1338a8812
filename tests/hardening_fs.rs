//! Issue 11, the file-system part: symbolic links, files that are not regular files,
//! folders and files that cannot be read, and file names that are not text. Each test
//! guards one item of the issue with real links, pipes, permissions and byte names.
#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::workspace;

const CLEAN: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
/// What a link's target holds; it must never reach any output.
const MARKER: &str = "SECRET-MARKER-7f3a9c";
const CHECK_FORMATS: [&str; 5] = ["human", "short", "json", "github", "sarif"];
const REPORT_FORMATS: [&str; 4] = ["table", "markdown", "json", "csv"];
/// Long enough for a slow machine, short enough that a hang fails the test.
const PATIENCE: Duration = Duration::from_secs(30);

/// The real binary, run from `dir` with a fixed date, the marker in its environment
/// (for `/proc/self/environ`), and a timeout so that a hang fails instead of hanging.
fn acctsum(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(dir)
        .env_remove("ACCTSUM_TODAY")
        .env("NO_COLOR", "1")
        .env("ACCTSUM_TEST_SECRET", MARKER)
        .timeout(PATIENCE)
        .args(["--today", common::TODAY]);
    cmd
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A file outside every workspace whose content would show in findings if it were read.
fn secret() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("id_ed25519");
    std::fs::write(&path, format!("acctsum: {MARKER}\nkey: {MARKER}\n")).expect("secret");
    (dir, path)
}

/// Neither the target's content nor where it is appear in `out`.
fn assert_nothing_of(out: &Output, target: &Path, what: &str) {
    let all = text(out);
    assert!(!all.contains(MARKER), "{what}: the link's target reached the output:\n{all}");
    let target = target.to_string_lossy();
    assert!(!all.contains(&*target), "{what}: the link's target path reached the output:\n{all}");
}

fn with_config_link(target: &Path) -> tempfile::TempDir {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    std::fs::remove_file(ws.path().join("acctsum.yaml")).expect("rm");
    symlink(target, ws.path().join("acctsum.yaml")).expect("ln -s");
    ws
}

#[test]
fn symlinked_config_leading_outside_is_refused_without_its_content() {
    let (_keep, key) = secret();
    let environ = Path::new("/proc/self/environ");
    for target in [key.as_path(), environ] {
        let ws = with_config_link(target);
        for format in CHECK_FORMATS {
            let out = acctsum(ws.path()).args(["check", "--format", format]).output().expect("run");
            assert_eq!(out.status.code(), Some(2), "{format}: {}", text(&out));
            assert!(
                text(&out).contains("acctsum.yaml is a symbolic link that leads outside the workspace"),
                "{format}: {}",
                text(&out)
            );
            assert_nothing_of(&out, target, &format!("check --format {format} with acctsum.yaml -> {target:?}"));
        }
        // Found by walking up from a subfolder, and for the other commands, the same.
        let mut up = acctsum(&ws.path().join("engagements/north"));
        let out = up.args(["report", "--format", "markdown"]).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert_nothing_of(&out, target, "report from a subfolder");
        let out = acctsum(ws.path()).arg("leads").output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert_nothing_of(&out, target, "leads");
    }
}

#[test]
fn config_that_is_a_folder_or_a_pipe_is_reported_not_ignored_and_a_link_inside_is_followed() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    let config = ws.path().join("acctsum.yaml");
    std::fs::remove_file(&config).expect("rm");
    std::fs::create_dir(&config).expect("mkdir");
    let out = acctsum(ws.path()).arg("check").output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("acctsum.yaml is a folder, not a regular file"), "{}", text(&out));

    std::fs::remove_dir(&config).expect("rmdir");
    mkfifo(&config);
    let out = acctsum(ws.path()).arg("check").output().expect("a pipe as acctsum.yaml must not hang");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("acctsum.yaml is a named pipe (FIFO), not a regular file"), "{}", text(&out));

    // A link that stays inside the workspace is the config: its regions apply.
    std::fs::remove_file(&config).expect("rm");
    std::fs::create_dir(ws.path().join("config")).expect("mkdir");
    std::fs::write(ws.path().join("config/acctsum.yaml"), "regions: [south]\n").expect("write");
    symlink("config/acctsum.yaml", &config).expect("ln -s");
    let ran = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(ran.code, 1, "{}{}", ran.stdout, ran.stderr);
    assert!(ran.stdout.contains("error[unknown-region]"), "{}", ran.stdout);
}

#[test]
fn symlinked_engagement_files_are_reported_by_their_own_path_never_their_target() {
    let (_keep, key) = secret();
    let other = CLEAN.replace("Acme Payments Platform", "Other Platform");
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN), ("engagements/north/b.yaml", other.as_str())]);
    let north = ws.path().join("engagements/north");
    symlink(&key, north.join("key.yaml")).expect("ln -s");
    symlink("/proc/self/environ", north.join("env.yaml")).expect("ln -s");
    symlink("b.yaml", north.join("twin.yaml")).expect("ln -s");

    for format in CHECK_FORMATS {
        let out = acctsum(ws.path()).args(["check", "--format", format]).output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{format}: {}", text(&out));
        for link in ["key.yaml", "env.yaml", "twin.yaml"] {
            assert!(text(&out).contains(&format!("engagements/north/{link}")), "{format}: {link}:\n{}", text(&out));
        }
        assert!(text(&out).contains("unreadable"), "{format}: {}", text(&out));
        assert_nothing_of(&out, &key, &format!("check --format {format}"));
    }
    let short = acctsum(ws.path()).args(["check", "--format", "short"]).output().expect("run");
    assert_eq!(
        String::from_utf8_lossy(&short.stdout),
        "engagements/north/env.yaml:1:1: error[unreadable]: is a symbolic link; acctsum does not follow links found while walking the workspace\n\
         engagements/north/key.yaml:1:1: error[unreadable]: is a symbolic link; acctsum does not follow links found while walking the workspace\n\
         engagements/north/twin.yaml:1:1: error[unreadable]: is a symbolic link; acctsum does not follow links found while walking the workspace\n"
    );
    for format in REPORT_FORMATS {
        let out = acctsum(ws.path()).args(["report", "--format", format]).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{format}: {}", text(&out));
        assert!(text(&out).contains("engagements/north/key.yaml"), "report {format} lists the link:\n{}", text(&out));
        assert_nothing_of(&out, &key, &format!("report --format {format}"));
    }
    let out = acctsum(ws.path()).arg("leads").output().expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("engagements/north/key.yaml"), "{}", text(&out));

    // Named on the command line: a link out is refused, a link inside is read.
    for link in ["engagements/north/key.yaml", "engagements/north/env.yaml"] {
        let out = acctsum(ws.path()).args(["check", "--format", "human", link]).output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{link}: {}", text(&out));
        assert!(
            text(&out).contains(&format!("{link}:1:1: is a symbolic link that leads outside the workspace")),
            "{link}: {}",
            text(&out)
        );
        assert_nothing_of(&out, &key, link);
    }
    let ran = common::acctsum(ws.path(), &["check", "engagements/north/twin.yaml"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, "1 file checked: 0 errors, 0 warnings\n"), "{}", ran.stderr);
}

#[test]
fn engagements_folder_linked_outside_the_workspace_is_not_walked() {
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(outside.path().join("north")).expect("mkdir");
    std::fs::write(outside.path().join("north/x.yaml"), format!("acctsum: {MARKER}\n")).expect("write");
    let ws = workspace::<&str, &str>("", &[]);
    symlink(outside.path(), ws.path().join("engagements")).expect("ln -s");
    for format in CHECK_FORMATS {
        let out = acctsum(ws.path()).args(["check", "--format", format]).output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{format}: {}", text(&out));
        assert_nothing_of(&out, outside.path(), &format!("check --format {format}"));
    }
    let ran = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(
        ran.stdout,
        "engagements:1:1: error[unreadable]: is a symbolic link that leads outside the workspace; acctsum does not read it\n"
    );
    let ran = common::acctsum(ws.path(), &["report", "--format", "json"]);
    assert!(ran.stdout.contains("\"path\": \"engagements\""), "{}", ran.stdout);

    // A folder link that stays inside the workspace is walked.
    let ws = workspace("", &[("archive/2026/north/a.yaml", CLEAN)]);
    symlink("archive/2026", ws.path().join("engagements")).expect("ln -s");
    let ran = common::acctsum(ws.path(), &["check"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, "1 file checked: 0 errors, 0 warnings\n"), "{}", ran.stderr);
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn fifo_or_dev_stdin_named_on_the_command_line_is_refused_at_once() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    mkfifo(&ws.path().join("engagements/north/pipe.yaml"));
    let out = acctsum(ws.path())
        .args(["check", "--format", "short", "engagements/north/pipe.yaml"])
        .output()
        .expect("a named pipe must not hang the run");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "engagements/north/pipe.yaml:1:1: error[unreadable]: is a named pipe (FIFO), not a regular file\n"
    );
    // Found by the walk, it is reported rather than silently passed over.
    let out = acctsum(ws.path()).args(["check"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("2 files checked: 1 errors"), "{}", text(&out));

    // `/dev/stdin` while standard input is a pipe that nobody writes to or closes.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("acctsum"))
        .current_dir(ws.path())
        .args(["--today", common::TODAY, "check", "--format", "short", "/dev/stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`acctsum check /dev/stdin` hung on an open, empty pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().expect("output");
    assert_eq!(status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "/dev/stdin:1:1: error[unreadable]: is a named pipe (FIFO), not a regular file\n"
    );
}

/// Whether permissions bind the user running the tests (they do not bind root). When
/// they do not, says so on the test's output, so that a skipped check is never silent.
#[allow(clippy::print_stderr)]
fn permissions_apply(locked: &Path) -> bool {
    let binding = std::fs::read_dir(locked).is_err() && std::fs::read(locked.join("c.yaml")).is_err();
    if !binding {
        eprintln!("note: running as a user that permissions do not bind (root?); the chmod 000 assertions are skipped");
    }
    binding
}

#[test]
fn unreadable_folder_and_file_are_findings_and_listed_under_could_not_be_read() {
    let other = CLEAN.replace("Acme Payments Platform", "Other Platform");
    let ws = workspace(
        "",
        &[
            ("engagements/north/a.yaml", CLEAN),
            ("engagements/north/b.yaml", other.as_str()),
            ("engagements/south/c.yaml", CLEAN.replace("Acme Payments Platform", "South").as_str()),
        ],
    );
    let south = ws.path().join("engagements/south");
    let locked_file = ws.path().join("engagements/north/b.yaml");
    std::fs::set_permissions(&south, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(&locked_file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let applies = permissions_apply(&south);
    let check = common::acctsum(ws.path(), &["check", "--format", "short"]);
    let summary = common::acctsum(ws.path(), &["check"]);
    let pack = common::acctsum(ws.path(), &["report", "--format", "markdown"]);
    let json = common::acctsum(ws.path(), &["report", "--format", "json"]);
    std::fs::set_permissions(&south, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    std::fs::set_permissions(&locked_file, std::fs::Permissions::from_mode(0o644)).expect("chmod back");
    if !applies {
        return;
    }
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    assert_eq!(
        check.stdout,
        "engagements/north/b.yaml:1:1: error[unreadable]: cannot be read: permission denied\n\
         engagements/south:1:1: error[unreadable]: is a folder that cannot be read: permission denied\n"
    );
    assert!(summary.stdout.contains("3 files checked: 2 errors, 0 warnings"), "{}", summary.stdout);
    let could_not = pack.stdout.split("Could not be read").nth(1).unwrap_or_default();
    assert!(
        could_not.contains("engagements/south") && could_not.contains("engagements/north/b.yaml"),
        "{}",
        pack.stdout
    );
    assert!(json.stdout.contains("\"path\": \"engagements/south\""), "{}", json.stdout);
}

/// Deep enough that the folder's path is longer than the system allows (PATH_MAX is
/// 4096 on Linux): listing it fails for every user, root too.
#[cfg(target_os = "linux")]
fn too_deep(parent: &Path) {
    let name = "d".repeat(250);
    let script = format!("cd \"$1\" && for i in $(seq 1 17); do mkdir {name} && cd -P {name} || exit 1; done");
    let status = std::process::Command::new("sh").args(["-c", &script, "sh"]).arg(parent).status().expect("sh");
    assert!(status.success(), "making a deep folder");
}

#[cfg(target_os = "linux")]
#[test]
fn walk_errors_are_findings_even_for_root() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    too_deep(&ws.path().join("engagements/north"));
    let ran = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(ran.code, 1, "{}{}", ran.stdout, ran.stderr);
    let line = ran.stdout.lines().next().unwrap_or_default();
    assert!(line.starts_with("engagements/north/dddd"), "{line}");
    assert!(
        line.ends_with(":1:1: error[unreadable]: is a folder that cannot be read: file name too long (os error 36)"),
        "{line}"
    );
    let summary = common::acctsum(ws.path(), &["check"]);
    assert!(summary.stdout.contains("2 files checked: 1 errors"), "{}", summary.stdout);
    let csv = common::acctsum(ws.path(), &["report", "--format", "csv"]);
    assert!(csv.stdout.contains("engagements/north/dddd"), "report csv lists the folder:\n{}", csv.stdout);
    let table = common::acctsum(ws.path(), &["report"]);
    assert!(table.stdout.contains("Could not be read"), "{}", table.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn file_that_fails_to_read_is_a_finding_and_the_run_goes_on() {
    // Reading /proc/self/mem at offset 0 fails with an I/O error, for root too.
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN.replace("status: amber", "status: purple"))]);
    let ran = common::acctsum(ws.path(), &["check", "--format", "short", "engagements/north/a.yaml", "/proc/self/mem"]);
    assert_eq!(ran.code, 1, "{}{}", ran.stdout, ran.stderr);
    assert_eq!(
        ran.stdout,
        "/proc/self/mem:1:1: error[unreadable]: cannot be read: input/output error (os error 5)\n\
         engagements/north/a.yaml:12:9: error[invalid-value]: `status` must be one of green, amber, red; found `purple`\n"
    );
}

fn byte_named(ws: &Path, name: &[u8], text: &str) {
    let mut path = ws.join("engagements/north").into_os_string();
    path.push("/");
    path.push(OsStr::from_bytes(name));
    std::fs::write(PathBuf::from(path), text).expect("write");
}

#[test]
fn non_utf8_and_control_file_names_are_shown_losslessly_and_never_mixed_up() {
    let ws = workspace::<&str, &str>("", &[]);
    std::fs::create_dir_all(ws.path().join("engagements/north")).expect("mkdir");
    byte_named(ws.path(), b"a\xff.yaml", &CLEAN.replace("status: amber", "status: purple"));
    byte_named(ws.path(), b"a\xfe.yaml", &CLEAN.replace("status: amber", "status: violet"));
    let control = CLEAN.replace("Acme Payments Platform", "Control").replace("status: amber", "status: teal");
    byte_named(ws.path(), b"x\x1b[31m\xc2\x9b.yaml", &control);

    let short = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(
        short.stdout,
        "engagements/north/a\\xFE.yaml:3:13: error[duplicate-engagement]: engagement \"Acme Payments Platform\" is also the name in engagements/north/a\\xFF.yaml\n\
         engagements/north/a\\xFE.yaml:12:9: error[invalid-value]: `status` must be one of green, amber, red; found `violet`\n\
         engagements/north/a\\xFF.yaml:3:13: error[duplicate-engagement]: engagement \"Acme Payments Platform\" is also the name in engagements/north/a\\xFE.yaml\n\
         engagements/north/a\\xFF.yaml:12:9: error[invalid-value]: `status` must be one of green, amber, red; found `purple`\n\
         engagements/north/x\\e[31m\\u{9b}.yaml:12:9: error[invalid-value]: `status` must be one of green, amber, red; found `teal`\n"
    );
    // Each file's snippet is its own.
    let human = common::acctsum(ws.path(), &["check"]);
    for (name, own, other) in [("a\\xFF.yaml", "purple", "violet"), ("a\\xFE.yaml", "violet", "purple")] {
        let snippet = human.stdout.split(&format!("[engagements/north/{name}:12:9]")).nth(1).unwrap_or_default();
        let snippet: String = snippet.lines().take(4).collect::<Vec<_>>().join("\n");
        assert!(snippet.contains(own) && !snippet.contains(other), "{name}'s snippet:\n{}", human.stdout);
    }
    let json = common::acctsum(ws.path(), &["check", "--format", "json"]);
    assert!(json.stdout.contains("\"path\": \"engagements/north/a\\\\xFF.yaml\""), "{}", json.stdout);
    for format in CHECK_FORMATS {
        let ran = common::acctsum(ws.path(), &["check", "--format", format]);
        assert!(!ran.stdout.contains(['\u{1b}', '\u{9b}']), "{format}: a file name drove the terminal");
    }
    let pack = common::acctsum(ws.path(), &["report", "--format", "markdown"]);
    // Both listed, apart (however the pack escapes a backslash).
    let could_not = pack.stdout.split("Could not be read").nth(1).unwrap_or_default();
    assert!(could_not.contains("xFE.yaml") && could_not.contains("xFF.yaml"), "{}", pack.stdout);
}

#[test]
fn fifo_as_the_schema_file_does_not_hang_check() {
    // `schema-outdated` compares schema/engagement.schema.json with the config; it used to
    // open whatever was there and wait for a writer.
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    std::fs::create_dir(ws.path().join("schema")).expect("mkdir");
    mkfifo(&ws.path().join("schema/engagement.schema.json"));
    let out = acctsum(ws.path()).arg("check").output().expect("a pipe as the schema file must not hang");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
