//! A small JSON reader (RFC 8259) for feed documents.
//!
//! Implementation note: the widget only ever reads JSON into a tree and walks it by hand
//! (see [`crate::validate`]), so this replaces serde_json on that path: dropping serde_json's
//! generic deserializer, float tables and `BTreeMap` objects made the widget's wasm much
//! smaller (bench/attempts.md has the numbers). Objects are small vectors in document order, numbers
//! stay as their text (nothing here needs floating point), and [`parse_document`] can leave a
//! feed's items unread, to be read one at a time. It is strict: exactly the
//! grammar of RFC 8259, no comments, no trailing commas, at most [`MAX_DEPTH`] nested arrays
//! and objects; a lone surrogate in a `\u` escape reads as U+FFFD, as `JSON.parse` accepts it.
//! In a deferred array, an element nested deeper than that is only skipped to its end (its
//! own [`parse_span`] then fails), so that one item cannot make the whole document fail. Errors carry a 1-based line and column
//! (counted in characters) and a message for people. It never panics (see
//! tests/never_panics.rs and the serde_json oracle in src/json/oracle.rs).

use std::fmt;

/// How deeply arrays and objects may nest (serde_json's limit too); deeper input is an error,
/// never a stack overflow.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, as it was written (already checked against the grammar).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// A JSON number, kept as its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number(String);

impl Number {
    /// The number as written, e.g. `12`, `-0.5`, `1e3`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number rounded to the nearest whole one (halves away from zero), when it is not
    /// negative and below 9 × 10¹⁵ (so that it is exact in a JavaScript number). Computed on
    /// the decimal digits, so there is no floating-point rounding.
    pub fn rounded_whole(&self) -> Option<u64> {
        const LIMIT: u64 = 9_000_000_000_000_000;
        let text = self.0.as_str();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], &text[i + 1..]),
            None => (text, "0"),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // Saturating: an exponent of a million digits is simply very large or very small.
        let exp_negative = exponent.starts_with('-');
        let exp_digits = exponent.trim_start_matches(['+', '-']);
        let mut exp: i64 = 0;
        for d in exp_digits.bytes() {
            exp = exp.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        }
        if exp_negative {
            exp = -exp;
        }
        // All digits (the decimal point comes after `int_part`), then from the first non-zero.
        let digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
        let first = digits.iter().position(|&d| d != b'0');
        let Some(first) = first else {
            return Some(0); // zero, whatever its sign
        };
        if negative {
            return None;
        }
        let digits = &digits[first..];
        // Digits before the decimal point in the value.
        let whole_len = i64::try_from(int_part.len())
            .unwrap_or(i64::MAX)
            .saturating_sub(i64::try_from(first).unwrap_or(0))
            .saturating_add(exp);
        if whole_len > 16 {
            return None; // at least 10^16
        }
        if whole_len < 0 {
            return Some(0); // below 0.1
        }
        let whole_len = usize::try_from(whole_len).unwrap_or(0);
        let mut value: u64 = 0;
        for i in 0..whole_len {
            let d = digits.get(i).map_or(0, |d| d - b'0');
            value = value * 10 + u64::from(d);
        }
        if digits.get(whole_len).is_some_and(|&d| d >= b'5') {
            value += 1;
        }
        (value < LIMIT).then_some(value)
    }
}

/// A JSON object: its members in document order. A name written twice keeps its last value
/// (as serde_json and JavaScript do), at the place it was first written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    #[cfg(test)]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds a member; a name already present takes the new value.
    fn insert(&mut self, key: String, value: Value) {
        // Objects are small; a linear scan beats hashing. Large objects (only hostile input
        // has thousands of members) fall back to a sort when the object is complete.
        if self.0.len() < 32 {
            if let Some(slot) = self.0.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = value;
                return;
            }
        }
        self.0.push((key, value));
    }

    /// Drops earlier duplicates of names in large objects (see [`Map::insert`]).
    fn dedupe(&mut self) {
        if self.0.len() <= 32 {
            return;
        }
        let mut order: Vec<usize> = (0..self.0.len()).collect();
        order.sort_by(|&a, &b| self.0[a].0.cmp(&self.0[b].0).then(a.cmp(&b)));
        let mut drop = vec![false; self.0.len()];
        let mut changed = false;
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && self.0[order[end]].0 == self.0[order[start]].0 {
                end += 1;
            }
            if end - start > 1 {
                // The last value wins, at the first place.
                self.0.swap(order[start], order[end - 1]);
                for &i in &order[start + 1..end] {
                    drop[i] = true;
                }
                changed = true;
            }
            start = end;
        }
        if changed {
            let mut i = 0;
            self.0.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
        }
    }
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// Reads one JSON document (whitespace around it allowed, nothing else).
#[cfg(test)]
pub fn parse(text: &str) -> Result<Value, Error> {
    Ok(parse_document(text, None)?.root)
}

