//! Press releases as people write them: the IOM fields a body carries (the dateline in front
//! of the first paragraph, the "For more information please contact:" block at the end), and
//! a release written as plain text (a Word document saved as text, or a scraped page whose
//! site navigation comes first).

use std::sync::LazyLock;

use regex::Regex;

use super::countries;
use super::dates;
use super::item::{clean_text, Contact, Item};
use super::report::{Origin, Quoted, Report};
use super::sanitize::{text_paragraphs_html, Body};

/// A summary is made from the first paragraph when the input gives none and that paragraph is
/// a lede of at most this many characters (a longer one would be shown twice over in a card).
const SUMMARY_MAX: usize = 400;

/// The line that opens a contact block, as IOM's releases write it in the six UN languages:
/// "For more information please contact:", "Pour plus d'informations, veuillez contacter :",
/// "Para más información, póngase en contacto con:", "Для получения дополнительной информации
/// обращайтесь:", "欲了解更多信息，请联系：", "لمزيد من المعلومات، يرجى الاتصال بـ:", and the
/// shorter "Media contacts:", "Contacts presse :", "Contacto:", "Контакты:", "媒体联系人：".
static CONTACT_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(",
        r"for (more|further) (information|details)\b[^:：\n]*",
        r"|(media|press) contacts?\b[^:：\n]*|contacts?",
        r"|pour (plus d['’]informations?|de plus amples informations?|toute (information|demande))\b[^:：\n]*",
        r"|contacts? (presse|médias?|pour les médias)\b[^:：\n]*",
        r"|para (más|mas|mayor|obtener más) información\b[^:：\n]*",
        r"|contactos?( de prensa| para (los )?medios)?",
        r"|для (получения )?(дополнительной|более подробной) информации[^:：\n]*",
        r"|контакты( для сми)?",
        r"|(欲|如需|如欲)?(了解|获取|獲取|瞭解)?更多(信息|资讯|資訊|详情|詳情)[^:：\n]*联[系繫][^:：\n]*",
        r"|媒体联系人?|媒體聯絡人?|联系人|聯絡人",
        r"|(لمزيد|للمزيد) من (المعلومات|التفاصيل)[^:：\n]*",
        r"|(جهات|جهة) (الاتصال|الإتصال)[^:：\n]*",
        r")\s*([:：]|$)",
    ))
    .expect("a valid pattern")
});

/// A label inside a contact block, in the six UN languages: a phone ("Tel:", "Tél. :", "Mobile",
/// "Portable", "Móvil", "Тел.:", "电话：", "هاتف:"), an e-mail address ("Email:", "Courriel :",
/// "Correo electrónico:", "Электронная почта:", "电子邮件：", "البريد الإلكتروني:") or a fax.
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(\b(",
        r"tel(ephone|éphone|éfono|efono)?|tél(éphone)?|phone|mob(ile)?|móvil|movil|portable",
        r"|cel(l|lphone|ular)?|fax|e-?mail|courriel|correo( electr[oó]nico)?",
        r"|тел(ефон)?|моб(ильный)?|факс|(электронная|эл\.?) ?почта",
        r"|(ال)?(هاتف|جوال|محمول|فاكس)|(ال)?بريد( ال)?إلكتروني",
        r")\b|电话|電話|手机|手機|传真|傳真|电子邮件|電子郵件|电邮|電郵|邮箱|郵箱",
        r")\.?\s*[:：]?",
    ))
    .expect("a valid pattern")
});

/// What a contact label labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Phone,
    Email,
    Fax,
}

impl Label {
    fn of(label: &str) -> Label {
        let label = label.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
        if has(&[
            "mail",
            "courriel",
            "correo",
            "почта",
            "邮件",
            "郵件",
            "电邮",
            "電郵",
            "邮箱",
            "郵箱",
            "بريد",
        ]) {
            Label::Email
        } else if has(&["fax", "факс", "传真", "傳真", "فاكس"]) {
            Label::Fax
        } else {
            Label::Phone
        }
    }
}

/// The words that name IOM, or one of its offices, in a contact ("IOM Dakar", "OIM Genève",
/// "МОМ", "国际移民组织", "المنظمة الدولية للهجرة"), so that a line holding one is an office.
const OFFICE_WORDS: [&str; 16] = [
    "Office",
    "Mission",
    "Headquarters",
    "Bureau",
    "Siège",
    "Oficina",
    "Misión",
    "Sede",
    "Представительство",
    "Бюро",
    "国际移民组织",
    "國際移民組織",
    "办事处",
    "辦事處",
    "المنظمة الدولية للهجرة",
    "مكتب",
];

