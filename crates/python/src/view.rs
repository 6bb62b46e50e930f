//! Mentions as Python dicts: the core's [`MentionView`], in code points, serialised by `pythonize`.
//!
//! No field is named here: the dict's keys, their order and which are left out are the view's serde
//! attributes, the same that write the CLI's JSON Lines, so the two cannot drift.

use pyo3::prelude::*;
use pyo3::types::PyList;
use tagger::{MentionView, Offsets};

use crate::Show;

/// The views of `text`'s mentions (and unlisted names, with `show.unlisted`), with code point offsets
/// (Python's `str` indexes) and, with `show.details`, every detail. No GIL needed.
pub fn mentions(tagger: &tagger::Tagger, text: &str, show: Show) -> Vec<MentionView> {
    let tagged = tagger.tag_with(text, &show.options());
    tagger.views_with(text, &tagged, Offsets::CodePoints, show.details)
}

/// A list of dicts.
pub fn to_python<'py>(py: Python<'py>, views: &[MentionView]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for v in views {
        list.append(pythonize::pythonize(py, v)?)?;
    }
    Ok(list)
}