/// Where one value is in a document's text: a byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A document read with one array left unread: see [`parse_document`].
#[derive(Debug, PartialEq)]
pub struct Document {
    /// The document, with the deferred array empty.
    pub root: Value,
    /// Where each element of the deferred array is, when the root object has that member and
    /// it is an array.
    pub deferred: Option<Vec<Span>>,
}

/// Reads a document whose root object's member `defer` (when given, and an array) is only
/// checked, not read: its elements are left as [`Span`]s for [`parse_span`], so that a feed's
/// items can be read one at a time and the whole tree never sits in memory beside the feed.
pub fn parse_document(text: &str, defer: Option<&str>) -> Result<Document, Error> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        keep: true,
        defer,
        deferred: None,
    };
    reader.space();
    let root = reader.value()?;
    reader.space();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("more text after the end of the JSON value"));
    }
    Ok(Document {
        root,
        deferred: reader.deferred,
    })
}

/// Reads one element that [`parse_document`] deferred (errors count lines and columns in the
/// whole `text`, which must be the same document).
pub fn parse_span(text: &str, span: Span) -> Result<Value, Error> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes().get(..span.end).unwrap_or_default(),
        pos: span.start,
        // The elements of the root's array.
        depth: 2,
        keep: true,
        defer: None,
        deferred: None,
    };
    reader.value()
}

/// The bytes that end a run of plain text: `"`, `\\` and control characters.
static STOP: [bool; 256] = {
    let mut stop = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stop[b] = true;
        b += 1;
    }
    stop[b'"' as usize] = true;
    stop[b'\\' as usize] = true;
    stop
};

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Whether values are built, or only checked (inside a deferred array).
    keep: bool,
    /// The root member whose array is deferred.
    defer: Option<&'a str>,
    /// Its elements, once read.
    deferred: Option<Vec<Span>>,
}

