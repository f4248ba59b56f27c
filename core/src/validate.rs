//! Reading and validating a JSON Feed document.
//!
//! Implementation note: the document is read as a generic JSON value and walked by hand, so
//! that every problem carries its JSON path and a message a person can act on. A wrong field
//! is left out and reported, and its release shown without it; only an item with nothing to
//! show (no id, or nothing to read) is skipped and reported; only a problem with the feed
//! itself (not JSON, not an object, wrong version, no items) fails the whole feed. Nothing
//! here panics.

use crate::json::{self, Map, Value};

use crate::feed::{
    Attachment, Author, Contact, Feed, FeedError, IomExtension, Parsed, Problem, Release, Skipped,
};
use crate::url::Target;
use crate::{country, date, langtag, quoted, url};

/// Whether every field is read, or only those the widget shows.
///
/// Implementation note: the CLI (`iom-news validate`, `import`) checks every field of JSON Feed
/// and `_iom` (feature `all-fields`, core's default). The widget builds core without it and
/// reads only the fields it shows, so that the code for authors, attachments and the other
/// fields readers never see stays out of its wasm; a problem in one of those changes nothing
/// a reader sees, and `validate` still reports it.
const ALL_FIELDS: bool = cfg!(feature = "all-fields");

/// The version URLs this reader understands.
const VERSIONS: [&str; 2] = [
    "https://jsonfeed.org/version/1.1",
    "https://jsonfeed.org/version/1",
];

/// The fields of `_iom`, for the warning about unknown ones.
const IOM_FIELDS: [&str; 8] = [
    "dateline",
    "countries",
    "region",
    "release_type",
    "image_caption",
    "image_credit",
    "contacts",
    "translations",
];

impl Feed {
    /// Parses and validates a JSON Feed document whose relative URLs resolve against its own
    /// `feed_url` (and fail when it has none).
    pub fn parse(text: &str) -> Result<Parsed, FeedError> {
        Feed::parse_with_base(text, None)
    }

    /// The feed's `home_page_url` (made absolute against `feed_url`, else `base`, and passing
    /// the URL allow-list) from a document that may be unusable as a feed (a wrong version, no
    /// items): where readers can still find the news when it cannot be shown. `None` when the
    /// text is not a JSON object or has no usable home page.
    pub fn home_page_of(text: &str, base: Option<&str>) -> Option<String> {
        let document = json::parse_document(text, Some("items")).ok()?;
        let Value::Object(root) = document.root else {
            return None;
        };
        let check = |key: &str, base: Option<&str>| {
            let raw = root.get(key)?.as_str()?;
            url::check(raw, base, Target::Web).ok()
        };
        let feed_url = check("feed_url", base);
        check("home_page_url", feed_url.as_deref().or(base))
    }

