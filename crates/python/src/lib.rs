//! The Python binding of sahel-tagger (PyO3, abi3): `from sahel_tagger import Tagger`.
//!
//! Translation only: the gazetteer is loaded by the core's builder, texts are tagged by the core's
//! `Tagger`, and each mention becomes a dict by serialising the core's mention view with `pythonize`
//! (so the keys are those of the CLI's JSON Lines, and no field list is kept here). Offsets are in
//! code points, so that `text[m["start"]:m["end"]] == m["surface"]` in Python.
//!
//! The GIL is released while tagging; `tag_many` tags on every core with scoped std threads.

use std::borrow::Cow;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyo3::exceptions::{PyOSError, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use tagger::{GazetteerBuilder, Options, Tier};

mod view;

pyo3::create_exception!(
    sahel_tagger,
    GazetteerError,
    PyValueError,
    "A gazetteer that does not load. The message is the CLI's: the number of errors, then one \
     `file:line: error: message` line per error (the first 20); `errors` holds every one of them."
);

pyo3::create_exception!(
    sahel_tagger,
    GazetteerWarning,
    PyUserWarning,
    "A warning about a gazetteer file given to `Tagger.from_files` (a spaCy token pattern skipped, a \
     one-letter variant, a spelling shared with another entity): `file:line: warning: message`."
);

/// What to return besides the gazetteer's mentions (the CLI's `--possible`, `--no-unlisted`, `--details`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Show {
    pub possible: bool,
    pub unlisted: bool,
    pub details: bool,
}

impl Show {
    fn options(self) -> Options {
        Options { possible: self.possible, unlisted: self.unlisted }
    }
}

/// Finds the armed groups, forces, places, people, media and organizations named in a text, and
/// links each mention to one entity of the gazetteer.
///
/// `Tagger()` uses the gazetteer embedded in the library; `Tagger.from_files([...])` adds your own
/// files (TOML, spaCy patterns JSONL or TSV) over it. A tagger is immutable and can be shared by
/// threads; building one takes tens of milliseconds, so build it once.
#[pyclass(frozen, module = "sahel_tagger")]
struct Tagger {
    inner: tagger::Tagger,
}

#[pymethods]
impl Tagger {
    /// A tagger over the embedded gazetteer.
    #[new]
    fn new(py: Python<'_>) -> Tagger {
        Tagger { inner: py.detach(tagger::Tagger::default) }
    }