impl Reader<'_> {
    fn error(&self, message: &str) -> Error {
        self.error_at(self.pos, message)
    }

    fn error_at(&self, pos: usize, message: &str) -> Error {
        let pos = pos.min(self.bytes.len());
        // Back to a character boundary (an error inside a multi-byte character).
        let mut pos = pos;
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        let (line, column) = line_column(&self.text[..pos]);
        Error {
            line,
            column,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// What was found where a value, `,` or a bracket was expected, for messages.
    fn unexpected(&self, expected: &str) -> Error {
        match self.peek() {
            None => self.error(&format!("the text ends where {expected} was expected")),
            Some(_) => {
                let found: String = self.text[self.pos..].chars().next().into_iter().collect();
                self.error(&format!(
                    "expected {expected}, found {}",
                    crate::quoted(&found)
                ))
            }
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        match self.peek() {
            Some(b'{' | b'[') if !self.keep && self.depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Ok(Value::Null)
            }
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn nested<T>(&mut self, read: fn(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("lists and objects are nested too deeply"));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// Steps over a list or object nested too deeply to read, to just after its closing
    /// bracket, without recursion: brackets are counted, text in quotes is stepped over whole.
    /// Its contents are not checked here; reading it on its own reports the depth.
    fn skip_nested(&mut self) -> Result<(), Error> {
        let open = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Ok(());
                    }
                }
                b'"' => {
                    self.string()?;
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
        }
        Err(self.error_at(open, "a list or object that is never closed"))
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("not a JSON value (text must be in double quotes)"))
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("a number needs a digit after the minus sign")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number needs a digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number needs a digit in its exponent"));
            }
            self.digits();
        }
        Ok(Value::Number(Number(
            self.text[start..self.pos].to_string(),
        )))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        let open = self.pos;
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            // The run of plain characters up to the next quote, backslash or control character.
            let rest = &self.bytes[self.pos..];
            let run = rest
                .iter()
                .position(|&b| STOP[usize::from(b)])
                .unwrap_or(rest.len());
            let plain = &self.text[self.pos..self.pos + run];
            self.pos += run;
            match self.peek() {
                Some(b'"') if !self.keep => {
                    self.pos += 1;
                    return Ok(String::new());
                }
                // Most text has no escapes: one allocation of the right size.
                Some(b'"') if out.is_empty() => {
                    self.pos += 1;
                    return Ok(plain.to_string());
                }
                Some(b'"') => {
                    out.push_str(plain);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(plain);
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self.error(
                        "a line break or control character inside text; write it as \\n or \\t",
                    ))
                }
                None => return Err(self.error_at(open, "text that is never closed with \"")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                // Half a character (a lone surrogate, as JavaScript writes a cut emoji) reads
                // as U+FFFD, as JSON.parse and the browser's text do: one bad character must
                // not make the whole feed unreadable.
                let mut code = first;
                if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
                    let resume = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    } else {
                        // Not its other half: that escape is read on its own.
                        self.pos = resume;
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                return Ok(());
            }
            _ => return Err(self.error(
                "not an escape; after \\ write one of \" \\ / b f n r t or u and four hex digits",
            )),
        };
        self.pos += 1;
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("a \\u escape needs four hex digits")),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.elements(|reader, _| {
            let value = reader.value()?;
            if reader.keep {
                items.push(value);
            }
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    /// An array whose elements are checked and located, not built.
    fn deferred_array(&mut self) -> Result<Vec<Span>, Error> {
        let keep = std::mem::replace(&mut self.keep, false);
        let mut spans = Vec::new();
        let result = self.elements(|reader, start| {
            reader.value()?;
            spans.push(Span {
                start,
                end: reader.pos,
            });
            Ok(())
        });
        self.keep = keep;
        result.map(|()| spans)
    }

    /// Reads `[ element, ... ]`, calling `element` at the start of each one.
    fn elements(
        &mut self,
        mut element: impl FnMut(&mut Self, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.pos += 1; // [
        self.space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.space();
            if self.peek() == Some(b']') {
                return Err(self.error("a comma before ] (trailing comma)"));
            }
            element(self, self.pos)?;
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected("\",\" or \"]\"")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        self.pos += 1; // {
        let mut map = Map::default();
        self.space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error("a comma before } (trailing comma)")),
                _ => return Err(self.unexpected("a name in double quotes")),
            }
            let key = self.string()?;
            self.space();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("\":\""));
            }
            self.pos += 1;
            self.space();
            let value = if self.depth == 1 && self.defer == Some(key.as_str()) {
                // The last member of that name counts, as for any other.
                self.deferred = None;
                if self.peek() == Some(b'[') {
                    self.deferred = Some(self.nested(Self::deferred_array)?);
                    Value::Array(Vec::new())
                } else {
                    self.value()?
                }
            } else {
                self.value()?
            };
            if self.keep {
                map.insert(key, value);
            }
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    map.dedupe();
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.unexpected("\",\" or \"}\"")),
            }
        }
    }
}