/// How a line names where a contact is before the contact itself: "In Geneva:", "À Genève :",
/// "En Ginebra:", "В Женеве:".
const WHERE_WORDS: [&str; 5] = ["In ", "À ", "A ", "En ", "В "];

/// An e-mail address (the ASCII form press releases use).
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+").expect("a valid pattern")
});

/// The end of a release in a text file: "###", "-ENDS-".
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(#{3,}|-+\s*ends?\s*-+|ends)\s*$").expect("a valid pattern")
});

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dateline {
    /// The place, as written ("Ulaanbaatar", "Washington, D.C."), without country names that
    /// follow it.
    pub place: String,
    /// The countries named in it, as alpha-3 codes.
    pub countries: Vec<String>,
    /// A day written in it, as RFC 3339 (noon UTC).
    pub date: Option<String>,
    /// How many characters of the text it takes, with its dash.
    pub length: usize,
}

/// Words that may stand lower-case in a place name ("Port-au-Prince", "Rio de Janeiro").
const PLACE_PARTICLES: [&str; 16] = [
    "de", "del", "du", "des", "la", "le", "les", "al", "el", "au", "of", "the", "and", "y", "da",
    "do",
];

/// The dateline at the start of `text`: "CITY –", "CITY, Country –", "CITY, 4 August 2009 –"
/// (any dash: -, –, —; a hyphen needs spaces around it).
pub fn dateline(text: &str) -> Option<Dateline> {
    let (prefix, length) = dash_prefix(text)?;
    let prefix = prefix.trim();
    if prefix.is_empty() || prefix.chars().count() > 80 {
        return None;
    }
    if prefix
        .chars()
        .any(|c| matches!(c, ':' | ';' | '!' | '?' | '"' | '“' | '”' | '(' | ')'))
    {
        return None;
    }
    let mut place: Vec<&str> = Vec::new();
    let mut found = Dateline {
        length,
        ..Dateline::default()
    };
    let segments: Vec<&str> = prefix.split([',', '/']).map(str::trim).collect();
    for segment in &segments {
        if segment.is_empty() {
            return None;
        }
        if let Some(day) = dates::day(segment) {
            found.date = Some(format!("{}T12:00:00Z", day.format("%Y-%m-%d")));
            continue;
        }
        let words: Vec<&str> = segment.split_whitespace().collect();
        let place_like = words.len() <= 4
            && words.iter().all(|w| {
                let w = w.trim_start_matches(['\'', '‘', '’']);
                // "Côte d'Ivoire".
                let w = ["d'", "d’", "l'", "l’"]
                    .iter()
                    .find_map(|p| w.strip_prefix(p))
                    .unwrap_or(w);
                let first = w.chars().next();
                first.is_some_and(char::is_uppercase)
                    || PLACE_PARTICLES.contains(&w.to_lowercase().as_str())
                    || w.contains('-')
            });
        let country = countries::alpha3(segment)
            .filter(|_| !place.is_empty() || segments.len() == 1)
            .filter(|_| segment.chars().next().is_some_and(char::is_uppercase));
        // A country's name may have lower-case words ("République démocratique du Congo").
        if !place_like && country.is_none() {
            return None;
        }
        match country {
            Some(code) => {
                if !found.countries.iter().any(|c| c == code) {
                    found.countries.push(code.to_string());
                }
                if segments.len() == 1 {
                    place.push(segment);
                }
            }
            None => place.push(segment),
        }
    }
    if place.is_empty() {
        return None;
    }
    found.place = place.join(", ");
    Some(found)
}

/// The text before the first dash that separates a dateline, and the length in characters up
/// to the end of the dash.
fn dash_prefix(text: &str) -> Option<(&str, usize)> {
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    let mut previous = ' ';
    while let Some((i, c)) = chars.next() {
        count += 1;
        if c == '\n' || count > 100 {
            return None;
        }
        let next = chars.peek().map(|(_, c)| *c);
        let dash = match c {
            '–' | '—' => true,
            '-' => previous.is_whitespace() && next.is_some_and(|n| n.is_whitespace() || n == '-'),
            _ => false,
        };
        if dash {
            let mut length = count;
            // "--" counts as one dash.
            if c == '-' && next == Some('-') {
                chars.next();
                length += 1;
            }
            return Some((&text[..i], length));
        }
        previous = c;
    }
    None
}