    /// Parses and validates a JSON Feed document. Relative URLs resolve against the feed's
    /// `feed_url` when it is absolute, else against `base` (where the file was fetched from).
    ///
    /// A problem with the feed itself fails it; a wrong field is left out with a warning in
    /// [`Parsed::warnings`]; an item with nothing to show is reported in
    /// [`Parsed::skipped`]. Never panics, whatever the input.
    pub fn parse_with_base(text: &str, base: Option<&str>) -> Result<Parsed, FeedError> {
        // The items are read one at a time, below, so that the whole document's tree never
        // sits in memory beside the feed made from it.
        let syntax = |e: json::Error| FeedError::Syntax {
            line: e.line,
            column: e.column,
            message: e.message,
        };
        let document = json::parse_document(text, Some("items")).map_err(syntax)?;
        let Value::Object(root) = document.root else {
            return Err(FeedError::NotAnObject);
        };
        let version = match root.get("version") {
            Some(Value::String(v)) if VERSIONS.contains(&v.as_str()) => v.clone(),
            Some(Value::String(v)) => {
                return Err(FeedError::Version {
                    found: Some(quoted(v)),
                })
            }
            Some(other) => {
                return Err(FeedError::Version {
                    found: Some(kind(other).into()),
                })
            }
            None => return Err(FeedError::Version { found: None }),
        };
        let (Some(Value::Array(_)), Some(raw_items)) = (root.get("items"), document.deferred)
        else {
            return Err(FeedError::NoItems);
        };

        let mut top = Reader::new(base);
        // The feed's own URL is the base for the rest, when it is absolute.
        let feed_url = top.url(&root, "", "feed_url", Target::Web);
        let base_owned = feed_url.clone().or_else(|| base.map(str::to_string));
        top.base = base_owned.as_deref();
        let title = top.string(&root, "", "title");
        if Reader::get(&root, "title").is_none() {
            top.warn(
                "title",
                "missing; every feed needs a \"title\", e.g. \"IOM News\"",
            );
        }
        let mut next_url = top.url(&root, "", "next_url", Target::Web);
        if next_url.is_some() && next_url == feed_url {
            top.warn(
                "next_url",
                "is the same as \"feed_url\", so the next page would be this page again; \
                 point it at the next page or remove it",
            );
            next_url = None;
        }
        let mut feed = Feed {
            version,
            title,
            home_page_url: top.url(&root, "", "home_page_url", Target::Web),
            feed_url,
            description: ALL_FIELDS
                .then(|| top.string(&root, "", "description"))
                .flatten(),
            user_comment: ALL_FIELDS
                .then(|| top.string(&root, "", "user_comment"))
                .flatten(),
            next_url,
            icon: ALL_FIELDS
                .then(|| top.url(&root, "", "icon", Target::Web))
                .flatten(),
            favicon: ALL_FIELDS
                .then(|| top.url(&root, "", "favicon", Target::Web))
                .flatten(),
            authors: if ALL_FIELDS {
                top.authors(&root, "")
            } else {
                Vec::new()
            },
            language: top.language(&root, "", "language"),
            expired: ALL_FIELDS && top.boolean(&root, "", "expired").unwrap_or(false),
            items: Vec::with_capacity(raw_items.len()),
        };
        // Feed-level problems drop the field they are about; they do not fail the feed.
        let mut warnings = std::mem::take(&mut top.errors);
        warnings.append(&mut top.warnings);

        let mut skipped = Vec::new();
        // The position in `items` of each release kept so far.
        let mut positions = Vec::new();
        for (index, span) in raw_items.into_iter().enumerate() {
            // The first pass checked the text; only an item nested too deeply to read is left.
            let raw = match json::parse_span(text, span) {
                Ok(raw) => raw,
                Err(e) => {
                    skipped.push(Skipped {
                        index,
                        id: None,
                        problems: vec![Problem {
                            path: format!("items[{index}]"),
                            message: format!(
                                "cannot be read: {} (line {}, column {}); an item may nest \
                                 lists and objects at most {} deep",
                                e.message,
                                e.line,
                                e.column,
                                json::MAX_DEPTH - 2
                            ),
                        }],
                    });
                    continue;
                }
            };
            let mut reader = Reader::new(top.base);
            let release = reader.item(index, &raw);
            let id = reader.id.clone();
            match release {
                Some(mut release) if reader.fatal.is_empty() => {
                    warnings.append(&mut reader.warnings);
                    // A wrong field is left out, and the release shown without it.
                    warnings.extend(reader.errors.into_iter().map(|mut problem| {
                        problem
                            .message
                            .push_str("; the release is shown without it");
                        problem
                    }));
                    // JSON Feed: an item without a language is in the feed's.
                    if release.language.is_none() {
                        release.language.clone_from(&feed.language);
                    }
                    positions.push(index);
                    feed.items.push(release);
                }
                // Everything wrong with a skipped item is said with it.
                _ => skipped.push(Skipped {
                    index,
                    id,
                    problems: reader
                        .fatal
                        .into_iter()
                        .chain(reader.errors)
                        .chain(reader.warnings)
                        .collect(),
                }),
            }
        }
        let skipped = skip_repeated_ids(&mut feed.items, &positions, skipped);
        Ok(Parsed {
            feed,
            skipped,
            warnings,
        })
    }
}

