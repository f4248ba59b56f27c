//! "For more information please contact".

use std::rc::Rc;

use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::url::{mailto_href, tel_href};
use iom_news_core::Contact;
use yew::prelude::*;

/// Props of [`ContactBlock`].
#[derive(Properties, PartialEq)]
pub struct ContactBlockProps {
    /// The release's press contacts.
    pub contacts: Rc<Vec<Contact>>,
    /// The UI language.
    pub lang: Lang,
}

/// Each contact's name, office, phones (`tel:` links) and e-mail (`mailto:` link). A phone
/// or address that cannot be made a safe link is shown as text.
#[function_component(ContactBlock)]
pub fn contact_block(props: &ContactBlockProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="iom-news__contacts">
            <h3 class="iom-news__contacts-title">{ message(lang, Key::ContactHeading) }</h3>
            { for props.contacts.iter().map(|contact| html! {
                <address class="iom-news__contact">
                    if let Some(name) = &contact.name {
                        <span class="iom-news__contact-name">{ name }</span>
                    }
                    if let Some(office) = &contact.office {
                        <span class="iom-news__contact-office">{ office }</span>
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

fn link_or_text(href: Option<String>, text: &str) -> Html {
    match href {
        Some(href) => html! { <a {href}>{ text.to_string() }</a> },
        None => html! { { text.to_string() } },
    }
}
