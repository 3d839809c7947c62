//! The notices on screen: what the link, an import or a cross-input check
//! had to say, in the reader's language, with a button to dismiss them.

use std::rc::Rc;

use yew::prelude::*;

use computedeal_core::notice::Notice;
use computedeal_present::i18n::{messages, Lang};
use computedeal_present::notices::notice_text;

use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Rc<Vec<Notice>>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let m = messages(props.lang);
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissNotices))
    };
    html! {
        <div class="notices" role="status">
            <p>{ m.notices }</p>
            <ul>{ for props.notices.iter().map(|w| html! { <li data-key={w.key.clone()}>{ notice_text(props.lang, w) }</li> }) }</ul>
            <button type="button" class="link" onclick={dismiss}>{ m.dismiss }</button>
        </div>
    }
}