/// Takes out of `items` each release whose id an earlier one has, adding it to `skipped` in
/// feed order (`positions` are the items' places in the feed, as `skipped`'s indexes are).
fn skip_repeated_ids(
    items: &mut Vec<Release>,
    positions: &[usize],
    skipped: Vec<Skipped>,
) -> Vec<Skipped> {
    let ids: Vec<&str> = items.iter().map(|r| r.id.as_str()).collect();
    let repeated = crate::repeats(&ids);
    if !repeated.contains(&true) {
        return skipped;
    }
    let mut repeats = Vec::new();
    let mut i = 0;
    items.retain(|release| {
        let keep = !repeated[i];
        if !keep {
            let index = positions[i];
            repeats.push(Skipped {
                index,
                id: Some(release.id.clone()),
                problems: vec![Problem {
                    path: format!("items[{index}].id"),
                    message: format!(
                        "the id {} is already used by an earlier item; every item needs its own id",
                        quoted(&release.id)
                    ),
                }],
            });
        }
        i += 1;
        keep
    });
    // Both lists are in feed order: merge them.
    let mut merged = Vec::with_capacity(skipped.len() + repeats.len());
    let (mut a, mut b) = (
        skipped.into_iter().peekable(),
        repeats.into_iter().peekable(),
    );
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.index < y.index => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        merged.extend(next);
    }
    merged
}

/// How a JSON value is described to a person.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads fields, collecting problems with their paths.
struct Reader<'a> {
    /// What relative URLs resolve against.
    base: Option<&'a str>,
    /// Problems that make an item unusable: it has no id, or nothing to read.
    fatal: Vec<Problem>,
    /// Problems with a field, which is left out (the item is used without it).
    errors: Vec<Problem>,
    /// Problems worth fixing that change nothing.
    warnings: Vec<Problem>,
    /// The id of the item being read, once known.
    id: Option<String>,
}

impl<'a> Reader<'a> {
    fn new(base: Option<&'a str>) -> Self {
        Reader {
            base,
            fatal: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            id: None,
        }
    }