/// Reads the contacts of a contact block's lines (the marker line removed).
pub fn contacts(lines: &[String]) -> Vec<Contact> {
    let mut contacts = Vec::new();
    let mut current = Contact::default();
    let mut email_next = false;
    let complete = |c: &Contact| !c.phone.is_empty() || c.email.is_some();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                contacts.push(std::mem::take(&mut current));
            }
            continue;
        }
        // "In Geneva: ..." names where the contact is, not who.
        let line = match line.split_once([':', '：']) {
            Some((head, rest))
                if WHERE_WORDS.iter().any(|w| head.trim().starts_with(w))
                    && head.chars().count() < 40
                    && !CONTACT_LABEL.is_match(head) =>
            {
                rest.trim()
            }
            _ => line,
        };
        let labels: Vec<_> = CONTACT_LABEL.find_iter(line).collect();
        let plain_end = labels.first().map_or(line.len(), |m| m.start());
        let plain = line[..plain_end]
            .trim()
            .trim_matches([',', ';', '|', '،', '，', '、'])
            .trim();
        if !plain.is_empty() {
            if let Some(address) = EMAIL.find(plain) {
                if email_next || current.email.is_none() {
                    let before = plain[..address.start()].trim();
                    if current.email.is_some() {
                        contacts.push(std::mem::take(&mut current));
                    }
                    current.email = Some(address.as_str().to_string());
                    // Text before the address on its own line is a name or office.
                    if !before.is_empty() && !before.contains("mailto:") {
                        person(&mut current, before);
                    }
                }
            } else {
                if complete(&current) || (current.name.is_some() && current.office.is_some()) {
                    contacts.push(std::mem::take(&mut current));
                }
                person(&mut current, plain);
            }
            email_next = false;
        }
        for (i, label) in labels.iter().enumerate() {
            let end = labels.get(i + 1).map_or(line.len(), |next| next.start());
            let value = line[label.end()..end]
                .trim()
                .trim_end_matches([',', ';', '|', '،', '，', '、'])
                .trim();
            let kind = Label::of(label.as_str());
            if kind == Label::Email {
                match EMAIL.find(value) {
                    Some(address) => {
                        if current.email.is_some() {
                            contacts.push(std::mem::take(&mut current));
                        }
                        current.email = Some(address.as_str().to_string());
                        email_next = false;
                    }
                    None => email_next = true,
                }
            } else if kind == Label::Fax {
                // A fax number is not a way to reach a press officer today.
            } else {
                current.phone.extend(phones(value));
            }
        }
    }
    if !current.is_empty() {
        contacts.push(current);
    }
    contacts
        .into_iter()
        .filter(|c| c.name.is_some() || complete(c))
        .collect()
}

/// Phone numbers as written after a "Tel:" label: several are separated by "/", ";", " or ",
/// or a comma followed by another number (a comma before "Ext." belongs to the number).
fn phones(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let or = [" or ", " ou ", " o ", " или ", " أو ", "或"];
    let mut parts: Vec<&str> = value.split([';', '/', '；']).collect();
    for word in or {
        parts = parts.iter().flat_map(|p| p.split(word)).collect();
    }
    for part in parts {
        let mut pieces = part.split([',', '،', '，']).peekable();
        let mut number = String::new();
        while let Some(piece) = pieces.next() {
            number.push_str(piece);
            let next_is_number = pieces
                .peek()
                .and_then(|n| n.trim().chars().next())
                .is_some_and(|c| c == '+' || c == '(' || c.is_ascii_digit());
            if next_is_number || pieces.peek().is_none() {
                let n = number.trim().trim_end_matches('.').trim();
                if n.chars().any(|c| c.is_ascii_digit()) {
                    out.push(n.to_string());
                }
                number.clear();
            } else {
                number.push(',');
            }
        }
    }
    out
}

