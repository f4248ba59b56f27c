//! Where a problem is, and the messages that say so.

use std::fmt;

/// Where an imported item (or a problem) comes from: a file, and the line or the item number
/// in it when known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file as named on the command line.
    pub file: String,
    /// 1-based line where the item starts, when known.
    pub line: Option<usize>,
    /// 1-based position of the item in its file, for files that hold several.
    pub item: Option<usize>,
    /// What the item is called (its title or id), to recognise it by.
    pub label: Option<String>,
}

impl Origin {
    /// The whole file.
    pub fn file(file: &str) -> Origin {
        Origin {
            file: file.to_string(),
            ..Origin::default()
        }
    }

    /// A line of the file.
    pub fn line(file: &str, line: usize) -> Origin {
        Origin {
            file: file.to_string(),
            line: Some(line),
            ..Origin::default()
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = self.item {
            write!(f, ": item {item}")?;
        }
        if let Some(label) = &self.label {
            let short: String = label.chars().take(60).collect();
            let ellipsis = if short.len() < label.len() { "…" } else { "" };
            write!(f, " ({}{ellipsis})", Quoted(&short))?;
        }
        Ok(())
    }
}

/// Text quoted for a message, as a person reads it: between double quotes, with line breaks
/// and tabs as spaces and any other control character as U+FFFD, never Rust's debug escapes
/// (`\u{7f}`, `\0`), which mean nothing to the people who read the messages.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '\n' | '\r' | '\t' => f.write_char(' ')?,
                c if c.is_control() => f.write_char('\u{fffd}')?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something could not be imported: a file, or an item (left out of the feed).
    Error,
    /// Something was imported, but a value was dropped, changed or guessed.
    Warning,
    /// What the import did, for the record (silenced by `-q`).
    Note,
}

/// The messages of one run, in order.
#[derive(Debug, Default)]
pub struct Report {
    /// Whether notes are left out.
    pub quiet: bool,
    /// Every message, formatted, in order.
    pub messages: Vec<(Level, String)>,
}

impl Report {
    /// A report that keeps notes unless `quiet`.
    pub fn new(quiet: bool) -> Report {
        Report {
            quiet,
            messages: Vec::new(),
        }
    }

    /// Records an error about `at`.
    pub fn error(&mut self, at: &Origin, message: impl fmt::Display) {
        self.add(Level::Error, at, message);
    }

    /// Records a warning about `at`.
    pub fn warning(&mut self, at: &Origin, message: impl fmt::Display) {
        self.add(Level::Warning, at, message);
    }

    /// Records a note about `at`, unless quiet.
    pub fn note(&mut self, at: &Origin, message: impl fmt::Display) {
        if !self.quiet {
            self.add(Level::Note, at, message);
        }
    }

    fn add(&mut self, level: Level, at: &Origin, message: impl fmt::Display) {
        let word = match level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        };
        self.messages
            .push((level, format!("{at}: {word}: {message}")));
    }

    /// How many errors were recorded.
    pub fn errors(&self) -> usize {
        self.count(Level::Error)
    }

    /// How many messages of `level` were recorded.
    pub fn count(&self, level: Level) -> usize {
        self.messages.iter().filter(|(l, _)| *l == level).count()
    }

    /// Whether some message contains `text` (for tests).
    #[cfg(test)]
    pub fn says(&self, text: &str) -> bool {
        self.messages.iter().any(|(_, m)| m.contains(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_file_line_item_and_label() {
        let at = Origin {
            file: "news.xml".into(),
            line: Some(12),
            item: Some(3),
            label: Some("IOM, Mongolia".into()),
        };
        assert_eq!(at.to_string(), "news.xml:12: item 3 (\"IOM, Mongolia\")");
        let mut report = Report::new(true);
        report.note(&at, "hidden");
        report.warning(&at, "shown");
        assert_eq!(report.messages.len(), 1);
        assert!(report.says("news.xml:12: item 3 (\"IOM, Mongolia\"): warning: shown"));
    }

    #[test]
    fn quotes_text_without_debug_escapes() {
        assert_eq!(Quoted("Dakar").to_string(), "\"Dakar\"");
        assert_eq!(
            Quoted("\u{7f}ELF\u{2}\0a\nb \"c\" é").to_string(),
            "\"\u{fffd}ELF\u{fffd}\u{fffd}a b \"c\" é\""
        );
        let at = Origin {
            label: Some("\u{7f}ELF\0".into()),
            ..Origin::file("a.bin")
        };
        assert_eq!(at.to_string(), "a.bin (\"\u{fffd}ELF\u{fffd}\")");
    }
}