    /// A field that is wrong: it is left out.
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// A problem that leaves nothing to show: the item is skipped.
    fn fatal(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.fatal.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// The value of an optional field; `null` counts as absent.
    fn get<'v>(obj: &'v Map, key: &str) -> Option<&'v Value> {
        obj.get(key).filter(|v| !v.is_null())
    }

    /// An optional text field; empty text counts as absent.
    fn string(&mut self, obj: &Map, path: &str, key: &str) -> Option<String> {
        match Self::get(obj, key)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(
                    join(path, key),
                    format!("must be text in quotes, not {}", kind(other)),
                );
                None
            }
        }
    }

    fn boolean(&mut self, obj: &Map, path: &str, key: &str) -> Option<bool> {
        match Self::get(obj, key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    join(path, key),
                    format!(
                        "must be true or false (without quotes), not {}",
                        kind(other)
                    ),
                );
                None
            }
        }
    }

    fn url(&mut self, obj: &Map, path: &str, key: &str, target: Target) -> Option<String> {
        let raw = self.string(obj, path, key)?;
        match url::check(&raw, self.base, target) {
            Ok(url) => Some(url),
            Err(message) => {
                self.error(join(path, key), message);
                None
            }
        }
    }

    fn date(&mut self, obj: &Map, path: &str, key: &str) -> Option<String> {
        let raw = self.string(obj, path, key)?;
        if date::is_rfc3339(&raw) {
            return Some(raw);
        }
        let hint = if raw.len() == 10 && date::is_rfc3339(&format!("{raw}T00:00:00Z")) {
            format!("add a time and zone: {raw}T10:00:00Z")
        } else {
            "write e.g. 2026-11-29T10:00:00Z (date, T, time, and Z or an offset such as +01:00)"
                .into()
        };
        self.error(
            join(path, key),
            format!("not an RFC 3339 date: {}; {hint}", quoted(&raw)),
        );
        None
    }

    fn language(&mut self, obj: &Map, path: &str, key: &str) -> Option<String> {
        let raw = self.string(obj, path, key)?;
        match langtag::check(&raw) {
            Ok(()) => Some(raw),
            Err(message) => {
                self.error(join(path, key), message);
                None
            }
        }
    }

    fn list<'v>(&mut self, obj: &'v Map, path: &str, key: &str) -> &'v [Value] {
        match Self::get(obj, key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.error(
                    join(path, key),
                    format!(
                        "must be a list in square brackets, [ ... ], not {}",
                        kind(other)
                    ),
                );
                &[]
            }
        }
    }

    fn strings(&mut self, obj: &Map, path: &str, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, value) in self.list(obj, path, key).iter().enumerate() {
            match value {
                Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                Value::String(_) => {
                    self.error(format!("{}[{i}]", join(path, key)), "is empty; remove it")
                }
                other => self.error(
                    format!("{}[{i}]", join(path, key)),
                    format!("must be text in quotes, not {}", kind(other)),
                ),
            }
        }
        out
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.error(
                    path,
                    format!(
                        "must be an object in braces, {{ ... }}, not {}",
                        kind(other)
                    ),
                );
                None
            }
        }
    }

    fn authors(&mut self, obj: &Map, path: &str) -> Vec<Author> {
        let mut authors = Vec::new();
        for (i, value) in self.list(obj, path, "authors").iter().enumerate() {
            let p = format!("{}[{i}]", join(path, "authors"));
            if let Some(author) = self.author(value, &p) {
                authors.push(author);
            }
        }
        // JSON Feed 1.0's single `author`, used when there is no `authors`.
        if let Some(value) = Self::get(obj, "author") {
            let author = self.author(value, &join(path, "author"));
            if authors.is_empty() {
                authors.extend(author);
            }
        }
        authors
    }

    fn author(&mut self, value: &Value, path: &str) -> Option<Author> {
        let obj = self.object(value, path)?;
        let author = Author {
            name: self.string(obj, path, "name"),
            url: self.url(obj, path, "url", Target::Link),
            avatar: self.url(obj, path, "avatar", Target::Web),
        };
        if author == Author::default()
            && ["name", "url", "avatar"]
                .iter()
                .all(|k| !obj.contains_key(k))
        {
            self.error(
                path,
                "an author needs at least a \"name\", \"url\" or \"avatar\"",
            );
            return None;
        }
        Some(author)
    }

    fn item(&mut self, index: usize, value: &Value) -> Option<Release> {
        let path = format!("items[{index}]");
        let Value::Object(obj) = value else {
            self.fatal(
                &path,
                format!(
                    "must be an object in braces, {{ ... }}, not {}",
                    kind(value)
                ),
            );
            return None;
        };
        // JSON Feed asks readers to accept a number as id and use its string form.
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.as_str().to_string(),
            Some(Value::String(_)) => {
                self.fatal(format!("{path}.id"), "is empty; give the item a unique id");
                String::new()
            }
            Some(other) => {
                self.fatal(
                    format!("{path}.id"),
                    format!("must be text such as \"iom-2026-001\", not {}", kind(other)),
                );
                String::new()
            }
            None => {
                self.fatal(
                    format!("{path}.id"),
                    "missing; every item needs a unique \"id\"",
                );
                String::new()
            }
        };
        if !id.is_empty() {
            self.id = Some(id.clone());
        }
        let mut content_html = self.string(obj, &path, "content_html");
        let content_text = self.string(obj, &path, "content_text");
        let title = self.string(obj, &path, "title");
        let summary = self.string(obj, &path, "summary");
        // A body that shows nothing (`<p> </p>`, only removed elements) is no body when it is
        // all there is to read (checked only then: it costs a pass over the body).
        if title.is_none() && summary.is_none() && content_text.is_none() {
            content_html = content_html.filter(|html| !shows_nothing(html));
        }
        if content_html.is_none() && content_text.is_none() {
            let given = |k: &str| Self::get(obj, k).is_some();
            let what = if given("content_html") || given("content_text") {
                "has no usable body"
            } else {
                "has no body"
            };
            // JSON Feed requires a body; a release with a title or summary can still be shown.
            let message = format!("{what}: JSON Feed needs \"content_html\" or \"content_text\"");
            if title.is_none() && summary.is_none() {
                self.fatal(
                    format!("{path}.content_html"),
                    format!("{message}, and without a title or summary there is nothing to read"),
                );
            } else {
                self.warn(
                    format!("{path}.content_html"),
                    format!("{message}; shown with its title and summary only"),
                );
            }
        }
        let mut tags = self.strings(obj, &path, "tags");
        let folded: Vec<String> = tags.iter().map(|t| crate::fold::lowercase(t)).collect();
        let keys: Vec<&str> = folded.iter().map(String::as_str).collect();
        let mut repeated = crate::repeats(&keys).into_iter();
        tags.retain(|_| !repeated.next().unwrap_or(false));
        let mut attachments = Vec::new();
        let listed = if ALL_FIELDS {
            self.list(obj, &path, "attachments")
        } else {
            &[]
        };
        for (i, value) in listed.iter().enumerate() {
            if let Some(a) = self.attachment(value, &format!("{path}.attachments[{i}]")) {
                attachments.push(a);
            }
        }
        let iom = match Self::get(obj, "_iom") {
            Some(value) => self.iom(value, &format!("{path}._iom")),
            None => IomExtension::default(),
        };
        Some(Release {
            id,
            url: self.url(obj, &path, "url", Target::Web),
            external_url: ALL_FIELDS
                .then(|| self.url(obj, &path, "external_url", Target::Web))
                .flatten(),
            title,
            summary,
            content_html,
            content_text,
            image: self.url(obj, &path, "image", Target::Web),
            banner_image: ALL_FIELDS
                .then(|| self.url(obj, &path, "banner_image", Target::Web))
                .flatten(),
            date_published: self.date(obj, &path, "date_published"),
            date_modified: ALL_FIELDS
                .then(|| self.date(obj, &path, "date_modified"))
                .flatten(),
            authors: if ALL_FIELDS {
                self.authors(obj, &path)
            } else {
                Vec::new()
            },
            tags,
            language: self.language(obj, &path, "language"),
            attachments,
            iom,
        })
    }

    fn attachment(&mut self, value: &Value, path: &str) -> Option<Attachment> {
        let obj = self.object(value, path)?;
        let url = self.url(obj, path, "url", Target::Web);
        if !obj.contains_key("url") {
            self.error(
                join(path, "url"),
                "missing; an attachment needs the file's \"url\"",
            );
        }
        let mime_type = self.string(obj, path, "mime_type");
        match &mime_type {
            Some(m) if m.contains('/') && !m.contains(' ') => {}
            Some(m) => self.error(
                join(path, "mime_type"),
                format!(
                    "not a media type: {}; write e.g. \"application/pdf\"",
                    quoted(m)
                ),
            ),
            None => self.error(
                join(path, "mime_type"),
                "missing; an attachment needs its \"mime_type\", e.g. \"application/pdf\"",
            ),
        }
        let size_in_bytes = self.whole_number(obj, path, "size_in_bytes");
        let duration_in_seconds = self.whole_number(obj, path, "duration_in_seconds");
        Some(Attachment {
            url: url?,
            mime_type: mime_type?,
            title: self.string(obj, path, "title"),
            size_in_bytes,
            duration_in_seconds,
        })
    }

    /// A non-negative number, rounded to a whole one.
    fn whole_number(&mut self, obj: &Map, path: &str, key: &str) -> Option<u64> {
        match Self::get(obj, key)? {
            Value::Number(n) => n.rounded_whole().or_else(|| {
                self.error(join(path, key), "must be a number of 0 or more");
                None
            }),
            other => {
                self.error(
                    join(path, key),
                    format!("must be a number (without quotes), not {}", kind(other)),
                );
                None
            }
        }
    }

    fn iom(&mut self, value: &Value, path: &str) -> IomExtension {
        let Some(obj) = self.object(value, path) else {
            return IomExtension::default();
        };
        for key in obj.keys() {
            if !IOM_FIELDS.contains(&key.as_str()) && !key.starts_with('_') {
                let hint = IOM_FIELDS
                    .iter()
                    .find(|known| {
                        known
                            .replace('_', "")
                            .eq_ignore_ascii_case(&key.replace(['_', '-'], ""))
                    })
                    .map_or_else(
                        || format!("the known fields are {}", IOM_FIELDS.join(", ")),
                        |known| format!("did you mean \"{known}\"?"),
                    );
                self.warn(join(path, key), format!("unknown field, ignored; {hint}"));
            }
        }
        let mut countries = Vec::new();
        for (i, code) in self.strings(obj, path, "countries").into_iter().enumerate() {
            match country_problem(&code) {
                None => countries.push(code),
                Some(message) => self.error(format!("{path}.countries[{i}]"), message),
            }
        }
        let mut contacts = Vec::new();
        for (i, value) in self.list(obj, path, "contacts").iter().enumerate() {
            if let Some(contact) = self.contact(value, &format!("{path}.contacts[{i}]")) {
                contacts.push(contact);
            }
        }
        IomExtension {
            dateline: self.string(obj, path, "dateline"),
            countries,
            region: self.string(obj, path, "region"),
            release_type: ALL_FIELDS
                .then(|| self.string(obj, path, "release_type"))
                .flatten(),
            image_caption: self.string(obj, path, "image_caption"),
            image_credit: self.string(obj, path, "image_credit"),
            contacts,
            translations: self.translations(obj, path),
        }
    }

    fn contact(&mut self, value: &Value, path: &str) -> Option<Contact> {
        let obj = self.object(value, path)?;
        let given = match Self::get(obj, "phone") {
            // One number may be given as text instead of a list.
            Some(Value::String(s)) => vec![s.clone()],
            _ => self.strings(obj, path, "phone"),
        };
        let single = matches!(obj.get("phone"), Some(Value::String(_)));
        let mut phone = Vec::with_capacity(given.len());
        for (i, number) in given.into_iter().enumerate() {
            if url::tel_href(&number).is_some() {
                phone.push(number);
                continue;
            }
            let p = if single {
                join(path, "phone")
            } else {
                format!("{path}.phone[{i}]")
            };
            self.error(
                p,
                format!(
                    "not a phone number that can be dialled: {}; write digits with an optional \
                     leading + and extension, e.g. \"+41 22 717 9111, ext. 203\"",
                    quoted(&number)
                ),
            );
        }
        let mut email = self.string(obj, path, "email");
        if let Some(address) = email.take_if(|a| url::mailto_href(a).is_none()) {
            self.error(
                join(path, "email"),
                format!(
                    "not an e-mail address: {}; write it as name@iom.int",
                    quoted(&address)
                ),
            );
        }
        let contact = Contact {
            name: self.string(obj, path, "name"),
            office: self.string(obj, path, "office"),
            phone,
            email,
        };
        if contact == Contact::default() {
            self.error(
                path,
                "a contact needs at least a \"name\", \"office\", \"phone\" or \"email\"",
            );
            return None;
        }
        Some(contact)
    }

    /// One per language tag (the object's names are unique), in the feed's order.
    fn translations(&mut self, obj: &Map, path: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Some(value) = Self::get(obj, "translations") else {
            return out;
        };
        let p = join(path, "translations");
        let Some(map) = self.object(value, &p) else {
            return out;
        };
        for (lang, target) in map.iter() {
            let entry = format!("{p}.{lang}");
            if let Err(message) = langtag::check(lang) {
                self.error(&entry, message);
                continue;
            }
            let Some(target) = target.as_str().filter(|t| !t.trim().is_empty()) else {
                self.error(
                    &entry,
                    format!(
                        "must be the id or URL of the release in that language, as text, not {}",
                        if target.is_string() {
                            "empty text"
                        } else {
                            kind(target)
                        }
                    ),
                );
                continue;
            };
            // An id is used as it is; anything that looks like a URL must be a good one.
            let looks_like_url = target.contains(':') || target.starts_with(['/', '.']);
            if looks_like_url {
                match url::check(target, self.base, Target::Web) {
                    Ok(url) => out.push((lang.clone(), url)),
                    Err(message) => self.error(&entry, message),
                }
            } else {
                out.push((lang.clone(), target.to_string()));
            }
        }
        out
    }
}

