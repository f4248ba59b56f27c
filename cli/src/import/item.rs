//! One imported release, in the shape of a JSON Feed 1.1 item with IOM's `_iom` extension,
//! and the checks that make it one the widget shows.
//!
//! Implementation note: every importer (RSS, Atom, JSON Feed, Markdown, text, HTML) fills an
//! [`Item`]; [`Item::check`] then applies core's rules field by field, so that a bad optional
//! value is dropped (and reported) instead of costing the whole release, and the feed written
//! passes core's validation, the same the widget applies.

use iom_news_core::url::{self, Target};
use iom_news_core::{country, langtag};

use super::countries;
use super::dates;
use super::json::{Json, Object};
use super::report::{Origin, Quoted, Report};

/// An author.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Author {
    /// The author's name.
    pub name: Option<String>,
    /// A page about the author.
    pub url: Option<String>,
    /// The author's picture.
    pub avatar: Option<String>,
}

/// An attached file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attachment {
    /// Its URL.
    pub url: String,
    /// Its media type.
    pub mime_type: String,
    /// A name for it.
    pub title: Option<String>,
    /// Its size.
    pub size_in_bytes: Option<u64>,
}

/// A press contact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// Full name.
    pub name: Option<String>,
    /// Office, e.g. "IOM Beijing".
    pub office: Option<String>,
    /// Phone numbers as written.
    pub phone: Vec<String>,
    /// E-mail address.
    pub email: Option<String>,
}

impl Contact {
    /// Whether the contact says nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.office.is_none()
            && self.phone.is_empty()
            && self.email.is_none()
    }
}

/// The `_iom` extension.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Iom {
    /// The place the release is issued from.
    pub dateline: Option<String>,
    /// ISO 3166-1 alpha-3 codes.
    pub countries: Vec<String>,
    /// IOM region.
    pub region: Option<String>,
    /// "Press Release", "News", ...
    pub release_type: Option<String>,
    /// Caption of the image.
    pub image_caption: Option<String>,
    /// Credit of the image.
    pub image_credit: Option<String>,
    /// "For more information please contact".
    pub contacts: Vec<Contact>,
    /// Language tag to item id or URL.
    pub translations: Vec<(String, String)>,
    /// Fields of `_iom` this version does not know, kept as they were.
    pub extra: Vec<(String, Json)>,
}

/// One imported release.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// Where it came from.
    pub origin: Origin,
    /// What relative URLs in it resolve against, when known.
    pub base: Option<String>,
    /// Unique id.
    pub id: Option<String>,
    /// The release's page.
    pub url: Option<String>,
    /// A page it is about.
    pub external_url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Plain-text summary.
    pub summary: Option<String>,
    /// Body as (sanitized) HTML.
    pub content_html: Option<String>,
    /// Body as text.
    pub content_text: Option<String>,
    /// Main image.
    pub image: Option<String>,
    /// Banner image.
    pub banner_image: Option<String>,
    /// RFC 3339.
    pub date_published: Option<String>,
    /// RFC 3339.
    pub date_modified: Option<String>,
    /// Authors.
    pub authors: Vec<Author>,
    /// Themes.
    pub tags: Vec<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// IOM's extension.
    pub iom: Iom,
    /// Extension fields (`_name`) of the input item, kept as they were.
    pub extra: Vec<(String, Json)>,
}

