//! Problems found while loading a gazetteer: each [`Diagnostic`] names its source and line, so that a
//! user fixing a file sees every error at once; a [`LoadError`] holds them all.

use std::fmt;

use serde::Serialize;

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The gazetteer cannot be used as written.
    Error,
    /// Allowed, but worth a look (a spelling shared by two entities).
    Warning,
}

/// A problem found while loading a gazetteer, located by source name and line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The source's name (file name, or a label such as `import`).
    pub source: String,
    /// 1-based line, where one is known.
    pub line: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {}: {}", self.source, line, severity, self.message),
            None => write!(f, "{}: {}: {}", self.source, severity, self.message),
        }
    }
}

/// A gazetteer that failed to build: every diagnostic found, errors first.
#[derive(Clone, Debug)]
pub struct LoadError {
    /// All diagnostics, errors first, then warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<_> = self.errors().collect();
        write!(f, "gazetteer has {} error{}", errors.len(), if errors.len() == 1 { "" } else { "s" })?;
        for error in errors.iter().take(20) {
            write!(f, "\n{error}")?;
        }
        if errors.len() > 20 {
            write!(f, "\n... and {} more", errors.len() - 20)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Where an entity was read, for diagnostics that concern it after loading.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Origin {
    /// The source's name, shared by all its entities (a GeoNames layer has 38,000).
    pub source: std::sync::Arc<str>,
    pub line: Option<usize>,
    /// Line of each variant, parallel to `Entity::variants`, where known.
    pub variant_lines: Vec<Option<usize>>,
    /// The folded form of each variant, parallel to `Entity::variants`, when the source carried it (a
    /// precompiled gazetteer); empty otherwise (folded when the gazetteer is built).
    pub folded: Vec<Box<str>>,
}
