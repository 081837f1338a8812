//! What the workspace-level rules are told besides the engagements: facts the caller
//! gathers beforehand (the workspace's schema file, the files' versions at a base commit),
//! so that no rule reads a file or runs git.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::digest::Digest;

/// The workspace's written JSON Schema (`schema/engagement.schema.json`), as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SchemaState {
    /// There is none (or it is not a regular file).
    #[default]
    Missing,
    /// It could not be read, or is not UTF-8 text.
    Unreadable,
    /// It is text, but not JSON.
    NotJson,
    /// It holds this JSON.
    Written(serde_json::Value),
}

/// One current file's version at the base commit (`--since`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaseFile {
    /// The digest of its bytes then; `None` when that version could not be read.
    pub digest: Option<Digest>,
    /// Its `updated` then, when valid.
    pub updated: Option<NaiveDate>,
}

/// The base versions of the current files, by the current file's path as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaseFacts {
    files: BTreeMap<String, BaseFile>,
}

impl BaseFacts {
    /// The base versions `since` kept (it must have been asked to keep them), each
    /// file's bytes hashed once while it was read.
    #[must_use]
    pub fn of(since: &crate::history::Since) -> Self {
        let files = since
            .base
            .iter()
            .map(|(path, base)| {
                let digest = base.digest.as_ref().ok().copied();
                (path.clone(), BaseFile { digest, updated: base.updated })
            })
            .collect();
        Self { files }
    }

    /// Adds the base version of the file shown as `path`.
    pub fn insert(&mut self, path: impl Into<String>, base: BaseFile) {
        self.files.insert(path.into(), base);
    }

    /// The base version of the file shown as `path`, when it has one.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&BaseFile> {
        self.files.get(path)
    }
}

/// Everything the workspace-level rules are told besides the engagements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkspaceFacts {
    /// The workspace's written schema.
    pub schema: SchemaState,
    /// The base versions, with `--since`.
    pub base: Option<BaseFacts>,
    /// The review sessions (`reviews/<region>/<date>.yaml`), as read.
    pub reviews: Vec<crate::review::Session>,
    /// Every engagement name of the workspace, when the files checked are not all of its
    /// engagement files (paths named on the command line): what a session's action may
    /// name. `None`: the checked files are all of them.
    pub engagement_names: Option<Vec<String>>,
}
