//! Every piece of text the reader sees, in the six official languages of the United Nations.
//!
//! Implementation note: components never hold text of their own; they ask [`message`] for a
//! [`Key`], or [`plural`] for a count. Each language is one table, indexed by the key, so a
//! table that misses a message does not compile and the test below checks that every message
//! keeps the English one's placeholders. Plural forms follow each language's own rules: the
//! browser's `Intl.PluralRules` gives the [`Plural`] category, this module only holds the
//! words. The terms follow UN and IOM usage (UNTERM, the IOM Glossary on Migration), with each
//! language's punctuation (a no-break space before the colon in French, full-width punctuation
//! in Chinese).

/// An interface language: the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub enum Lang {
    /// Arabic (right to left).
    Ar,
    /// Chinese, simplified script.
    Zh,
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

/// The language tags around a widget that may choose its interface language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Languages {
    /// The page's, nearest first: the nearest `lang` on the element or its ancestors, up to
    /// the document's own element.
    pub page: Vec<String>,
    /// The reader's browser languages, in the reader's order.
    pub reader: Vec<String>,
}

impl Lang {
    /// The six, in the UN's order (Arabic, Chinese, English, French, Russian, Spanish).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The language for a BCP 47 tag, if the widget has its messages: the primary subtag
    /// decides, so a region or script falls back to its language (`fr-CA` is French,
    /// `zh-Hans-CN` and `zh-TW` are Chinese). Case and `_` for `-` are forgiven.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().split('-').next() == Some(primary.as_str()))
    }

    /// The interface language: the first of the `page`'s tags that is not empty (the `lang`
    /// attribute, the nearest ancestor's, the document's) decides, and when it names a language
    /// the widget lacks, the result is English and that tag, to be said once (a page in German
    /// gets English rather than a guess). Without one, the first of the `reader`'s browser
    /// languages that the widget has; English when none is.
    pub fn choose<'a>(
        page: impl IntoIterator<Item = &'a str>,
        reader: impl IntoIterator<Item = &'a str>,
    ) -> (Lang, Option<&'a str>) {
        match page.into_iter().map(str::trim).find(|t| !t.is_empty()) {
            Some(tag) => Lang::from_tag(tag).map_or((Lang::default(), Some(tag)), |l| (l, None)),
            None => (
                reader
                    .into_iter()
                    .find_map(Lang::from_tag)
                    .unwrap_or_default(),
                None,
            ),
        }
    }

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// Text direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    fn table(self) -> &'static [&'static str; KEYS] {
        &MESSAGES[self as usize]
    }
}

/// A piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Shown while the feed loads.
    Loading,
    /// Said when the news cannot be shown at all.
    FeedUnavailable,
    /// The link to the news page, offered when the widget cannot show the news.
    NewsPage,
    /// Said when the news shown is the copy kept from an earlier visit; `{date}`.
    ShownAsOf,
    /// The control that tries loading again.
    TryAgain,
    /// The feed has no releases.
    EmptyFeed,
    /// No release passes the page's filters.
    NoMatches,
    /// The control that returns to the list.
    BackToAll,
    /// The linked release is not in the feed.
    ReleaseNotFound,
    /// Heading of the contact block.
    ContactHeading,
    /// Label before a phone number.
    Phone,
    /// Label before an e-mail address.
    Email,
    /// Stands in for a release without a title or text.
    Untitled,
    /// Before the links to the release in other languages.
    AlsoIn,
    /// The button that copies the release's link.
    CopyLink,
    /// Said when the link was copied.
    LinkCopied,
    /// Said when the link could not be copied; `{url}`.
    CopyFailed,
    /// The link to the release's original page.
    Original,
    /// Accessible name of the list of themes.
    Themes,
    /// Label of the search box.
    Search,
    /// Accessible name of the group of search and filter controls.
    Filters,
    /// The button that shows or hides the filters on a narrow screen.
    ShowFilters,
    /// Label of the country filter.
    FacetCountry,
    /// Label of the region filter.
    FacetRegion,
    /// Label of the theme filter.
    FacetTag,
    /// Label of the year filter.
    FacetYear,
    /// Label of the language filter.
    FacetLanguage,
    /// The filter option that means "no filter".
    AllValues,
    /// The control that removes the search and every filter.
    ClearFilters,
    /// No release matches the search and filters.
    NoResults,
    /// The control that shows more releases.
    MoreNews,
    /// Shown while more releases load.
    LoadingMore,
    /// More releases could not be loaded.
    MoreFailed,
    /// The feed's pages end (or lead back to an earlier one).
    NoMoreNews,
}

