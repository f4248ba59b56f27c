//! Highlighting the search words where they occur in a text.

use crate::fold::fold_with_origin;

/// `text` cut into pieces, each marked `true` where one of the search `words` (folded, as
/// [`super::Query::words`] gives them) matches, case- and accent-insensitively.
pub fn highlight(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let (folded, origin) = fold_with_origin(text);
    let mut marked = vec![false; chars.len()];
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(at) = folded[from..].find(word.as_str()) {
            let start = from + at;
            let end = start + word.len();
            let (first, last) = (origin[start], origin[end - 1]);
            marked[first..=last].iter_mut().for_each(|m| *m = true);
            from = end;
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match pieces.last_mut() {
            Some((piece, mark)) if *mark == m => piece.push(c),
            _ => pieces.push((c.to_string(), m)),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    #[test]
    fn highlights_matches_in_the_original_text() {
        let words = Query {
            text: "senegal DAKAR".into(),
            ..Query::default()
        }
        .words();
        assert_eq!(
            highlight("Au Sénégal, à Dakar.", &words),
            [
                ("Au ".to_string(), false),
                ("Sénégal".to_string(), true),
                (", à ".to_string(), false),
                ("Dakar".to_string(), true),
                (".".to_string(), false),
            ]
        );
        assert_eq!(
            highlight("Straße", &["ss".to_string()]),
            [
                ("Stra".to_string(), false),
                ("ß".to_string(), true),
                ("e".to_string(), false)
            ]
        );
    }
}
