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

/// Converts byte offsets of one text into [`Position`]s, counting only from the previous offset (one
/// forward pass for sorted mentions).
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

    /// The position of byte offset `byte` (a character boundary). Only the bytes between it and the
    /// previous query are counted, backwards too: a view that reads a mention's end before its start
    /// (or evidence a little earlier) costs the distance, not a count from the start of the text.
    pub fn position(&mut self, byte: usize) -> Position {
        assert!(byte <= self.text.len(), "offset {byte} is past the end of the text");
        let back = byte < self.at.byte;
        let (from, to) = if back { (byte, self.at.byte) } else { (self.at.byte, byte) };
        let span = &self.text[from..to];
        // A scalar value starts at every byte that is not a continuation byte (0b10xxxxxx); it takes
        // two UTF-16 units when its UTF-8 form is four bytes long (lead byte 0b11110xxx).
        let chars = span.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let astral = span.iter().filter(|&&b| b >= 0xF0).count();
        self.at = if back {
            Position { byte, char: self.at.char - chars, utf16: self.at.utf16 - chars - astral }
        } else {
            Position { byte, char: self.at.char + chars, utf16: self.at.utf16 + chars + astral }
        };
        self.at
    }
}

/// Converts byte offsets of one text taken in any order: a [`Position`] every [`OffsetIndex::STEP`]
/// bytes, made in one pass, then each query counts from the nearest one before it. For offsets that
/// jump about the text (what a doubtful name's evidence refers to: the first of its repetitions, a
/// name listed with it), which an [`OffsetCounter`] would count the distance between, back and forth.
#[derive(Clone, Debug)]
pub struct OffsetIndex<'a> {
    text: &'a str,
    marks: Vec<Position>,
}

impl<'a> OffsetIndex<'a> {
    /// Bytes between two recorded positions.
    pub const STEP: usize = 4096;

    /// The index of `text` (one pass over it).
    pub fn new(text: &'a str) -> Self {
        let mut counter = OffsetCounter::new(text);
        let marks = (0..=text.len() / Self::STEP)
            .map(|k| {
                let mut byte = k * Self::STEP;
                while !text.is_char_boundary(byte) {
                    byte += 1;
                }
                counter.position(byte)
            })
            .collect();
        OffsetIndex { text, marks }
    }

    /// The position of byte offset `byte` (a character boundary).
    pub fn position(&self, byte: usize) -> Position {
        // The mark of this step is the first boundary at or after the step's start: at or before `byte`.
        let at = self.marks[(byte / Self::STEP).min(self.marks.len() - 1)];
        OffsetCounter { text: self.text.as_bytes(), at }.position(byte)
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
        // Going back counts back and stays correct.
        assert_eq!(c.position(1).utf16, 1);
    }

    /// The index answers as a count from the start, at every boundary of a text longer than a few
    /// steps whose steps fall inside characters (two-, three- and four-byte ones).
    #[test]
    fn the_index_counts_as_from_the_start() {
        let text = "Tombouctou é 😀 تمبكتو ‍".repeat(900);
        let index = OffsetIndex::new(&text);
        let mut counter = OffsetCounter::new(&text);
        for byte in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(index.position(byte), counter.position(byte), "{byte}");
        }
        assert!(text.len() > 5 * OffsetIndex::STEP);
    }

    /// Any order of queries at character boundaries gives what counting from the start gives.
    #[test]
    fn any_order_of_queries_counts_as_from_the_start() {
        let text = "Le 😀 JNIM à Tombouctou ; جماعة نصرة 𝔸 x‍y";
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut c = OffsetCounter::new(text);
        for (k, &b) in boundaries.iter().enumerate() {
            // Forward, backward and repeated queries interleaved.
            for &byte in &[b, boundaries[(k * 7) % boundaries.len()], b] {
                let expected = Position {
                    byte,
                    char: text[..byte].chars().count(),
                    utf16: text[..byte].encode_utf16().count(),
                };
                assert_eq!(c.position(byte), expected);
            }
        }
    }
}
