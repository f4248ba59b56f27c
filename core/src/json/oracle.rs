//! core's JSON reader against serde_json as an oracle: on arbitrary documents and on
//! arbitrary near-JSON text, both accept exactly the same inputs and read the same values.
//! And reading a root array deferred, one element at a time, gives what reading it whole does.
//! (serde_json is only a dev-dependency and the `synth` feature's: the widget reads with this
//! module, which is much smaller in wasm.)

use crate::json::{self, Value};
use proptest::prelude::*;

const CASES: u32 = 3000;

/// Whether core's value and serde_json's are the same document. Numbers compare by value
/// (core keeps the text, serde_json parses it); objects compare member by member.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => {
            // serde_json's default float reading is not always correctly rounded.
            match (a.as_str().parse::<f64>(), b.as_f64()) {
                (Ok(x), Some(y)) => x == y || ((x - y) / x).abs() < 1e-14,
                _ => false,
            }
        }
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            a.len() == b.len() && b.iter().all(|(k, v)| a.get(k).is_some_and(|x| same(x, v)))
        }
        _ => false,
    }
}

/// Whether a value holds U+FFFD, which core reads for half a character (a lone surrogate
/// escape) where serde_json fails.
fn replaced(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\u{FFFD}'),
        Value::Array(items) => items.iter().any(replaced),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || replaced(v)),
        _ => false,
    }
}

fn document() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 128, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-c]{0,2}|.{0,6}", inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text close to JSON: pieces of the grammar and a few characters that break it.
fn near_json() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just(":"),
        Just(" "),
        Just("\n"),
        Just("\"a\""),
        Just("\"\\u00e9\""),
        Just("\"\\ud83d\\ude00\""),
        Just("\"\\ud83d\""),
        Just("\"\\x\""),
        Just("\"\t\""),
        Just("\""),
        Just("\\"),
        Just("0"),
        Just("-"),
        Just("12"),
        Just("1.5"),
        Just("1e3"),
        Just("1.e3"),
        Just("01"),
        Just("-0"),
        Just("2E-2"),
        Just("."),
        Just("e"),
        Just("true"),
        Just("fals"),
        Just("null"),
        Just("nul"),
        Just("é"),
        Just("'"),
        Just("/"),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn reads_what_serde_json_writes(doc in document(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            doc.to_string()
        };
        let ours = json::parse(&text);
        prop_assert!(ours.as_ref().is_ok_and(|v| same(v, &doc)), "{text} -> {ours:?}");
    }

    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in near_json()) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
            (Err(_), Err(_)) => {}
            // See numbers_serde_json_reads_as_infinity_are_still_numbers.
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            // See lone_surrogates_read_as_replacement_characters.
            (Ok(v), Err(_)) if replaced(v) => {}
            _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
}

/// Whether reading `text` with the root's "items" deferred, then each element on its own,
/// gives what reading it whole gives: the same error, or the same members in the same order
/// and the same items.
fn deferred_agrees(text: &str) -> Result<(), String> {
    let whole = json::parse(text);
    let deferred = json::parse_document(text, Some("items"));
    let (whole, document) = match (whole, deferred) {
        (Err(a), Err(b)) if a == b => return Ok(()),
        (Ok(whole), Ok(document)) => (whole, document),
        (a, b) => return Err(format!("whole {a:?}, deferred {b:?}")),
    };
    let (Value::Object(whole), Value::Object(root)) = (&whole, &document.root) else {
        return match (whole == document.root, document.deferred) {
            (true, None) => Ok(()),
            (same, spans) => Err(format!("not an object: same {same}, spans {spans:?}")),
        };
    };
    if !whole.keys().eq(root.keys()) {
        return Err("members differ".into());
    }
    for (key, value) in whole.iter().filter(|(k, _)| *k != "items") {
        if root.get(key) != Some(value) {
            return Err(format!("member {key} differs"));
        }
    }
    match (whole.get("items"), document.deferred) {
        (Some(Value::Array(expected)), Some(spans)) => {
            let read: Result<Vec<Value>, _> = spans
                .iter()
                .map(|&span| json::parse_span(text, span))
                .collect();
            match read {
                Ok(items) if &items == expected => Ok(()),
                other => Err(format!("items read {other:?}, expected {expected:?}")),
            }
        }
        (items, None) if root.get("items") == items => Ok(()),
        (items, spans) => Err(format!("items {items:?}, spans {spans:?}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn deferred_items_read_the_same(doc in document(), items in prop::collection::vec(document(), 0..6), text in near_json()) {
        // A document with an items array, and near-JSON text inside one.
        let mut root = match doc {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        root.insert("items".into(), serde_json::Value::Array(items));
        let whole = serde_json::Value::Object(root).to_string();
        prop_assert_eq!(deferred_agrees(&whole), Ok(()));
        let near = format!("{{\"items\": [{text}], \"x\": 1}}");
        prop_assert_eq!(deferred_agrees(&near), Ok(()), "{}", near);
        prop_assert_eq!(deferred_agrees(&text), Ok(()), "{}", text);
    }
}

#[test]
fn numbers_serde_json_reads_as_infinity_are_still_numbers() {
    // serde_json reads 1e400 as an error ("number out of range"); JSON itself has no such
    // limit, and core keeps the text, so a feed with a huge size_in_bytes is read and that
    // one field is reported instead.
    assert!(json::parse("1e400").is_ok());
}

#[test]
fn lone_surrogates_read_as_replacement_characters() {
    // serde_json rejects half a character; JSON.parse (and so every browser-based feed
    // reader) accepts it, and JavaScript's JSON.stringify writes one for a cut emoji. One bad
    // character must not make a whole feed unreadable.
    let read = |text: &str| match json::parse(text) {
        Ok(Value::String(s)) => s,
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(read(r#""a\ud83d""#), "a\u{FFFD}");
    assert_eq!(read(r#""\ude00b""#), "\u{FFFD}b");
    assert_eq!(read(r#""\ud83d\u0041""#), "\u{FFFD}A");
    assert_eq!(read(r#""\ud83d\ud83d\ude00""#), "\u{FFFD}\u{1F600}");
    assert_eq!(read(r#""\ud83d\ude00""#), "\u{1F600}");
    assert!(
        json::parse(r#""\ud83d\u12""#).is_err(),
        "a broken escape is still an error"
    );
}

#[test]
fn an_item_nested_too_deeply_is_skipped_not_the_document() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let text = format!("{{\"items\": [{{\"id\": \"a\"}}, {deep}, 3], \"x\": 1}}");
    let document = json::parse_document(&text, Some("items")).expect("the document reads");
    let spans = document.deferred.expect("items deferred");
    assert_eq!(spans.len(), 3);
    assert!(json::parse_span(&text, spans[0]).is_ok());
    let error = json::parse_span(&text, spans[1]).unwrap_err();
    assert!(error.message.contains("nested too deeply"), "{error}");
    assert!(json::parse_span(&text, spans[2]).is_ok());
    // Unclosed deep nesting is still an error of the document, not a hang or a crash.
    let open = format!("{{\"items\": [{}", "[".repeat(100_000));
    assert!(json::parse_document(&open, Some("items")).is_err());
    // And a whole document nested too deeply outside the items still fails.
    assert!(json::parse(&deep).is_err());
}
