//! The automaton the matcher walks: a byte trie of the folded patterns, built in one pass over them.
//!
//! The matcher only ever runs *anchored* searches, from the word starts that folding records (see the
//! `matcher` module): from a start, it wants every pattern that is a prefix of the text there. An
//! Aho-Corasick automaton answers that with its trie alone; its failure transitions, the heart of the
//! algorithm, serve unanchored scans, which the matcher never runs (the aho-corasick crate's full
//! overlapping scan stays the reference its tests compare with). Building them was most of the
//! tagger's start-up: 10 of 19 ms natively for the default gazetteer, about three times that in
//! WebAssembly, and most of a GeoNames layer's 56,000 spellings. This trie is built from the sorted
//! patterns in time linear in their bytes, without a hash table, in a few large allocations.
//!
//! Layout: states are numbered so that the children of a state are consecutive, and a child's label
//! (the byte that leads to it) is stored at its own number: a state's transitions are the labels of a
//! run of states, scanned in order (most states have one or two). The root, where every walk starts,
//! has a table of 256. Children are numbered right after their parent is read, depth first, so that
//! the states of one long name are mostly adjacent in memory.

/// No state: the walk read a byte no pattern continues with.
pub(crate) const DEAD: u32 = u32::MAX;

/// No pattern ends at a state.
const NONE: u32 = u32::MAX;

/// The root state, where every walk starts.
pub(crate) const ROOT: u32 = 0;

/// A byte trie of distinct patterns; see the module documentation.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Transitions of the root, by byte.
    root: Box<[u32; 256]>,
    /// For each state, its first child (children are numbered consecutively).
    first_child: Vec<u32>,
    /// For each state, its number of children.
    children: Vec<u16>,
    /// For each state, the byte that leads to it from its parent (0 for the root).
    label: Vec<u8>,
    /// For each state, the pattern that ends there, or [`NONE`].
    pattern: Vec<u32>,
}

impl Trie {
    /// The trie of `patterns`; pattern `i` is reported as `i` (of equal patterns, the first). An empty
    /// pattern ends at the root, which a walk never reports.
    pub(crate) fn new<'p>(patterns: impl ExactSizeIterator<Item = &'p [u8]>) -> Trie {
        let mut items: Vec<(&[u8], u32)> = patterns.zip(0..).collect();
        let mut scratch: Vec<(&[u8], u32)> = Vec::with_capacity(items.len());
        // About half the patterns' bytes become states (the rest share a prefix): room for that at
        // once, rather than vectors grown by copies (which a cold WebAssembly start-up pays dearly).
        let states = items.iter().map(|(p, _)| p.len()).sum::<usize>() / 2 + items.len() + 1;
        let mut trie = Trie {
            root: Box::new([DEAD; 256]),
            first_child: Vec::with_capacity(states),
            children: Vec::with_capacity(states),
            label: Vec::with_capacity(states),
            pattern: Vec::with_capacity(states),
        };
        trie.push_state(0);
        // Each state to read is the run `lo..hi` of the patterns that share its prefix of `depth`
        // bytes. Reading it puts the pattern that ends there (at most one) first, orders the rest by
        // their next byte (a radix sort one byte deep: the patterns are never compared whole), numbers
        // its children, one per distinct next byte, and stacks them.
        let mut stack: Vec<(u32, usize, usize, usize)> = vec![(ROOT, 0, items.len(), 0)];
        let mut runs: Vec<(usize, usize)> = vec![];
        while let Some((state, mut lo, hi, depth)) = stack.pop() {
            // The patterns that end here (one, as the matcher gives them; the first given of
            // duplicates) go first, out of the run.
            let mut ended = lo;
            for k in lo..hi {
                if items[k].0.len() == depth {
                    items.swap(ended, k);
                    ended += 1;
                }
            }
            if let Some(first) = items[lo..ended].iter().map(|&(_, id)| id).min() {
                trie.pattern[state as usize] = first;
                lo = ended;
            }
            if hi - lo == 1 && state != ROOT {
                // One pattern below: the rest of it is a chain of states with one child each.
                let (rest, id) = items[lo];
                let mut state = state;
                for &byte in &rest[depth..] {
                    let child = trie.push_state(byte);
                    trie.first_child[state as usize] = child;
                    trie.children[state as usize] = 1;
                    state = child;
                }
                trie.pattern[state as usize] = id;
                continue;
            }
            order_by_byte(&mut items[lo..hi], depth, &mut scratch);
            runs.clear();
            let mut at = lo;
            while at < hi {
                let byte = items[at].0[depth];
                let end = at + items[at..hi].partition_point(|(p, _)| p[depth] == byte);
                runs.push((at, end));
                at = end;
            }
            let first = trie.label.len() as u32;
            trie.first_child[state as usize] = first;
            trie.children[state as usize] = runs.len() as u16;
            for &(lo, _) in &runs {
                trie.push_state(items[lo].0[depth]);
            }
            if state == ROOT {
                for k in 0..runs.len() as u32 {
                    trie.root[trie.label[(first + k) as usize] as usize] = first + k;
                }
            }
            // The first child is read next, so that a name's states follow one another.
            for (k, &(lo, hi)) in runs.iter().enumerate().rev() {
                stack.push((first + k as u32, lo, hi, depth + 1));
            }
        }
        trie
    }

    /// A new state, reached by `label`, without children or pattern yet.
    fn push_state(&mut self, label: u8) -> u32 {
        self.label.push(label);
        self.first_child.push(0);
        self.children.push(0);
        self.pattern.push(NONE);
        self.label.len() as u32 - 1
    }

    /// The state after reading `byte` in `state`, or [`DEAD`].
    #[inline]
    pub(crate) fn next(&self, state: u32, byte: u8) -> u32 {
        if state == ROOT {
            return self.root[byte as usize];
        }
        let first = self.first_child[state as usize] as usize;
        let count = self.children[state as usize] as usize;
        match self.label[first..first + count].iter().position(|&l| l == byte) {
            Some(k) => (first + k) as u32,
            None => DEAD,
        }
    }

    /// The pattern that ends at `state`, if any: the bytes read from the root are that pattern.
    #[inline]
    pub(crate) fn pattern(&self, state: u32) -> Option<u32> {
        let pattern = self.pattern[state as usize];
        (pattern != NONE).then_some(pattern)
    }

    /// Number of states (the root included).
    pub(crate) fn state_count(&self) -> usize {
        self.label.len()
    }

    /// Heap memory used, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        std::mem::size_of::<[u32; 256]>()
            + self.first_child.capacity() * 4
            + self.children.capacity() * 2
            + self.label.capacity()
            + self.pattern.capacity() * 4
    }
}