/// Fills a contact's name and office from text such as "Kieran Best", "IOM Beijing",
/// "Kieran Best at IOM Beijing", "Kieran Best, IOM Beijing".
fn person(contact: &mut Contact, text: &str) {
    let parts: Vec<&str> = match text.split_once(" at ") {
        Some((name, office)) => vec![name, office],
        None => text.splitn(2, [',', '–', '—', '،', '，', '、']).collect(),
    };
    for part in parts {
        let part = part
            .trim()
            .trim_matches([',', '-', '.', ' ', '،', '，', '、']);
        if part.is_empty() {
            continue;
        }
        let looks_like_office = ["IOM", "OIM", "МОМ"].iter().any(|w| {
            part.strip_prefix(w)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        }) || OFFICE_WORDS.iter().any(|w| part.contains(w));
        if contact.name.is_none() && !looks_like_office {
            contact.name = Some(part.to_string());
        } else if contact.office.is_none() {
            contact.office = Some(part.to_string());
        } else if let Some(office) = &mut contact.office {
            office.push_str(", ");
            office.push_str(part);
        }
    }
}

/// Takes the IOM fields that an item's HTML body carries out of it, when the item does not
/// give them already: the contact block (removed from the body: the widget shows contacts in
/// a block of their own) and the dateline (removed from the first paragraph: the widget shows
/// it on the line under the title, just above). Then a summary from the first paragraph.
pub fn lift_fields(item: &mut Item, report: &mut Report) {
    let Some(html) = item.content_html.clone() else {
        return;
    };
    let at = item.at();
    let mut body = Body::parse(&html);
    let mut changed = false;
    if item.iom.contacts.is_empty() {
        changed |= lift_contacts(&mut body, item, &at, report);
    }
    let blocks = body.blocks();
    let first = blocks
        .iter()
        .copied()
        .find(|b| body.name(*b).as_deref() == Some("p"));
    if let (Some(first), true) = (first, blocks.first() == first.as_ref()) {
        let text = body.text(first);
        if let Some(found) = dateline(&text) {
            if item.iom.dateline.is_none() {
                report.note(
                    &at,
                    format!(
                        "dateline {} read from the first paragraph{}",
                        Quoted(&found.place),
                        if found.countries.is_empty() {
                            String::new()
                        } else {
                            format!(", countries {}", found.countries.join(", "))
                        }
                    ),
                );
                item.iom.dateline = Some(found.place.clone());
            }
            for code in found.countries {
                if !item.iom.countries.contains(&code) {
                    item.iom.countries.push(code);
                }
            }
            if item.date_published.is_none() {
                item.date_published = found.date;
            }
            body.strip_leading(first, found.length);
            changed = true;
        }
    }
    if item.summary.is_none() {
        if let Some(first) = body
            .blocks()
            .into_iter()
            .find(|b| body.name(*b).as_deref() == Some("p"))
        {
            let text = clean_text(&body.text(first)).unwrap_or_default();
            if !text.is_empty() && text.chars().count() <= SUMMARY_MAX {
                item.summary = Some(text);
            }
        }
    }
    if changed {
        item.content_html = Some(body.to_html());
    }
}

fn lift_contacts(body: &mut Body, item: &mut Item, at: &Origin, report: &mut Report) -> bool {
    let blocks = body.blocks();
    let Some(start) = blocks.iter().position(|b| {
        let text = body.text(*b);
        CONTACT_MARKER.is_match(text.trim_start())
    }) else {
        return false;
    };
    let mut lines: Vec<String> = Vec::new();
    let mut taken = Vec::new();
    for (i, block) in blocks.iter().enumerate().skip(start) {
        let text = body.text(*block);
        let mut block_lines: Vec<String> = text.lines().map(str::to_string).collect();
        if i == start {
            let first = block_lines.first().cloned().unwrap_or_default();
            let marker_end = CONTACT_MARKER.find(&first).map_or(0, |m| m.end());
            block_lines[0] = first[marker_end..].to_string();
        } else {
            let contact_like = text.chars().count() <= 200
                || CONTACT_LABEL.is_match(&text)
                || EMAIL.is_match(&text);
            if !contact_like {
                break;
            }
            // A new block is a new contact.
            lines.push(String::new());
        }
        lines.extend(block_lines);
        taken.push(*block);
    }
    let found = contacts(&lines);
    if found.is_empty() {
        report.warning(
            at,
            "the \"For more information please contact\" block names no one the importer could \
             read (a name, a phone or an e-mail address); it is left in the body",
        );
        return false;
    }
    for block in taken {
        body.remove(block);
    }
    item.iom.contacts = found;
    true
}