/// Text with its runs of white space made single spaces, or `None` when nothing is left.
pub fn clean_text(s: &str) -> Option<String> {
    let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Where relative URLs point when nothing says where the feed will live: they are checked
/// against this address and kept relative, and the widget resolves them against the address
/// it loads the feed from.
pub const PLACEHOLDER_BASE: &str = "https://relative.invalid/";

/// A URL checked by core's allow-list: absolute (resolved against `base` when given) or, with
/// no base, relative and kept as written.
pub fn check_url(raw: &str, base: Option<&str>, target: Target) -> Result<String, String> {
    let raw = raw.trim();
    match base {
        Some(base) => url::check(raw, Some(base), target),
        None => {
            let checked = url::check(raw, Some(PLACEHOLDER_BASE), target)?;
            if checked.starts_with(PLACEHOLDER_BASE)
                && !raw.to_ascii_lowercase().starts_with(PLACEHOLDER_BASE)
            {
                Ok(raw.to_string())
            } else {
                Ok(checked)
            }
        }
    }
}

impl Item {
    /// A new item from `origin`.
    pub fn new(origin: Origin) -> Item {
        Item {
            origin,
            ..Item::default()
        }
    }

    /// Where the item is, with its title (or id) to recognise it by.
    pub fn at(&self) -> Origin {
        let mut origin = self.origin.clone();
        if origin.label.is_none() {
            origin.label = self.title.clone().or_else(|| self.id.clone());
        }
        origin
    }

    /// Applies core's rules to every field: a value that fails is dropped (or repaired, when
    /// the repair is certain) and reported as a warning. Returns `false`, with an error, when
    /// the item cannot be shown at all (no id, no body).
    pub fn check(&mut self, report: &mut Report) -> bool {
        let at = self.at();
        let base = self.base.clone();
        let base = base.as_deref();
        for (name, field, target) in [
            ("url", &mut self.url, Target::Web),
            ("external_url", &mut self.external_url, Target::Web),
            ("image", &mut self.image, Target::Web),
            ("banner_image", &mut self.banner_image, Target::Web),
        ] {
            check_url_field(field, base, target, name, &at, report);
        }
        for author in &mut self.authors {
            author.name = author.name.as_deref().and_then(clean_text);
            check_url_field(
                &mut author.url,
                base,
                Target::Link,
                "authors.url",
                &at,
                report,
            );
            check_url_field(
                &mut author.avatar,
                base,
                Target::Web,
                "authors.avatar",
                &at,
                report,
            );
        }
        self.authors
            .retain(|a| a.name.is_some() || a.url.is_some() || a.avatar.is_some());
        self.attachments.retain_mut(|a| {
            match check_url(&a.url, base, Target::Web) {
                Ok(url) => a.url = url,
                Err(e) => {
                    report.warning(&at, format!("attachment left out: {e}"));
                    return false;
                }
            }
            if a.mime_type.trim().is_empty() {
                report.warning(
                    &at,
                    format!("attachment {} left out: it has no media type", a.url),
                );
                return false;
            }
            true
        });
        for (name, field) in [
            ("date_published", &mut self.date_published),
            ("date_modified", &mut self.date_modified),
        ] {
            if let Some(date) = field.take() {
                match dates::from_feed(&date) {
                    Some(good) => {
                        if good != date.trim() {
                            report.note(
                                &at,
                                format!("{name} {date} written as {good}", date = Quoted(&date)),
                            );
                        }
                        *field = Some(good);
                    }
                    None => report.warning(
                        &at,
                        format!(
                            "{name}: {date} is not a date (write e.g. 2026-11-29T10:00:00Z); \
                             the release is imported without it",
                            date = Quoted(&date)
                        ),
                    ),
                }
            }
        }
        if let Some(tag) = self.language.take() {
            match langtag::check(tag.trim()) {
                Ok(()) => self.language = Some(tag.trim().to_string()),
                Err(e) => report.warning(
                    &at,
                    format!("language {tag} left out: {e}", tag = Quoted(&tag)),
                ),
            }
        }
        self.tags = std::mem::take(&mut self.tags)
            .iter()
            .filter_map(|t| clean_text(t))
            .fold(Vec::new(), |mut tags, t| {
                if !tags.contains(&t) {
                    tags.push(t);
                }
                tags
            });
        self.check_iom(&at, report);
        self.title = self.title.as_deref().and_then(clean_text);
        self.summary = self.summary.as_deref().and_then(clean_text);
        self.content_html = self
            .content_html
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(str::to_string);
        if self
            .content_text
            .as_deref()
            .is_some_and(|t| t.trim().is_empty())
        {
            self.content_text = None;
        }
        let mut ok = true;
        if self.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
            report.error(
                &at,
                "no id (no guid, link or title to make one from); left out",
            );
            ok = false;
        }
        if self.content_html.is_none() && self.content_text.is_none() {
            report.error(
                &at,
                "no body (no content, description or text); left out, as the widget would skip it",
            );
            ok = false;
        }
        ok
    }

    fn check_iom(&mut self, at: &Origin, report: &mut Report) {
        let iom = &mut self.iom;
        for field in [
            &mut iom.dateline,
            &mut iom.region,
            &mut iom.release_type,
            &mut iom.image_caption,
            &mut iom.image_credit,
        ] {
            *field = field.as_deref().and_then(clean_text);
        }
        let mut codes: Vec<String> = Vec::new();
        for written in std::mem::take(&mut iom.countries) {
            let code = if written.len() == 3
                && written.chars().all(|c| c.is_ascii_uppercase())
                && country::alpha2(&written).is_some()
            {
                Some(written.clone())
            } else {
                let code = countries::alpha3(&written);
                match code {
                    Some(code) => report.note(
                        at,
                        format!(
                            "country {written} written as {code}",
                            written = Quoted(&written)
                        ),
                    ),
                    None => report.warning(
                        at,
                        format!(
                            "country {written} left out: not a country name or ISO 3166-1 code \
                             known here; write its alpha-3 code, e.g. \"MNG\"",
                            written = Quoted(&written)
                        ),
                    ),
                }
                code.map(str::to_string)
            };
            if let Some(code) = code {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        iom.countries = codes;
        for contact in &mut iom.contacts {
            contact.name = contact.name.as_deref().and_then(clean_text);
            contact.office = contact.office.as_deref().and_then(clean_text);
            contact.phone.retain(|phone| {
                let ok = url::tel_href(phone).is_some();
                if !ok {
                    report.warning(
                        at,
                        format!(
                            "contact phone {phone} left out: not a number that can be dialled",
                            phone = Quoted(phone)
                        ),
                    );
                }
                ok
            });
            if let Some(email) = contact.email.take() {
                match url::mailto_href(&email) {
                    Some(_) => contact.email = Some(email.trim().to_string()),
                    None => report.warning(
                        at,
                        format!("contact e-mail {email} left out: not an address of the form name@domain", email = Quoted(&email)),
                    ),
                }
            }
        }
        iom.contacts.retain(|c| !c.is_empty());
        let base = self.base.as_deref();
        iom.translations.retain_mut(|(lang, target)| {
            if let Err(e) = langtag::check(lang) {
                report.warning(
                    at,
                    format!("translation {lang} left out: {e}", lang = Quoted(lang)),
                );
                return false;
            }
            if target.contains(':') || target.contains('/') {
                match check_url(target, base, Target::Web) {
                    Ok(url) => *target = url,
                    Err(e) => {
                        report.warning(
                            at,
                            format!("translation {lang} left out: {e}", lang = Quoted(lang)),
                        );
                        return false;
                    }
                }
            }
            true
        });
    }

    /// The item as a JSON Feed 1.1 item, fields in the order of the format's documentation.
    pub fn to_json(&self) -> Json {
        let mut item = Object::default();
        item.push("id", self.id.clone());
        item.push("url", self.url.clone());
        item.push("external_url", self.external_url.clone());
        item.push("title", self.title.clone());
        item.push("summary", self.summary.clone());
        item.push("content_html", self.content_html.clone());
        item.push("content_text", self.content_text.clone());
        item.push("image", self.image.clone());
        item.push("banner_image", self.banner_image.clone());
        item.push("date_published", self.date_published.clone());
        item.push("date_modified", self.date_modified.clone());
        let authors: Vec<Json> = self
            .authors
            .iter()
            .map(|a| {
                let mut o = Object::default();
                o.push("name", a.name.clone());
                o.push("url", a.url.clone());
                o.push("avatar", a.avatar.clone());
                Json::Object(o)
            })
            .collect();
        item.push("authors", Json::Array(authors));
        item.push("language", self.language.clone());
        item.push("tags", self.tags.clone());
        let attachments: Vec<Json> = self
            .attachments
            .iter()
            .map(|a| {
                let mut o = Object::default();
                o.push("url", a.url.clone());
                o.push("mime_type", a.mime_type.clone());
                o.push("title", a.title.clone());
                o.push("size_in_bytes", a.size_in_bytes.map(Json::from));
                Json::Object(o)
            })
            .collect();
        item.push("attachments", Json::Array(attachments));
        let iom = &self.iom;
        let mut ext = Object::default();
        ext.push("dateline", iom.dateline.clone());
        ext.push("countries", iom.countries.clone());
        ext.push("region", iom.region.clone());
        ext.push("release_type", iom.release_type.clone());
        ext.push("image_caption", iom.image_caption.clone());
        ext.push("image_credit", iom.image_credit.clone());
        let contacts: Vec<Json> = iom
            .contacts
            .iter()
            .map(|c| {
                let mut o = Object::default();
                o.push("name", c.name.clone());
                o.push("office", c.office.clone());
                o.push("phone", c.phone.clone());
                o.push("email", c.email.clone());
                Json::Object(o)
            })
            .collect();
        ext.push("contacts", Json::Array(contacts));
        let mut translations = Object::default();
        for (lang, target) in &iom.translations {
            translations.push(lang, target.as_str());
        }
        ext.push("translations", translations);
        for (key, value) in &iom.extra {
            ext.set(key, value.clone());
        }
        item.push("_iom", ext);
        for (key, value) in &self.extra {
            item.set(key, value.clone());
        }
        Json::Object(item)
    }
}

fn check_url_field(
    field: &mut Option<String>,
    base: Option<&str>,
    target: Target,
    name: &str,
    at: &Origin,
    report: &mut Report,
) {
    if let Some(raw) = field.take() {
        match check_url(&raw, base, target) {
            Ok(url) => {
                if !url.contains(':') {
                    report.note(
                        at,
                        format!(
                            "{name} {url} kept relative: the widget resolves it against the \
                             feed's own address (give --base URL to make it absolute)",
                            url = Quoted(&url)
                        ),
                    );
                }
                *field = Some(url);
            }
            Err(e) => report.warning(at, format!("{name} left out: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Item {
        let mut item = Item::new(Origin::file("t.txt"));
        item.id = Some("a".into());
        item.content_html = Some("<p>x</p>".into());
        item
    }

    #[test]
    fn drops_bad_fields_and_keeps_the_release() {
        let mut item = item();
        item.image = Some("javascript:alert(1)".into());
        item.date_published = Some("32 Foo 2026".into());
        item.iom.countries = vec!["Mongolia".into(), "MNG".into(), "Atlantis".into()];
        item.iom.contacts = vec![Contact {
            name: Some(" Kieran  Best ".into()),
            email: Some("kgormanbest".into()),
            phone: vec!["call me".into(), "+86 10 8532 5303, Ext. 203".into()],
            ..Contact::default()
        }];
        let mut report = Report::new(false);
        assert!(item.check(&mut report));
        assert_eq!(item.image, None);
        assert_eq!(item.date_published, None);
        assert_eq!(item.iom.countries, ["MNG"]);
        assert_eq!(item.iom.contacts[0].name.as_deref(), Some("Kieran Best"));
        assert_eq!(item.iom.contacts[0].phone, ["+86 10 8532 5303, Ext. 203"]);
        assert_eq!(item.iom.contacts[0].email, None);
        assert!(report.says("image left out: the URL scheme \"javascript:\" is not allowed"));
        assert!(report.says("date_published: \"32 Foo 2026\" is not a date"));
        assert!(report.says("country \"Atlantis\" left out"));
        assert!(report.says("contact phone \"call me\" left out"));
    }

    #[test]
    fn keeps_relative_urls_without_a_base_and_resolves_them_with_one() {
        let mut item = item();
        item.image = Some("img/a.jpg".into());
        assert!(item.check(&mut Report::new(false)));
        assert_eq!(item.image.as_deref(), Some("img/a.jpg"));
        item.base = Some("https://www.iom.int/news/".into());
        assert!(item.check(&mut Report::new(false)));
        assert_eq!(
            item.image.as_deref(),
            Some("https://www.iom.int/news/img/a.jpg")
        );
    }

    #[test]
    fn an_item_without_body_or_id_is_an_error() {
        let mut item = Item::new(Origin::file("t.txt"));
        let mut report = Report::new(false);
        assert!(!item.check(&mut report));
        assert_eq!(report.errors(), 2);
    }
}
