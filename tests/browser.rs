//! Browser tests: the app component mounted in headless Chromium with a feed given as a value.
//!
//! Run with `make test-browser` (wasm-bindgen-test-runner drives Debian's chromium through
//! chromedriver). Each test mounts into a fresh element, flushes Yew's scheduler and asserts
//! on the DOM.
#![cfg(target_arch = "wasm32")]

use iom_news::components::app::{App, AppProps};
use iom_news::config::{FeedSource, WidgetConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../www/feed.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts the app with `feed` as text into a new element and renders it.
async fn mount(feed: &str) -> Element {
    // Every test starts from an address without a deep link.
    mount_at(feed, "#").await
}

/// Mounts the app with `feed` as text, the address's fragment set to `fragment` first.
async fn mount_at(feed: &str, fragment: &str) -> Element {
    let _ = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config: WidgetConfig::for_feed(FeedSource::Text(feed.into())),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

/// The first element matching `selector`, as an `HtmlElement`.
fn element(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

/// Clicks the first element matching `selector` and renders the result.
async fn click(root: &Element, selector: &str) {
    element(root, selector).click();
    yew::scheduler::flush().await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
async fn lists_the_release_and_opens_it_in_place() {
    let root = mount(SAMPLE).await;

    assert_eq!(text(&root, ".iom-news__feed-title"), "IOM News");
    let items = all(&root, ".iom-news__item");
    assert_eq!(items.len(), 1);
    assert_eq!(
        text(&root, ".iom-news__card-title"),
        "IOM, Mongolia Support Greater Protection of Labour Migrants"
    );
    assert_eq!(text(&root, ".iom-news__dateline"), "Ulaanbaatar");
    assert_eq!(text(&root, ".iom-news__countries"), "Mongolia");
    assert!(
        root.query_selector(".iom-news__date").unwrap().is_none(),
        "the release has no date, so none is shown"
    );
    assert!(text(&root, ".iom-news__summary").starts_with("IOM is today hosting"));

    let link = element(&root, ".iom-news__card-link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#iom-news=iom-mongolia-support-greater-protection-of-labour-migrants")
    );
    link.click();
    yew::scheduler::flush().await;

    assert!(root.query_selector(".iom-news__list").unwrap().is_none());
    assert_eq!(
        text(&root, ".iom-news__release-title"),
        "IOM, Mongolia Support Greater Protection of Labour Migrants"
    );
    let paragraphs = all(&root, ".iom-news__body p");
    assert_eq!(paragraphs.len(), 8);
    assert!(paragraphs[7]
        .text_content()
        .unwrap()
        .ends_with("direct assistance to victims of trafficking, in Mongolia."));
    assert_eq!(
        text(&root, ".iom-news__contacts-title"),
        "For more information, please contact:"
    );
    assert_eq!(text(&root, ".iom-news__contact-name"), "Kieran Best");
    assert_eq!(text(&root, ".iom-news__contact-office"), "IOM Beijing");
    let tel = root
        .query_selector(".iom-news__contact-phone a")
        .unwrap()
        .unwrap();
    assert_eq!(
        tel.get_attribute("href").as_deref(),
        Some("tel:+861085325303;ext=203")
    );
    let mail = root
        .query_selector(".iom-news__contact-email a")
        .unwrap()
        .unwrap();
    assert_eq!(
        mail.get_attribute("href").as_deref(),
        Some("mailto:kgormanbest@iom.int")
    );
    assert_eq!(mail.text_content().as_deref(), Some("kgormanbest@iom.int"));

    // The open release is in the address, and focus moved to its heading.
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(
        hash,
        "#iom-news=iom-mongolia-support-greater-protection-of-labour-migrants"
    );
    let focused = document().active_element().unwrap();
    assert_eq!(focused.class_name(), "iom-news__release-title");

    // Back to the list: focus returns to the release that was open.
    let back = element(&root, ".iom-news__back");
    assert_eq!(back.text_content().as_deref(), Some("Back to all news"));
    click(&root, ".iom-news__back").await;
    assert_eq!(all(&root, ".iom-news__item").len(), 1);
    assert!(root.query_selector(".iom-news__release").unwrap().is_none());
    assert_eq!(
        document().active_element().unwrap().class_name(),
        "iom-news__card-link"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn renders_feed_html_only_through_the_allow_list() {
    let feed = r##"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"x","title":"X","content_html":"<p onclick=\"window.__pwned=1\" style=\"color:red\" class=\"evil\">Hello <span>kept</span> <b>bold</b><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"></p><p><a href=\"javascript:alert(1)\">no link</a> <a href=\"https://www.iom.int/\">iom</a> <a href=\"/relative\">rel</a></p><iframe srcdoc=\"<script>parent.__pwned=1</script>\">iframe text</iframe><h1>Sub</h1>"}
    ]}"##;
    let root = mount(feed).await;
    click(&root, ".iom-news__card-link").await;

    let body = root.query_selector(".iom-news__body").unwrap().unwrap();
    let first = root.query_selector(".iom-news__body p").unwrap().unwrap();
    assert_eq!(first.text_content().as_deref(), Some("Hello kept bold"));
    assert!(first.get_attribute("onclick").is_none());
    assert!(first.get_attribute("style").is_none());
    assert!(first.get_attribute("class").is_none());
    assert!(body
        .query_selector("script, iframe, span")
        .unwrap()
        .is_none());
    let image = body.query_selector("img").unwrap().unwrap();
    assert!(
        image.get_attribute("onerror").is_none(),
        "the image stays, its handler goes"
    );
    assert_eq!(text(&body, "strong"), "bold");
    assert_eq!(
        text(&body, "h3"),
        "Sub",
        "an h1 in a body sits under the release title"
    );
    let links = all(&body, "a");
    assert_eq!(
        links.len(),
        2,
        "the javascript: link is dropped, its text kept"
    );
    assert!(body.text_content().unwrap().contains("no link"));
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://www.iom.int/")
    );
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(links[1]
        .get_attribute("href")
        .unwrap()
        .ends_with("/relative"));
    assert!(links[1].get_attribute("href").unwrap().starts_with("http"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no feed script ran");
    root.remove();
}

#[wasm_bindgen_test]
async fn keeps_images_figures_and_tables_and_drops_foreign_namespaces() {
    let feed = r##"{"version":"https://jsonfeed.org/version/1.1","title":"T","feed_url":"https://www.iom.int/feeds/news.json","items":[
        {"id":"x","title":"X","content_html":"<figure><img src=\"img/a.jpg\" alt=\"A photo\" onload=\"x()\" width=\"9000\"><figcaption>Caption</figcaption></figure><img src=\"javascript:alert(1)\" alt=\"bad\"><table><caption>T</caption><thead><tr><th>H</th></tr></thead><tbody><tr><td colspan=\"2\">D</td></tr></tbody></table><svg><a href=\"https://www.iom.int/\">svg link</a></svg><math><mi>x</mi></math><h4>Deep</h4>"}
    ]}"##;
    let root = mount(feed).await;
    click(&root, ".iom-news__card-link").await;
    let body = root.query_selector(".iom-news__body").unwrap().unwrap();
    let images = all(&body, "img");
    assert_eq!(images.len(), 1, "the javascript: image is dropped");
    assert_eq!(
        images[0].get_attribute("src").as_deref(),
        Some("https://www.iom.int/feeds/img/a.jpg"),
        "relative URLs resolve against feed_url"
    );
    assert_eq!(images[0].get_attribute("alt").as_deref(), Some("A photo"));
    assert_eq!(images[0].get_attribute("loading").as_deref(), Some("lazy"));
    assert!(images[0].get_attribute("onload").is_none());
    assert!(images[0].get_attribute("width").is_none());
    assert_eq!(text(&body, "figcaption"), "Caption");
    assert_eq!(text(&body, "table caption"), "T");
    assert_eq!(text(&body, "th"), "H");
    assert_eq!(text(&body, "td"), "D");
    assert!(all(&body, "td")[0].get_attribute("colspan").is_none());
    assert!(body.query_selector("svg, math, a").unwrap().is_none());
    assert!(!body.text_content().unwrap().contains("svg link"));
    assert_eq!(
        text(&body, "h5"),
        "Deep",
        "an h4 sits two levels under the release title"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn text_bodies_become_paragraphs_with_safe_links() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"x","title":"X","content_text":"First line\nsecond line.\n\nSee https://www.iom.int/news, or write to media@iom.int. Not javascript:alert(1)."}
    ]}"#;
    let root = mount(feed).await;
    click(&root, ".iom-news__card-link").await;
    let body = root.query_selector(".iom-news__body").unwrap().unwrap();
    let paragraphs = all(&body, "p");
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(all(&paragraphs[0], "br").len(), 1);
    let links = all(&body, "a");
    let hrefs: Vec<_> = links
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(hrefs, ["https://www.iom.int/news", "mailto:media@iom.int"]);
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(body
        .text_content()
        .unwrap()
        .contains("Not javascript:alert(1)."));
    root.remove();
}