/// How many keys there are.
const KEYS: usize = Key::NoMoreNews as usize + 1;

/// The text of `key` in `lang`.
pub fn message(lang: Lang, key: Key) -> &'static str {
    lang.table()[key as usize]
}

/// A plural category, as `Intl.PluralRules` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `zero` (Arabic: 0).
    Zero,
    /// `one`.
    One,
    /// `two` (Arabic: 2).
    Two,
    /// `few` (Arabic: 3–10, Russian: 2–4).
    Few,
    /// `many` (Arabic: 11–99, Russian: 5–20, French and Spanish: a million).
    Many,
    /// `other`.
    Other,
}

impl Plural {
    /// The category `Intl.PluralRules.select` named; `other` for anything else.
    pub fn from_name(name: &str) -> Plural {
        match name {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }
}

/// A piece of interface text that says a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// How many releases match the search; `{count}`.
    Results,
}

const COUNTED: usize = Counted::Results as usize + 1;

/// The text of `counted` for a number in `category` (`{count}` still to fill with the number
/// formatted for `lang`). A language without that category uses its `other` form.
pub fn plural(lang: Lang, counted: Counted, category: Plural) -> &'static str {
    let forms = &PLURALS[lang as usize][counted as usize];
    match forms[category as usize] {
        "" => forms[Plural::Other as usize],
        text => text,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The messages, a table per language in [`Lang`] order, a line per [`Key`] in its order.
const MESSAGES: [[&str; KEYS]; 6] = [
    // Arabic.
    [
        "جارٍ تحميل الأخبار…",
        "تعذّر تحميل الأخبار.",
        "الانتقال إلى صفحة الأخبار",
        "تُعرض الأخبار كما كانت في {date}.",
        "إعادة المحاولة",
        "لا توجد أخبار لعرضها.",
        "لا توجد أخبار تطابق هذا الاختيار.",
        "العودة إلى جميع الأخبار",
        "تعذّر العثور على هذا البيان الصحفي.",
        "لمزيد من المعلومات، يُرجى الاتصال بـ:",
        "الهاتف:",
        "البريد الإلكتروني:",
        "بيان صحفي بلا عنوان",
        "متاح أيضًا باللغات:",
        "نسخ الرابط",
        "تم نسخ الرابط.",
        "تعذّر نسخ الرابط. الرابط هو: {url}",
        "قراءة البيان الأصلي",
        "المواضيع",
        "البحث في الأخبار",
        "البحث والتصفية",
        "عوامل التصفية",
        "البلد",
        "المنطقة",
        "الموضوع",
        "السنة",
        "اللغة",
        "الكل",
        "مسح عوامل التصفية",
        "لا توجد أخبار تطابق بحثك.",
        "مزيد من الأخبار",
        "جارٍ تحميل مزيد من الأخبار…",
        "تعذّر تحميل مزيد من الأخبار.",
        "لا توجد أخبار أخرى.",
    ],
    // Chinese (simplified).
    [
        "正在加载新闻……",
        "无法加载新闻。",
        "前往新闻页面",
        "以下为截至{date}的新闻。",
        "重试",
        "暂无新闻。",
        "没有符合所选条件的新闻。",
        "返回全部新闻",
        "未找到此新闻稿。",
        "如需了解更多信息，请联系：",
        "电话：",
        "电子邮件：",
        "无标题新闻稿",
        "其他语言版本：",
        "复制链接",
        "链接已复制。",
        "无法复制链接。链接如下：{url}",
        "阅读新闻稿原文",
        "主题",
        "搜索新闻",
        "搜索和筛选",
        "筛选",
        "国家",
        "区域",
        "主题",
        "年份",
        "语言",
        "全部",
        "清除筛选条件",
        "没有符合搜索条件的新闻。",
        "更多新闻",
        "正在加载更多新闻……",
        "无法加载更多新闻。",
        "没有更多新闻了。",
    ],
    // English.
    [
        "Loading news…",
        "The news could not be loaded.",
        "Go to the news page",
        "Showing the news as of {date}.",
        "Try again",
        "There is no news to show.",
        "No news matches this selection.",
        "Back to all news",
        "This news release could not be found.",
        "For more information, please contact:",
        "Tel.:",
        "E-mail:",
        "Untitled release",
        "Also in:",
        "Copy link",
        "Link copied.",
        "The link could not be copied. Here it is: {url}",
        "Read the original release",
        "Themes",
        "Search news",
        "Search and filters",
        "Filters",
        "Country",
        "Region",
        "Theme",
        "Year",
        "Language",
        "All",
        "Clear filters",
        "No news matches your search.",
        "More news",
        "Loading more news…",
        "More news could not be loaded.",
        "There is no more news.",
    ],
    // French.
    [
        "Chargement des actualités…",
        "Les actualités n’ont pas pu être chargées.",
        "Consulter la page des actualités",
        "Actualités à jour au {date}.",
        "Réessayer",
        "Aucune actualité à afficher.",
        "Aucune actualité ne correspond à cette sélection.",
        "Retour à toutes les actualités",
        "Ce communiqué de presse est introuvable.",
        "Pour plus d’informations, veuillez contacter\u{a0}:",
        "Tél.\u{a0}:",
        "Courriel\u{a0}:",
        "Communiqué sans titre",
        "Également disponible en\u{a0}:",
        "Copier le lien",
        "Lien copié.",
        "Le lien n’a pas pu être copié. Le voici\u{a0}: {url}",
        "Lire le communiqué original",
        "Thèmes",
        "Rechercher des actualités",
        "Recherche et filtres",
        "Filtres",
        "Pays",
        "Région",
        "Thème",
        "Année",
        "Langue",
        "Tout afficher",
        "Effacer les filtres",
        "Aucune actualité ne correspond à votre recherche.",
        "Plus d’actualités",
        "Chargement d’autres actualités…",
        "Les actualités suivantes n’ont pas pu être chargées.",
        "Il n’y a pas d’autres actualités.",
    ],
    // Russian.
    [
        "Загрузка новостей…",
        "Не удалось загрузить новости.",
        "Перейти на страницу новостей",
        "Показаны новости по состоянию на {date}.",
        "Повторить попытку",
        "Новостей пока нет.",
        "Нет новостей, соответствующих этому выбору.",
        "Вернуться ко всем новостям",
        "Этот пресс-релиз не найден.",
        "За дополнительной информацией обращайтесь:",
        "Тел.:",
        "Эл. почта:",
        "Пресс-релиз без заголовка",
        "На других языках:",
        "Скопировать ссылку",
        "Ссылка скопирована.",
        "Не удалось скопировать ссылку. Вот она: {url}",
        "Читать оригинал пресс-релиза",
        "Темы",
        "Поиск новостей",
        "Поиск и фильтры",
        "Фильтры",
        "Страна",
        "Регион",
        "Тема",
        "Год",
        "Язык",
        "Все",
        "Сбросить фильтры",
        "По вашему запросу новостей не найдено.",
        "Ещё новости",
        "Загрузка других новостей…",
        "Не удалось загрузить другие новости.",
        "Других новостей нет.",
    ],
    // Spanish.
    [
        "Cargando noticias…",
        "No se pudieron cargar las noticias.",
        "Ir a la página de noticias",
        "Noticias actualizadas al {date}.",
        "Volver a intentarlo",
        "No hay noticias para mostrar.",
        "Ninguna noticia coincide con esta selección.",
        "Volver a todas las noticias",
        "No se encontró este comunicado de prensa.",
        "Para más información, sírvase ponerse en contacto con:",
        "Tel.:",
        "Correo electrónico:",
        "Comunicado sin título",
        "También disponible en:",
        "Copiar enlace",
        "Enlace copiado.",
        "No se pudo copiar el enlace. Aquí lo tiene: {url}",
        "Leer el comunicado original",
        "Temas",
        "Buscar noticias",
        "Búsqueda y filtros",
        "Filtros",
        "País",
        "Región",
        "Tema",
        "Año",
        "Idioma",
        "Todos",
        "Borrar filtros",
        "Ninguna noticia coincide con su búsqueda.",
        "Más noticias",
        "Cargando más noticias…",
        "No se pudieron cargar más noticias.",
        "No hay más noticias.",
    ],
];

/// The counted texts: per language, per [`Counted`], the forms for zero, one, two, few, many
/// and other ("" where the language has no such category: its `other` form is used).
const PLURALS: [[[&str; 6]; COUNTED]; 6] = [
    // Arabic: all six categories.
    [[
        "لا توجد نتائج",
        "نتيجة واحدة",
        "نتيجتان",
        "{count} نتائج",
        "{count} نتيجة",
        "{count} نتيجة",
    ]],
    // Chinese: one form.
    [["", "", "", "", "", "共{count}条结果"]],
    // English.
    [["", "{count} result", "", "", "", "{count} results"]],
    // French: "many" for millions ("1 000 000 de résultats").
    [[
        "",
        "{count} résultat",
        "",
        "",
        "{count} de résultats",
        "{count} résultats",
    ]],
    // Russian: one (1, 21), few (2–4, 22), many (5–20, 11), other (fractions).
    [[
        "",
        "{count} результат",
        "",
        "{count} результата",
        "{count} результатов",
        "{count} результата",
    ]],
    // Spanish: "many" for millions ("1 000 000 de resultados").
    [[
        "",
        "{count} resultado",
        "",
        "",
        "{count} de resultados",
        "{count} resultados",
    ]],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader (www/iom-news.js) says the failure in the reader's language when the widget
    /// itself cannot start; its sentences must be these.
    #[test]
    fn loader_failure_text_matches_the_messages() {
        let loader = include_str!("../../www/iom-news.js");
        for lang in Lang::ALL {
            let short = lang.tag().split('-').next().unwrap_or_default();
            let line = format!(
                "{short}: ['{}', '{}'],",
                message(lang, Key::FeedUnavailable),
                message(lang, Key::NewsPage)
            );
            assert!(loader.contains(&line), "the loader lacks {line}");
        }
    }

    #[test]
    fn reads_language_tags_down_to_their_language() {
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::Zh), "its own tag");
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn chooses_the_first_language_named_and_says_when_it_is_unsupported() {
        let none: [&str; 0] = [];
        assert_eq!(Lang::choose(["", " fr-CA ", "ar"], none), (Lang::Fr, None));
        assert_eq!(Lang::choose(["de", "ar"], ["fr"]), (Lang::En, Some("de")));
        assert_eq!(Lang::choose(none, none), (Lang::En, None));
        assert_eq!(Lang::choose(["", ""], none), (Lang::En, None));
        // The reader's browser languages: the first the widget has, without a word.
        assert_eq!(
            Lang::choose(none, ["de-DE", "fr-FR", "en"]),
            (Lang::Fr, None)
        );
        assert_eq!(Lang::choose([""], ["de", "ja"]), (Lang::En, None));
        assert_eq!(Lang::choose(["ru"], ["fr"]), (Lang::Ru, None));
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let placeholders = |text: &str| -> Vec<String> {
            text.split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                .collect()
        };
        for lang in Lang::ALL {
            for (i, (text, english)) in lang
                .table()
                .iter()
                .zip(&MESSAGES[Lang::En as usize])
                .enumerate()
            {
                let (text, english) = (*text, *english);
                assert!(!text.trim().is_empty(), "{lang:?} message {i} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(english),
                    "{lang:?} message {i}"
                );
                assert!(
                    lang == Lang::En || text != english || english.len() <= 8,
                    "{lang:?} message {i} is still English: {text}"
                );
            }
        }
    }

    #[test]
    fn every_language_has_a_form_for_each_plural_category_it_uses() {
        use Plural::*;
        // The categories CLDR (and so Intl.PluralRules) uses for whole numbers.
        let categories = |lang: Lang| -> &'static [Plural] {
            match lang {
                Lang::Ar => &[Zero, One, Two, Few, Many, Other],
                Lang::Ru => &[One, Few, Many, Other],
                Lang::Fr | Lang::Es => &[One, Many, Other],
                Lang::En => &[One, Other],
                Lang::Zh => &[Other],
            }
        };
        for lang in Lang::ALL {
            for counted in [Counted::Results] {
                for &category in categories(lang) {
                    let forms = &PLURALS[lang as usize][counted as usize];
                    assert!(
                        !forms[category as usize].is_empty(),
                        "{lang:?} {counted:?} lacks {category:?}"
                    );
                }
                let other = plural(lang, counted, Other);
                assert!(other.contains("{count}"), "{lang:?} {counted:?}: {other}");
            }
        }
        assert_eq!(plural(Lang::En, Counted::Results, Few), "{count} results");
        assert_eq!(plural(Lang::Ar, Counted::Results, Two), "نتيجتان");
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(message(Lang::En, Key::CopyFailed), &[("url", "https://x")]),
            "The link could not be copied. Here it is: https://x"
        );
    }

    #[test]
    fn arabic_reads_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert!(Lang::ALL.iter().filter(|l| l.dir() == "rtl").count() == 1);
    }
}