    /// A tagger over gazetteer files, as the CLI's `-g FILE` reads them: TOML (`.toml`), spaCy
    /// EntityRuler patterns (`.jsonl`, or a first line starting with `{`) or tab-separated layers
    /// (`.tsv`). Their entries override embedded entities with the same id. With
    /// `include_default=False`, only these files are used. `geonames` is an optional GeoNames layer
    /// (`sahel-tagger gazetteer geonames --out F.tsv`), loaded below the curated gazetteer.
    ///
    /// Raises `GazetteerError` (a `ValueError`) listing `file:line: error: ...` when a file does not
    /// validate, `OSError` when one cannot be read; warns (`GazetteerWarning`) about doubtful entries.
    #[staticmethod]
    #[pyo3(signature = (paths, include_default = true, *, geonames = None))]
    fn from_files(
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        include_default: bool,
        geonames: Option<PathBuf>,
    ) -> PyResult<Tagger> {
        if paths.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("paths must be a list of file paths, not a str"));
        }
        let paths: Vec<PathBuf> = paths.extract()?;
        let mut sources = Vec::with_capacity(paths.len());
        for path in &paths {
            sources.push((path.display().to_string(), read_text(path)?));
        }
        let layer = match &geonames {
            Some(path) => Some((path.display().to_string(), read_text(path)?)),
            None => None,
        };
        let built = py.detach(|| {
            let mut builder =
                if include_default { GazetteerBuilder::with_embedded() } else { GazetteerBuilder::new() };
            for (name, text) in &sources {
                builder.add_auto(name, text, Tier::User);
            }
            if let Some((name, text)) = &layer {
                builder.add_tsv(name, text, Tier::Geonames);
            }
            builder.build().map(tagger::Tagger::new)
        });
        let inner = match built {
            Ok(inner) => inner,
            Err(error) => {
                let err = GazetteerError::new_err(error.to_string());
                let errors: Vec<String> = error.errors().map(|d| d.to_string()).collect();
                err.value(py).setattr("errors", errors)?;
                return Err(err);
            }
        };
        // The warnings about the user's own files, as the CLI prints them on standard error.
        let category = py.get_type::<GazetteerWarning>();
        for warning in
            inner.gazetteer().diagnostics().iter().filter(|d| sources.iter().any(|(n, _)| *n == d.source))
        {
            let message = std::ffi::CString::new(warning.to_string().replace('\0', "\\0"))
                .expect("no NUL left in the message");
            PyErr::warn(py, &category, &message, 1)?;
        }
        Ok(Tagger { inner })
    }

    /// The mentions in `text`, sorted, non-overlapping, as dicts with code point offsets
    /// (`text[m["start"]:m["end"]] == m["surface"]`): `start`, `end`, `surface`, `id` (the entity's
    /// stable id), `name` (its canonical name), `type` (`armed_group`, `force`, `place`, `person`,
    /// `media`, `organization`), as in the CLI's JSON Lines.
    ///
    /// Names no list holds, proposed by their context, are in too (`"id": None`, `"unlisted": True`,
    /// the `type` their cue gives); `unlisted=False` leaves them out. `possible=True` also returns
    /// doubtful names for which the text gives no evidence, flagged `"unconfirmed": True`;
    /// `details=True` adds how each matched (`match`, `variant`,
    /// `subtype`, `candidates`, flags, the decision on a doubtful name). The GIL is released while
    /// tagging.
    #[pyo3(signature = (text, *, possible = false, unlisted = true, details = false))]
    fn tag<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        possible: bool,
        unlisted: bool,
        details: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let show = Show { possible, unlisted, details };
        let text = as_text(text, "text")?;
        let text: &str = &text;
        let inner = &self.inner;
        let views = py.detach(|| view::mentions(inner, text, show));
        view::to_python(py, &views)
    }

    /// `[tagger.tag(text) for text in texts]`, on every core: the texts are tagged in parallel with
    /// the GIL released, and the lists come back in the order of `texts` (any iterable of str: a
    /// list, a pandas Series...). `threads` caps the number of threads (default: every core).
    #[pyo3(signature = (texts, *, threads = None, possible = false, unlisted = true, details = false))]
    fn tag_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        possible: bool,
        unlisted: bool,
        details: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let show = Show { possible, unlisted, details };
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str, not a str (use tag())"));
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        };
        let items: Vec<Bound<'py, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
        let mut owned: Vec<Cow<'_, str>> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            owned.push(as_text(item, &format!("texts[{i}]"))?);
        }
        let borrowed: Vec<&str> = owned.iter().map(|t| &**t).collect();
        let inner = &self.inner;
        let results = py.detach(|| tag_parallel(inner, &borrowed, show, threads));
        let out = PyList::empty(py);
        for views in &results {
            out.append(view::to_python(py, views)?)?;
        }
        Ok(out)
    }

    /// Every entity of the gazetteer, as dicts in the gazetteer's own format (`id`, `name`, `type`,
    /// `subtype`, `variants`, `country`, `lat`, `lon`, ...; absent fields are left out).
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pythonize::pythonize(py, self.inner.gazetteer().entities()).map_err(Into::into)
    }

    /// The entity with this id (`"jnim"`, `"tombouctou"`, `"gn:2449067"`) as a dict, or `None`.
    fn entity<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.gazetteer().get(id).map(|e| pythonize::pythonize(py, e).map_err(Into::into)).transpose()
    }

    fn __len__(&self) -> usize {
        self.inner.gazetteer().entities().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<sahel_tagger.Tagger: {} entities, {} patterns>",
            self.inner.gazetteer().entities().len(),
            self.inner.pattern_count()
        )
    }
}

/// A text argument: a str, else a `TypeError` naming its type (as the CLI's `"text" is not a string`).
fn as_text<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    match value.cast::<PyString>() {
        Ok(text) => text.to_cow(),
        Err(_) => {
            let kind = value.get_type().name().map_or_else(|_| "?".to_string(), |n| n.to_string());
            Err(PyTypeError::new_err(format!("{what} is not a str ({kind})")))
        }
    }
}

/// Tags `texts` on up to `threads` scoped threads. Each thread takes the next untagged text (an
/// atomic counter), so that a few long texts do not leave the other threads idle; results keep the
/// order of `texts`.
fn tag_parallel(
    inner: &tagger::Tagger,
    texts: &[&str],
    show: Show,
    threads: usize,
) -> Vec<Vec<tagger::MentionView>> {
    let threads = threads.min(texts.len());
    if threads <= 1 {
        return texts.iter().map(|t| view::mentions(inner, t, show)).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Vec<tagger::MentionView>>> = texts.iter().map(|_| Mutex::new(Vec::new())).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(text) = texts.get(i) else { break };
                let views = view::mentions(inner, text, show);
                *slots[i].lock().expect("no thread panics holding a slot") = views;
            });
        }
    });
    slots.into_iter().map(|s| s.into_inner().expect("no thread panicked")).collect()
}

/// Reads a gazetteer file as the CLI does: UTF-8, a byte order mark skipped; errors name the file.
fn read_text(path: &std::path::Path) -> PyResult<String> {
    let mut bytes = std::fs::read(path).map_err(|e| {
        let message = format!("cannot read {}: {e}", path.display());
        match e.kind() {
            std::io::ErrorKind::NotFound => pyo3::exceptions::PyFileNotFoundError::new_err(message),
            std::io::ErrorKind::PermissionDenied => pyo3::exceptions::PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        }
    })?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        GazetteerError::new_err(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// `sahel_tagger`: the tagger, its errors and warnings.
#[pymodule]
#[pyo3(name = "sahel_tagger")]
fn sahel_tagger_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add("GazetteerError", m.py().get_type::<GazetteerError>())?;
    m.add("GazetteerWarning", m.py().get_type::<GazetteerWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("GAZETTEER_VERSION", tagger::gazetteer::EMBEDDED_VERSION)?;
    Ok(())
}
