//! "For more information please contact".

use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::url::{mailto_href, tel_href};
use iom_news_core::Contact;
use yew::prelude::*;

/// Each contact's name, office, phones (`tel:` links) and e-mail (`mailto:` link). A phone
/// or address that cannot be made a safe link is shown as text.
pub fn contact_block(contacts: &[Contact], lang: Lang) -> Html {
    html! {
        <section class="iom-news__contacts">
            <h3 class="iom-news__contacts-title">{ message(lang, Key::ContactHeading) }</h3>
            { for contacts.iter().map(|contact| html! {
                <address class="iom-news__contact">
                    // Names and offices from the feed keep their own direction.
                    if let Some(name) = &contact.name {
                        <span class="iom-news__contact-name" dir="auto">{ name }</span>
                    }
                    if let Some(office) = &contact.office {
                        <span class="iom-news__contact-office" dir="auto">{ office }</span>
                    }
                    { for contact.phone.iter().map(|phone| html! {
                        <span class="iom-news__contact-phone">
                            { message(lang, Key::Phone) }{ " " }
                            { link_or_text(tel_href(phone), phone) }
                        </span>
                    }) }
                    if let Some(email) = &contact.email {
                        <span class="iom-news__contact-email">
                            { message(lang, Key::Email) }{ " " }
                            { link_or_text(mailto_href(email), email) }
                        </span>
                    }
                </address>
            }) }
        </section>
    }
}

/// A phone number or address reads left to right in any interface: `+86 10 8532 5303`.
fn link_or_text(href: Option<String>, text: &str) -> Html {
    match href {
        Some(href) => html! { <a {href} dir="ltr">{ text.to_string() }</a> },
        None => html! { <bdi dir="ltr">{ text.to_string() }</bdi> },
    }
}