/// A slug of `text` for an id: lower case, letters and digits, words joined by "-".
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `text` folded as core folds it for search: lower case, without accents.
pub fn fold(text: &str) -> String {
    iom_news_core::fold_text(text)
}

/// One paragraph of a text file, and the lines it came from (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Paragraph {
    text: String,
    first_line: usize,
    last_line: usize,
}

/// Words a headline does not end with.
const FUNCTION_WORDS: [&str; 16] = [
    "a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "from", "as",
    "its",
];

/// Whether a line reads as a Title Case headline (most long words capitalized, not ending
/// on a function word, no full stop).
fn headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    if line.ends_with(['.', ',', ';', ':'])
        || FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
        || line.starts_with('-')
    {
        return false;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capitalized * 5 >= long.len() * 3
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '”', '\'', '’', ':', ')', '»', '。', '！', '？', '؟', '」', '）',
    ])
}

fn starts_paragraph(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || "\"“‘'-•(«「（".contains(c)
            // Scripts without capitals: Chinese, Arabic.
            || (c.is_alphabetic() && !c.is_lowercase())
    })
}

/// How many words a text has; Chinese, written without spaces, counts a word for every two
/// characters.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            let ideographs = w
                .chars()
                .filter(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
                .count();
            (ideographs / 2).max(1)
        })
        .sum()
}

