//! Converting byte offsets into the offsets other programs count in.
//!
//! The core reports byte offsets (what Rust slices by). The CLI contract counts Unicode scalar values
//! (Python's `str` indexing), JavaScript counts UTF-16 code units. Mentions come sorted and never
//! overlap, so one forward pass over the text converts all of them: [`OffsetCounter`] keeps its
//! position and counts only the bytes between two queries.

/// Offsets of one position in the three units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Position {
    /// UTF-8 bytes.
    pub byte: usize,
    /// Unicode scalar values (code points).
    pub char: usize,
    /// UTF-16 code units.
    pub utf16: usize,
}

/// Converts increasing byte offsets of one text into [`Position`]s in a single forward pass.
#[derive(Clone, Debug)]
pub struct OffsetCounter<'a> {
    text: &'a [u8],
    at: Position,
}

impl<'a> OffsetCounter<'a> {
    /// A counter at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        OffsetCounter { text: text.as_bytes(), at: Position::default() }
    }

    /// The position of byte offset `byte`. Offsets must not decrease between calls (a smaller one
    /// restarts the count from the beginning, which is correct but slow).
    pub fn position(&mut self, byte: usize) -> Position {
        assert!(byte <= self.text.len(), "offset {byte} is past the end of the text");
        if byte < self.at.byte {
            self.at = Position::default();
        }
        let span = &self.text[self.at.byte..byte];
        // A scalar value starts at every byte that is not a continuation byte (0b10xxxxxx); it takes
        // two UTF-16 units when its UTF-8 form is four bytes long (lead byte 0b11110xxx).
        let chars = span.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let astral = span.iter().filter(|&&b| b >= 0xF0).count();
        self.at = Position { byte, char: self.at.char + chars, utf16: self.at.utf16 + chars + astral };
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_three_units() {
        let text = "a😀é بـ x";
        let mut c = OffsetCounter::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(c.position(1), Position { byte: 1, char: 1, utf16: 1 });
        assert_eq!(c.position(5), Position { byte: 5, char: 2, utf16: 3 });
        let p = c.position(x);
        assert_eq!(p.char, text[..x].chars().count());
        assert_eq!(p.utf16, text[..x].encode_utf16().count());
        // Going back restarts and stays correct.
        assert_eq!(c.position(1).utf16, 1);
    }
}