#[wasm_bindgen_test]
async fn shows_readers_a_short_message_and_a_way_to_the_news() {
    let broken = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
    let root = mount(broken).await;
    let alert = text(&root, "[role=alert] p");
    assert_eq!(alert, "The news could not be loaded.");
    let link = root
        .query_selector("[role=alert] a")
        .unwrap()
        .expect("a link to the news");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.iom.int/news")
    );
    root.remove();

    // With the page's own link to its news (the fallback inside <iom-news>), readers get it.
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let mut config = WidgetConfig::for_feed(FeedSource::Text(broken.into()));
    config.news_page = Some("https://www.iom.int/news".into());
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { config }).render();
    yew::scheduler::flush().await;
    let link = element(&root, "[role=alert] a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.iom.int/news")
    );
    assert_eq!(link.text_content().as_deref(), Some("Go to the news page"));
    let said = root.text_content().unwrap_or_default();
    for developer_words in ["console", "line", "column", "JSON", "error"] {
        assert!(!said.contains(developer_words), "{said}");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn shows_good_items_and_tells_readers_nothing_about_bad_ones() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"a","title":"Good","content_text":"Body"},
        {"id":"b","title":"No body"},
        {"title":"No id","content_text":"x"}
    ]}"#;
    let root = mount(feed).await;
    // The item with only a title still shows; the one without an id cannot.
    let titles: Vec<String> = all(&root, ".iom-news__card-title")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(titles, ["Good", "No body"]);
    // The web team reads the details in the console; readers see the news.
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("could not"));
    root.remove();
}

#[wasm_bindgen_test]
async fn opens_the_release_in_the_address_and_follows_back() {
    let feed = &iom_news_core::synth::feed_text(3);
    let window = web_sys::window().unwrap();
    let root = mount_at(feed, "#other=1&iom-news=sample-2").await;
    assert_eq!(text(&root, ".iom-news__release-title"), "Sample release 2");
    assert!(
        root.query_selector("time.iom-news__date")
            .unwrap()
            .is_some(),
        "dated releases show their date"
    );
    assert_ne!(
        document()
            .active_element()
            .map(|e| e.class_name())
            .as_deref(),
        Some("iom-news__release-title"),
        "a deep link on load does not steal focus"
    );

    // The host's own fragment part survives going back to the list.
    click(&root, ".iom-news__back").await;
    assert_eq!(window.location().hash().unwrap(), "#other=1");
    assert_eq!(all(&root, ".iom-news__item").len(), 3);

    // The browser's back button returns to the release.
    window.history().unwrap().back().unwrap();
    let popped = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300);
    });
    wasm_bindgen_futures::JsFuture::from(popped).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".iom-news__release-title"), "Sample release 2");
    root.remove();
}