/// The paragraphs of lines (`first` is the 1-based number of `lines[0]`): blank lines always
/// end one; inside a run of lines, a line ends one when the next line's first word would have
/// fitted on it (so the break was typed, not made by wrapping) and it ends a sentence or is a
/// headline, or it is a menu entry ("- Where we work").
fn paragraphs(lines: &[&str], first: usize) -> Vec<Paragraph> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|n| *n > 0)
        .collect();
    lengths.sort_unstable();
    // The wrapping width: a high percentile, so that a few long lines (navigation, one
    // unwrapped paragraph) do not stand for it.
    let width = lengths
        .get((lengths.len().saturating_sub(1) * 95).div_ceil(100))
        .copied()
        .unwrap_or(0);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        let number = first + i;
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        match &mut current {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(line);
                p.last_line = number;
            }
            None => {
                current = Some(Paragraph {
                    text: line.to_string(),
                    first_line: number,
                    last_line: number,
                })
            }
        }
        let Some(next) = lines.get(i + 1).map(|l| l.trim()).filter(|l| !l.is_empty()) else {
            continue;
        };
        let next_word = next.split_whitespace().next().unwrap_or_default();
        let length = line.chars().count();
        let fits = length > width || length + 1 + next_word.chars().count() <= width;
        let menu = line == "-" || line.starts_with("- ") || next == "-" || next.starts_with("- ");
        if menu || (fits && starts_paragraph(next) && (ends_sentence(line) || headline(line))) {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// Whether a paragraph reads as a title: one line's worth of words, no full stop at the end,
/// not a menu entry.
fn title_like(p: &Paragraph) -> bool {
    let words = word_count(&p.text);
    (3..=30).contains(&words)
        && !p
            .text
            .trim_end()
            .ends_with(['.', ',', ';', ':', '"', '”', '。', '：'])
        && !p.text.starts_with('-')
        && !p.text.starts_with('•')
}

/// Whether a paragraph reads as running text.
fn prose(p: &Paragraph) -> bool {
    word_count(&p.text) >= 12 && ends_sentence(&p.text)
}

/// A press release written as text: the title, the paragraphs, the contact block. Anything
/// before the title that is not part of the release (a scraped page's site navigation) is
/// left out, and said so.
///
/// The title is a paragraph that reads as one, before the first paragraph that opens with a
/// dateline (that one is the body's first) and before running text; when none does, `given`
/// (the `--title` flag, a page's `<title>`) is the title and the whole text the body, else the
/// first line is the title, with a warning. No part of the body is ever taken for the title
/// and what stood before it left out.
pub fn from_text(text: &str, origin: &Origin, given: Option<&str>, report: &mut Report) -> Item {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let marker = lines.iter().position(|l| CONTACT_MARKER.is_match(l));
    let end = lines
        .iter()
        .position(|l| END_MARK.is_match(l))
        .unwrap_or(lines.len());
    let body_end = marker.unwrap_or(end).min(end);
    let mut paras = paragraphs(&lines[..body_end], 1);
    let mut item = Item::new(origin.clone());

    // Dates standing alone on a line ("4 August 2009") are the release's date, not its text.
    paras.retain(|p| {
        let text = p.text.trim().trim_start_matches("Date:").trim();
        match dates::day(text) {
            Some(day) => {
                if item.date_published.is_none() {
                    item.date_published = Some(format!("{}T12:00:00Z", day.format("%Y-%m-%d")));
                }
                false
            }
            None => true,
        }
    });

    // The title: going back from the end of the body, the first paragraph that reads as a
    // title and has running text after it, unless running text stands before it too (then
    // it is a heading inside the body). The body starts at its dateline at the latest.
    let body_first = paras
        .iter()
        .position(|p| prose(p) && dateline(&p.text).is_some())
        .unwrap_or(paras.len());
    let mut title_at = None;
    for i in (0..body_first).rev() {
        if !title_like(&paras[i]) || !paras[i + 1..].iter().any(prose) {
            continue;
        }
        title_at = Some(i);
        if i == 0 || !prose(&paras[i - 1]) {
            break;
        }
    }
    let body_start = match title_at {
        Some(i) => {
            let title = &paras[i];
            if i > 0 {
                let first: String = paras[0].text.chars().take(40).collect();
                report.note(
                    origin,
                    format!(
                        "lines 1-{} before the title left out (a header or a page's site \
                         navigation, not the release: {first}...)",
                        title.first_line - 1,
                        first = Quoted(&first)
                    ),
                );
            }
            item.title = Some(title.text.clone());
            item.origin.line = Some(title.first_line);
            i + 1
        }
        None => match (given, paras.first()) {
            (Some(_), _) | (None, None) => 0,
            (None, Some(first)) => {
                let line = lines[first.first_line - 1].trim();
                report.warning(
                    origin,
                    format!(
                        "no title found (a line of its own before the text, with no full \
                         stop): the first line, {}, is taken as the title; give another with \
                         --title",
                        Quoted(line)
                    ),
                );
                item.title = Some(line.to_string());
                item.origin.line = Some(first.first_line);
                // A paragraph of one line is the title; the first line of a longer one stays
                // in the body too, so that no text is lost.
                usize::from(first.first_line == first.last_line)
            }
        },
    };
    if item.title.is_none() {
        item.title = given.map(str::to_string);
    }
    let mut blocks: Vec<String> = paras[body_start..].iter().map(|p| p.text.clone()).collect();
    if let Some(marker) = marker.filter(|m| *m < end) {
        // The contact block keeps its lines (a name, an office, a phone, an e-mail each on
        // its own line); a blank line separates two contacts.
        let block = lines[marker..end].join("\n");
        blocks.extend(block.split("\n\n").map(str::to_string));
    }
    if end < lines.len() && lines[end + 1..].iter().any(|l| !l.trim().is_empty()) {
        report.note(
            origin,
            format!(
                "lines {}-{} after the end mark {} left out",
                end + 1,
                lines.len(),
                Quoted(lines[end].trim())
            ),
        );
    }
    item.content_html = Some(text_paragraphs_html(&blocks));
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn reads_datelines_with_any_dash() {
        let d = dateline("Ulaanbaatar – IOM is today").unwrap();
        assert_eq!((d.place.as_str(), d.length), ("Ulaanbaatar", 13));
        let d = dateline("Dakar, Senegal — IOM").unwrap();
        assert_eq!(d.place, "Dakar");
        assert_eq!(d.countries, ["SEN"]);
        let d = dateline("GENEVA - IOM").unwrap();
        assert_eq!(d.place, "GENEVA");
        let d = dateline("Port-au-Prince, Haiti, 12 January 2010 -- IOM").unwrap();
        assert_eq!(d.place, "Port-au-Prince");
        assert_eq!(d.countries, ["HTI"]);
        assert_eq!(d.date.as_deref(), Some("2010-01-12T12:00:00Z"));
        assert_eq!(
            d.length,
            "Port-au-Prince, Haiti, 12 January 2010 --".chars().count()
        );
        let d = dateline("Mongolia – IOM").unwrap();
        assert_eq!(
            (d.place.as_str(), d.countries.as_slice()),
            ("Mongolia", &["MNG".to_string()][..])
        );
        let d = dateline("Washington, D.C. – The").unwrap();
        assert_eq!(d.place, "Washington, D.C.");
        // French and Spanish, and their country names.
        let d = dateline("GENÈVE, Suisse – L'Organisation").unwrap();
        assert_eq!(
            (d.place.as_str(), d.countries.as_slice()),
            ("GENÈVE", &["CHE".to_string()][..])
        );
        let d = dateline("Ginebra, Suiza — La OIM").unwrap();
        assert_eq!(
            (d.place.as_str(), d.countries.as_slice()),
            ("Ginebra", &["CHE".to_string()][..])
        );
        let d = dateline("ABIDJAN, Côte d'Ivoire – L'OIM").unwrap();
        assert_eq!(
            (d.place.as_str(), d.countries.as_slice()),
            ("ABIDJAN", &["CIV".to_string()][..])
        );
        let d = dateline("Kinshasa, République démocratique du Congo – L'OIM").unwrap();
        assert_eq!(d.countries, ["COD"]);
        let d = dateline("Puerto Príncipe, Haití, 3 de marzo de 2026 – La OIM").unwrap();
        assert_eq!(d.place, "Puerto Príncipe");
        assert_eq!(d.countries, ["HTI"]);
        assert_eq!(d.date.as_deref(), Some("2026-03-03T12:00:00Z"));
        let d = dateline("ЖЕНЕВА, Швейцария – МОМ").unwrap();
        assert_eq!(d.countries, ["CHE"]);
        for no in [
            "IOM is today hosting a three-day workshop",
            "The three-day workshop – which",
            "In-bound and out-bound",
            "\"As Mongolia – we\"",
            "Since 2007 IOM has also – x",
        ] {
            assert_eq!(dateline(no), None, "{no}");
        }
    }

    #[test]
    fn reads_the_seed_contact_block() {
        let found = contacts(&lines(
            "Kieran Best\nIOM Beijing\nTel: +86 10 8532 5303, Ext. 203\nE-mail:\n\
             \"mailto:kgormanbest@iom.int\">kgormanbest@iom.int",
        ));
        assert_eq!(
            found,
            [Contact {
                name: Some("Kieran Best".into()),
                office: Some("IOM Beijing".into()),
                phone: vec!["+86 10 8532 5303, Ext. 203".into()],
                email: Some("kgormanbest@iom.int".into()),
            }]
        );
    }

    #[test]
    fn reads_several_contacts_on_one_line_each() {
        let found = contacts(&lines(
            "In Geneva: Joe Lowry, IOM Geneva, Tel: +41 22 717 9435, Mobile: +41 79 285 4366, \
             Email: jlowry@iom.int\nIn Dakar: Florence Kim at IOM Dakar, Tel. +221 33 869 62 00 / \
             +221 77 332 35 41, Email: fkim@iom.int",
        ));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].name.as_deref(), Some("Joe Lowry"));
        assert_eq!(found[0].office.as_deref(), Some("IOM Geneva"));
        assert_eq!(found[0].phone, ["+41 22 717 9435", "+41 79 285 4366"]);
        assert_eq!(found[1].name.as_deref(), Some("Florence Kim"));
        assert_eq!(found[1].office.as_deref(), Some("IOM Dakar"));
        assert_eq!(found[1].phone, ["+221 33 869 62 00", "+221 77 332 35 41"]);
        assert_eq!(found[1].email.as_deref(), Some("fkim@iom.int"));
    }

    #[test]
    fn reads_contact_blocks_in_the_six_un_languages() {
        for marker in [
            "For more information please contact:",
            "Pour plus d'informations, veuillez contacter :",
            "Pour plus d’informations, veuillez contacter\u{a0}:",
            "Pour de plus amples informations, veuillez contacter :",
            "Para más información, póngase en contacto con:",
            "Para mayor información, contactar a:",
            "Для получения дополнительной информации, пожалуйста, свяжитесь с:",
            "欲了解更多信息，请联系：",
            "لمزيد من المعلومات، يرجى الاتصال بـ:",
            "Contacts presse :",
            "Contacto:",
        ] {
            assert!(CONTACT_MARKER.is_match(marker), "{marker}");
        }
        for not_marker in [
            "Pour l'OIM, ce programme est essentiel.",
            "Para la OIM, la migración es un motor de desarrollo.",
            "更多信息请访问国际移民组织网站。",
        ] {
            assert!(!CONTACT_MARKER.is_match(not_marker), "{not_marker}");
        }
        let french = contacts(&lines(
            "Marie Dupont, OIM Genève, Tél. : +41 22 717 91 11, Courriel : mdupont@iom.int\n\
             Jean Martin\nOIM Niamey\nTél. : +227 20 75 20 85\nPortable : +227 90 00 00 00\n\
             Courriel : jmartin@iom.int",
        ));
        assert_eq!(
            french,
            [
                Contact {
                    name: Some("Marie Dupont".into()),
                    office: Some("OIM Genève".into()),
                    phone: vec!["+41 22 717 91 11".into()],
                    email: Some("mdupont@iom.int".into()),
                },
                Contact {
                    name: Some("Jean Martin".into()),
                    office: Some("OIM Niamey".into()),
                    phone: vec!["+227 20 75 20 85".into(), "+227 90 00 00 00".into()],
                    email: Some("jmartin@iom.int".into()),
                }
            ]
        );
        let spanish = contacts(&lines(
            "En Ginebra: Ana Pérez, OIM Ginebra, Tel.: +41 22 717 91 11, Móvil: +41 79 000 00 00, \
             Correo electrónico: aperez@iom.int",
        ));
        assert_eq!(spanish[0].name.as_deref(), Some("Ana Pérez"));
        assert_eq!(spanish[0].office.as_deref(), Some("OIM Ginebra"));
        assert_eq!(spanish[0].phone, ["+41 22 717 91 11", "+41 79 000 00 00"]);
        assert_eq!(spanish[0].email.as_deref(), Some("aperez@iom.int"));
        let russian = contacts(&lines(
            "Иван Петров, МОМ Москва\nТел.: +7 495 797 87 22\nЭлектронная почта: ipetrov@iom.int",
        ));
        assert_eq!(russian[0].name.as_deref(), Some("Иван Петров"));
        assert_eq!(russian[0].office.as_deref(), Some("МОМ Москва"));
        assert_eq!(russian[0].phone, ["+7 495 797 87 22"]);
        assert_eq!(russian[0].email.as_deref(), Some("ipetrov@iom.int"));
        let chinese = contacts(&lines(
            "王芳，国际移民组织北京办事处\n电话：+86 10 8532 5303\n电子邮件：wfang@iom.int",
        ));
        assert_eq!(chinese[0].name.as_deref(), Some("王芳"));
        assert_eq!(chinese[0].office.as_deref(), Some("国际移民组织北京办事处"));
        assert_eq!(chinese[0].phone, ["+86 10 8532 5303"]);
        assert_eq!(chinese[0].email.as_deref(), Some("wfang@iom.int"));
        let arabic = contacts(&lines(
            "أحمد علي، مكتب المنظمة الدولية للهجرة في القاهرة\nهاتف: +20 2 2736 5140\nالبريد الإلكتروني: aali@iom.int",
        ));
        assert_eq!(arabic[0].name.as_deref(), Some("أحمد علي"));
        assert_eq!(arabic[0].phone, ["+20 2 2736 5140"]);
        assert_eq!(arabic[0].email.as_deref(), Some("aali@iom.int"));
    }

    #[test]
    fn slugs_titles() {
        assert_eq!(
            slug("IOM, Mongolia Support Greater Protection of Labour Migrants"),
            "iom-mongolia-support-greater-protection-of-labour-migrants"
        );
        assert_eq!(
            slug("L'OIM au Sénégal : 2 000 migrants"),
            "l-oim-au-senegal-2-000-migrants"
        );
    }

    #[test]
    fn reflows_wrapped_text_and_keeps_typed_breaks() {
        let text = "A Title For The Release\nFirst line of a paragraph that wraps at\nforty \
                    characters.\nSecond paragraph, short.\n\nThird.";
        let lines: Vec<&str> = text.lines().collect();
        let paras: Vec<String> = paragraphs(&lines, 1).into_iter().map(|p| p.text).collect();
        assert_eq!(
            paras,
            [
                "A Title For The Release",
                "First line of a paragraph that wraps at forty characters.",
                "Second paragraph, short.",
                "Third."
            ]
        );
    }
}