/// What is wrong with a country code, if anything.
fn country_problem(code: &str) -> Option<String> {
    let upper = code.to_ascii_uppercase();
    match country::alpha2(&upper) {
        Some(_) if upper == code => None,
        Some(_) => Some(format!(
            "write country codes in capitals: {}, not {}",
            quoted(&upper),
            quoted(code)
        )),
        None => Some(match country::alpha3_for_alpha2(code) {
            Some(three) => format!(
                "{} is a two-letter code; write the three-letter ISO 3166-1 alpha-3 code {}",
                quoted(code),
                quoted(three)
            ),
            None => format!(
                "not an ISO 3166-1 alpha-3 country code: {}; write three capital letters \
                 such as \"MNG\" (Mongolia) or \"SEN\" (Senegal)",
                quoted(code)
            ),
        }),
    }
}

/// Whether an HTML body shows a reader nothing: no text the allow-list keeps, and no image.
fn shows_nothing(html: &str) -> bool {
    crate::html::searchable_text(html).trim().is_empty()
        && !crate::html::tokens(html)
            .any(|token| matches!(token, crate::html::Token::Start(tag) if tag.name == "img"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_whose_only_body_shows_nothing_is_skipped() {
        let feed = |items: &str| {
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{items}]}}"#
            )
        };
        let text = feed(
            r#"{"id":"blank","content_html":"<p> </p><script>x()</script>"},
               {"id":"image","content_html":"<p><img src='https://x.example/a.jpg' alt='A camp'></p>"},
               {"id":"titled","title":"A title","content_html":"<p> </p>"},
               {"id":"text","content_html":"<p>Words</p>"}"#,
        );
        let parsed = Feed::parse_with_base(&text, Some("https://x.example/f.json")).unwrap();
        let ids: Vec<&str> = parsed.feed.items.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["image", "titled", "text"]);
        assert_eq!(parsed.skipped.len(), 1);
        assert!(
            parsed.skipped[0].problems[0]
                .message
                .contains("nothing to read"),
            "{:?}",
            parsed.skipped[0].problems
        );
    }

    #[test]
    fn home_page_of_an_unusable_feed() {
        let base = Some("https://office.example/data/news.json");
        let wrong_version =
            r#"{"version":"2","home_page_url":"https://office.example/news","items":[]}"#;
        assert!(Feed::parse_with_base(wrong_version, base).is_err());
        assert_eq!(
            Feed::home_page_of(wrong_version, base).as_deref(),
            Some("https://office.example/news")
        );
        // Relative, against feed_url, else where the file came from.
        assert_eq!(
            Feed::home_page_of(r#"{"home_page_url":"../news/"}"#, base).as_deref(),
            Some("https://office.example/news/")
        );
        assert_eq!(
            Feed::home_page_of(
                r#"{"feed_url":"https://cdn.example/f.json","home_page_url":"/n"}"#,
                base
            )
            .as_deref(),
            Some("https://cdn.example/n")
        );
        for unusable in [
            r#"{"home_page_url":"javascript:alert(1)"}"#,
            r#"{"home_page_url":5}"#,
            r#"["https://office.example/news"]"#,
            "not json",
            "",
        ] {
            assert_eq!(Feed::home_page_of(unusable, base), None, "{unusable}");
        }
    }

    #[test]
    fn explains_country_codes() {
        assert_eq!(country_problem("MNG"), None);
        assert_eq!(
            country_problem("mng").as_deref(),
            Some("write country codes in capitals: \"MNG\", not \"mng\"")
        );
        assert_eq!(
            country_problem("MN").as_deref(),
            Some("\"MN\" is a two-letter code; write the three-letter ISO 3166-1 alpha-3 code \"MNG\"")
        );
        assert!(country_problem("Mongolia")
            .unwrap()
            .starts_with("not an ISO 3166-1 alpha-3"));
    }
}
