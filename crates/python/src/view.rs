//! Mentions as Python dicts.
//!
//! PLACEHOLDER until the core's `MentionView` lands (branch `split`): the contract's fields only, so
//! that the rest of the binding and its suite can be built. It is replaced by the core's view.

use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::Serialize;
use tagger::offsets::OffsetCounter;

use crate::Show;

/// One mention as the binding returns it.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    start: usize,
    end: usize,
    surface: String,
    id: Option<String>,
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unlisted: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unconfirmed: bool,
}

/// The mentions of `text`, with code point offsets.
pub fn mentions(tagger: &tagger::Tagger, text: &str, show: Show) -> Vec<View> {
    let _details_come_with_the_core_view = show.details;
    let tagged = tagger.tag_with(text, &show.options());
    let mut counter = OffsetCounter::new(text);
    let mut out: Vec<View> = tagged
        .mentions
        .iter()
        .map(|m| {
            let entity = tagger.entity(m);
            View {
                start: counter.position(m.start).char,
                end: counter.position(m.end).char,
                surface: m.surface(text).to_string(),
                id: Some(entity.id.clone()),
                name: entity.name.clone(),
                kind: entity.kind.as_str(),
                unlisted: false,
                unconfirmed: m.is_unconfirmed(),
            }
        })
        .collect();
    if !tagged.unlisted.is_empty() {
        let mut counter = OffsetCounter::new(text);
        out.extend(tagged.unlisted.iter().map(|u| View {
            start: counter.position(u.start).char,
            end: counter.position(u.end).char,
            surface: u.surface(text).to_string(),
            id: None,
            name: u.surface(text).to_string(),
            kind: u.kind.as_str(),
            unlisted: true,
            unconfirmed: false,
        }));
        out.sort_by_key(|v| v.start);
    }
    out
}

/// A list of dicts.
pub fn to_python<'py>(py: Python<'py>, views: &[View]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for v in views {
        list.append(pythonize::pythonize(py, v)?)?;
    }
    Ok(list)
}
