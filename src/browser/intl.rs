//! Dates, numbers and names in the reader's language, through the browser's `Intl`.
//!
//! Implementation note: every constructor and method goes through `Reflect`, because `Intl`
//! throws a `RangeError` for a language tag it does not take (`zh-cmn-Hans`, `x-private`), and
//! feed tags are only checked as BCP 47, which allows more. Objects are made once per language
//! (making one is slow, the first of a kind slower still while the browser loads its locale
//! data) and kept, a failure too.

use std::cell::RefCell;

use iom_news_core::country;
use iom_news_core::i18n::{Lang, Plural};
use wasm_bindgen::{JsCast, JsValue};

use super::{call_method, property};

type Cache<K> = RefCell<Vec<(K, Option<JsValue>)>>;

/// `new Intl[class](locale, options)`, or `None` when the browser throws or lacks the class.
fn construct(class: &str, locale: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    let namespace = property(&js_sys::global(), "Intl")?;
    let constructor = property(&namespace, class)?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let settings = js_sys::Object::new();
    for (name, value) in options {
        js_sys::Reflect::set(&settings, &(*name).into(), &(*value).into()).ok()?;
    }
    let arguments = js_sys::Array::of2(&locale.into(), &settings);
    js_sys::Reflect::construct(&constructor, &arguments).ok()
}

/// The object for `key` from `cache`, made by `make` the first time.
fn cached<K: PartialEq>(
    cache: &'static std::thread::LocalKey<Cache<K>>,
    key: K,
    make: impl FnOnce() -> Option<JsValue>,
) -> Option<JsValue> {
    cache.with_borrow_mut(|made| {
        if let Some((_, value)) = made.iter().find(|(k, _)| *k == key) {
            return value.clone();
        }
        let value = make();
        made.push((key, value.clone()));
        value
    })
}

/// Makes the objects a first list in `lang` uses (dates, country names and their lists,
/// counts, the collator), each in a task of its own, so that the render that shows the news
/// does not wait for the browser to load `lang`'s locale data: run while the feed loads, it
/// keeps that render's task short.
pub async fn prepare(lang: Lang) {
    let steps: [fn(Lang); 4] = [
        |lang| drop(format_date("2026-01-01T00:00:00Z", lang)),
        |lang| drop(country_name("FRA", lang)),
        |lang| {
            drop((
                list(&["a".into(), "b".into()], lang),
                plural(2, lang),
                number(2, lang),
            ))
        },
        |lang| sort_by_name(&mut ["b", "a"], lang, |name| *name),
    ];
    for step in steps {
        super::tasks::next_task().await;
        step(lang);
    }
}

/// A date in `lang` (for example "28 November 2026"), or `None` when the browser cannot read
/// it.
pub fn format_date(rfc3339: &str, lang: Lang) -> Option<String> {
    thread_local! {
        static FORMATS: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return None;
    }
    let format = cached(&FORMATS, lang, || {
        construct("DateTimeFormat", lang.tag(), &[("dateStyle", "long")])
    })?;
    call_method(&format, "format", &date)?.as_string()
}

/// A country's name in `lang`, from its ISO 3166-1 alpha-3 code; the code itself when it is
/// not one or the browser has no name for it.
pub fn country_name(alpha3: &str, lang: Lang) -> String {
    thread_local! {
        static NAMES: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    let Some(alpha2) = country::alpha2(alpha3) else {
        return alpha3.to_string();
    };
    cached(&NAMES, lang, || {
        construct("DisplayNames", lang.tag(), &[("type", "region")])
    })
    .and_then(|names| call_method(&names, "of", &alpha2.into()))
    .and_then(|name| name.as_string())
    .unwrap_or_else(|| alpha3.to_string())
}

/// A language's name as said in `locale` (with `locale` = `tag`, the language's own name:
/// "français", "español"), or the tag itself when the browser does not know it or rejects
/// either tag.
pub fn language_name(tag: &str, locale: &str) -> String {
    thread_local! {
        static NAMES: Cache<String> = const { RefCell::new(Vec::new()) };
    }
    cached(&NAMES, locale.to_string(), || {
        construct("DisplayNames", locale, &[("type", "language")])
    })
    .and_then(|names| call_method(&names, "of", &tag.into()))
    .and_then(|name| name.as_string())
    .unwrap_or_else(|| tag.to_string())
}

/// The plural category of `count` in `lang` (`Intl.PluralRules`), `other` when the browser
/// cannot tell.
pub fn plural(count: usize, lang: Lang) -> Plural {
    thread_local! {
        static RULES: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    cached(&RULES, lang, || construct("PluralRules", lang.tag(), &[]))
        .and_then(|rules| call_method(&rules, "select", &count_value(count)))
        .and_then(|name| name.as_string())
        .map_or(Plural::Other, |name| Plural::from_name(&name))
}

/// `count` written in `lang`'s digits and grouping (`Intl.NumberFormat`).
pub fn number(count: usize, lang: Lang) -> String {
    thread_local! {
        static FORMATS: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    cached(&FORMATS, lang, || {
        construct("NumberFormat", lang.tag(), &[])
    })
    .and_then(|format| call_method(&format, "format", &count_value(count)))
    .and_then(|text| text.as_string())
    .unwrap_or_else(|| count.to_string())
}

#[allow(clippy::cast_precision_loss)] // counts of releases are far below 2^52
fn count_value(count: usize) -> JsValue {
    JsValue::from_f64(count as f64)
}

/// `names` in the order `lang` sorts text (`Intl.Collator`: "Égypte" beside "Espagne", not
/// after "Zambie"); in code-point order when the browser cannot collate.
pub fn sort_by_name<T>(items: &mut [T], lang: Lang, name: impl Fn(&T) -> &str) {
    thread_local! {
        static COLLATORS: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    let compare = cached(&COLLATORS, lang, || construct("Collator", lang.tag(), &[]))
        .and_then(|collator| property(&collator, "compare"))
        .and_then(|compare| compare.dyn_into::<js_sys::Function>().ok());
    match compare {
        Some(compare) => items.sort_by(|a, b| {
            let order = compare
                .call2(&JsValue::UNDEFINED, &name(a).into(), &name(b).into())
                .ok()
                .and_then(|n| n.as_f64())
                .unwrap_or(0.0);
            order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
        }),
        None => items.sort_by(|a, b| name(a).cmp(name(b))),
    }
}

/// `items` as a list in `lang` (`Intl.ListFormat`: "Yemen and Ethiopia", "اليمن وإثيوبيا",
/// "泰国、缅甸和柬埔寨"); joined with commas when the browser cannot.
pub fn list(items: &[String], lang: Lang) -> String {
    thread_local! {
        static LISTS: Cache<Lang> = const { RefCell::new(Vec::new()) };
    }
    if items.len() < 2 {
        return items.concat();
    }
    let values: js_sys::Array = items.iter().map(|i| JsValue::from_str(i)).collect();
    cached(&LISTS, lang, || construct("ListFormat", lang.tag(), &[]))
        .and_then(|format| call_method(&format, "format", &values))
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| items.join(", "))
}