/// Orders `items`, patterns longer than `depth` bytes, by their byte at `depth`: by insertion for a
/// few, else by counting (through `scratch`).
fn order_by_byte<'p>(items: &mut [(&'p [u8], u32)], depth: usize, scratch: &mut Vec<(&'p [u8], u32)>) {
    if items.len() <= 32 {
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && items[j - 1].0[depth] > items[j].0[depth] {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut starts = [0usize; 257];
    for (p, _) in items.iter() {
        starts[p[depth] as usize + 1] += 1;
    }
    for b in 1..257 {
        starts[b] += starts[b - 1];
    }
    scratch.clear();
    scratch.extend_from_slice(items);
    for &item in scratch.iter() {
        let slot = &mut starts[item.0[depth] as usize];
        items[*slot] = item;
        *slot += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern that is a prefix of `text`, as (length, pattern), read by walking the trie.
    fn walk(trie: &Trie, text: &[u8]) -> Vec<(usize, u32)> {
        let mut found = vec![];
        let mut state = ROOT;
        for (i, &byte) in text.iter().enumerate() {
            state = trie.next(state, byte);
            if state == DEAD {
                break;
            }
            found.extend(trie.pattern(state).map(|p| (i + 1, p)));
        }
        found
    }

    #[test]
    fn a_walk_finds_every_pattern_that_starts_the_text() {
        let mut next = crate::testing::picker(0x9E37_79B9_7F4A_7C15u64);
        // Small alphabets make shared prefixes, patterns inside patterns and states with many children.
        let alphabets: [&[u8]; 3] = [b"ab", b"abc \xd8\xa7", &(0..=255).collect::<Vec<u8>>()];
        for round in 0..300 {
            let alphabet = alphabets[round % 3];
            let mut patterns: Vec<Vec<u8>> = (0..next(60) + 1)
                .map(|_| (0..next(8) + 1).map(|_| alphabet[next(alphabet.len())]).collect())
                .collect();
            patterns.sort();
            patterns.dedup();
            // Not in sorted order: the ids are the given order.
            for i in (1..patterns.len()).rev() {
                patterns.swap(i, next(i + 1));
            }
            let trie = Trie::new(patterns.iter().map(|p| p.as_slice()));
            assert!(trie.state_count() <= 1 + patterns.iter().map(Vec::len).sum::<usize>());
            for _ in 0..50 {
                let text: Vec<u8> = (0..next(12)).map(|_| alphabet[next(alphabet.len())]).collect();
                let mut expected: Vec<(usize, u32)> = patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| text.starts_with(p))
                    .map(|(i, p)| (p.len(), i as u32))
                    .collect();
                expected.sort_unstable();
                assert_eq!(walk(&trie, &text), expected, "{text:?} with {patterns:?}");
            }
            for (i, p) in patterns.iter().enumerate() {
                assert_eq!(walk(&trie, p).last(), Some(&(p.len(), i as u32)), "{p:?}");
            }
        }
    }

    #[test]
    fn equal_patterns_are_reported_as_the_first() {
        let patterns: [&[u8]; 5] = [b"ab", b"abc", b"ab", b"", b"abc"];
        let trie = Trie::new(patterns.into_iter());
        assert_eq!(walk(&trie, b"abcd"), [(2, 0), (3, 1)]);
        assert_eq!(trie.pattern(ROOT), Some(3));
    }

    #[test]
    fn no_patterns_no_states_but_the_root() {
        let trie = Trie::new(std::iter::empty());
        assert_eq!(trie.state_count(), 1);
        assert_eq!(trie.next(ROOT, b'a'), DEAD);
        assert_eq!(trie.pattern(ROOT), None);
    }
}