/// The 1-based line and column (in characters) of the place right after `before`.
fn line_column(before: &str) -> (usize, usize) {
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where `bytes` stop being UTF-8, in words (line, column, the byte), or `None` when they are
/// UTF-8 throughout.
pub fn utf8_problem(bytes: &[u8]) -> Option<String> {
    let valid = std::str::from_utf8(bytes).err()?.valid_up_to();
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    // Editors do not show a byte order mark, so columns do not count it.
    let (line, column) = line_column(before.strip_prefix('\u{feff}').unwrap_or(before));
    let byte = bytes[valid];
    Some(format!(
        "not UTF-8 at line {line}, column {column} (byte 0x{}{}); save the file as UTF-8",
        crate::HEX[usize::from(byte >> 4)] as char,
        crate::HEX[usize::from(byte & 15)] as char
    ))
}

/// `text` as a JSON string: in double quotes, with `"`, `\` and control characters escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(crate::HEX[(c as usize) >> 4] as char);
                out.push(crate::HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, usize, String) {
        let e = parse(text).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            parse(r#" {"a": [1, -2.5e3, true, false, null, "x\"\u00e9\ud83d\ude00"], "b": {}} "#)
                .unwrap();
        let Value::Object(map) = v else { panic!() };
        let Some(Value::Array(a)) = map.get("a") else {
            panic!()
        };
        assert_eq!(a[0], Value::Number(Number("1".into())));
        assert_eq!(a[1], Value::Number(Number("-2.5e3".into())));
        assert_eq!(
            a[2..5],
            [Value::Bool(true), Value::Bool(false), Value::Null]
        );
        assert_eq!(a[5], Value::String("x\"é😀".into()));
        assert_eq!(map.get("b"), Some(&Value::Object(Map::default())));
    }

    #[test]
    fn duplicate_names_keep_the_last_value_in_the_first_place() {
        let Value::Object(map) = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap() else {
            panic!()
        };
        let keys: Vec<_> = map.keys().cloned().collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(map.get("a"), Some(&Value::Number(Number("3".into()))));
        // The same in a large object (the sorting path).
        let mut text = String::from("{");
        for i in 0..40 {
            text.push_str(&format!("\"k{i}\":{i},"));
        }
        text.push_str("\"k5\":0,\"k5\":\"last\",\"k39\":null}");
        let Value::Object(map) = parse(&text).unwrap() else {
            panic!()
        };
        assert_eq!(map.len(), 40);
        assert_eq!(map.keys().nth(5).map(String::as_str), Some("k5"));
        assert_eq!(map.get("k5"), Some(&Value::String("last".into())));
        assert_eq!(map.get("k39"), Some(&Value::Null));
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(
            err("{\n  \"a\": 1,\n}"),
            (3, 1, "a comma before } (trailing comma)".into())
        );
        assert_eq!(
            err("[1,]"),
            (1, 4, "a comma before ] (trailing comma)".into())
        );
        assert_eq!(
            err("{\"é\": x}"),
            (1, 7, "expected a value, found \"x\"".into())
        );
        assert_eq!(
            err("[1 2]"),
            (1, 4, "expected \",\" or \"]\", found \"2\"".into())
        );
        assert_eq!(
            err("{\"a\" 1}"),
            (1, 6, "expected \":\", found \"1\"".into())
        );
        assert_eq!(
            err("{'a': 1}"),
            (1, 2, "expected a name in double quotes, found \"'\"".into())
        );
        assert_eq!(
            err("[1"),
            (
                1,
                3,
                "the text ends where \",\" or \"]\" was expected".into()
            )
        );
        assert_eq!(
            err(""),
            (1, 1, "the text ends where a value was expected".into())
        );
        assert_eq!(
            err("{} x"),
            (1, 4, "more text after the end of the JSON value".into())
        );
        assert_eq!(
            err("\"abc"),
            (1, 1, "text that is never closed with \"".into())
        );
        assert_eq!(
            err("[tru]").2,
            "not a JSON value (text must be in double quotes)"
        );
        assert_eq!(err("[01]").2, "expected \",\" or \"]\", found \"1\"");
        assert_eq!(err("-").2, "a number needs a digit after the minus sign");
        assert_eq!(
            err("1.").2,
            "a number needs a digit after the decimal point"
        );
        assert_eq!(err("1e+").2, "a number needs a digit in its exponent");
        assert_eq!(
            err("\"a\nb\""),
            (
                1,
                3,
                "a line break or control character inside text; write it as \\n or \\t".into()
            )
        );
        assert_eq!(
            err(r#""\x""#).2,
            "not an escape; after \\ write one of \" \\ / b f n r t or u and four hex digits"
        );
        assert_eq!(err(r#""\u12""#).2, "a \\u escape needs four hex digits");
        // Half a character is no error: it reads as U+FFFD (tests/json_oracle.rs).
        assert_eq!(
            parse(r#""\ud800\u0041""#),
            Ok(Value::String("\u{FFFD}A".into()))
        );
    }

    #[test]
    fn a_deferred_array_is_checked_and_located_then_read_one_element_at_a_time() {
        let text = "{\"items\": [ {\"id\": \"a\"}, [1, 2],\n \"x\" ], \"n\": {\"items\": [3]}}";
        let doc = parse_document(text, Some("items")).unwrap();
        let Value::Object(root) = &doc.root else {
            panic!()
        };
        assert_eq!(root.get("items"), Some(&Value::Array(Vec::new())));
        // Only the root's member is deferred.
        assert_eq!(root.get("n"), parse("{\"items\": [3]}").ok().as_ref());
        let spans = doc.deferred.unwrap();
        let read: Vec<Value> = spans
            .iter()
            .map(|&s| parse_span(text, s).unwrap())
            .collect();
        let Value::Object(whole) = parse(text).unwrap() else {
            panic!()
        };
        assert_eq!(Some(&Value::Array(read)), whole.get("items"));
        // Errors inside the array are found by the first pass, with their place in the text.
        let broken = "{\"items\": [\n {\"id\": \"a\",}\n]}";
        assert_eq!(
            parse_document(broken, Some("items")).unwrap_err(),
            parse(broken).unwrap_err()
        );
        // No such member, or not an array: nothing deferred; the last member of the name counts.
        assert_eq!(parse_document("{}", Some("items")).unwrap().deferred, None);
        let doc = parse_document("{\"items\": 5}", Some("items")).unwrap();
        assert_eq!(doc.deferred, None);
        let doc = parse_document("{\"items\": [1], \"items\": 5}", Some("items")).unwrap();
        assert_eq!(doc.deferred, None);
        let doc = parse_document("{\"items\": 5, \"items\": [1]}", Some("items")).unwrap();
        assert_eq!(doc.deferred.map(|s| s.len()), Some(1));
    }

    #[test]
    fn nesting_is_limited_not_a_stack_overflow() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deeper).2, "lists and objects are nested too deeply");
        assert!(parse(&"[".repeat(1_000_000)).is_err());
    }

    #[test]
    fn whole_numbers_are_rounded_on_their_digits() {
        let whole = |t: &str| Number(t.into()).rounded_whole();
        assert_eq!(whole("0"), Some(0));
        assert_eq!(whole("-0"), Some(0));
        assert_eq!(whole("-0.0e5"), Some(0));
        assert_eq!(whole("12"), Some(12));
        assert_eq!(whole("12.5"), Some(13));
        assert_eq!(whole("12.49"), Some(12));
        assert_eq!(whole("0.5"), Some(1));
        assert_eq!(whole("0.05"), Some(0));
        assert_eq!(whole("1e3"), Some(1000));
        assert_eq!(whole("1.5E2"), Some(150));
        assert_eq!(whole("15e-1"), Some(2));
        assert_eq!(whole("1e-400"), Some(0));
        assert_eq!(whole("8999999999999999"), Some(8_999_999_999_999_999));
        assert_eq!(whole("9e15"), None);
        assert_eq!(whole("1e16"), None);
        assert_eq!(whole("1e999999999999999999999"), None);
        assert_eq!(whole("-1"), None);
        assert_eq!(whole("-0.4"), None);
    }

    #[test]
    fn says_where_bytes_stop_being_utf8() {
        assert_eq!(utf8_problem("{\"é\": 1}".as_bytes()), None);
        assert_eq!(
            utf8_problem(b"{\n  \"a\": \"Caf\xe9\"}").as_deref(),
            Some("not UTF-8 at line 2, column 12 (byte 0xE9); save the file as UTF-8")
        );
        assert_eq!(
            utf8_problem(b"\xef\xbb\xbf{\xff").as_deref(),
            Some("not UTF-8 at line 1, column 2 (byte 0xFF); save the file as UTF-8")
        );
        assert_eq!(
            utf8_problem(b"\xff").as_deref(),
            Some("not UTF-8 at line 1, column 1 (byte 0xFF); save the file as UTF-8")
        );
    }

    #[test]
    fn quote_escapes_like_json() {
        assert_eq!(quote("a\"b\\c\n\u{1}é"), r#""a\"b\\c\n\u0001é""#);
        assert_eq!(
            parse(&quote("a\"b\\c\n\u{1}é")),
            Ok(Value::String("a\"b\\c\n\u{1}é".into()))
        );
    }
}
