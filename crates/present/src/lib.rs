//! computedeal-present: words and pictures for the core's numbers. Messages
//! in English and Hindi (translations by exhaustive `match`), number and
//! money formatting, the plain-language reading, the view state in the URL,
//! and the seven charts against any plotters backend. Pure: it compiles and
//! tests natively, and knows nothing of the DOM.

pub mod charts;
pub mod en;
pub mod format;
pub mod hi;
pub mod html;
pub mod i18n;
pub mod messages;
pub mod notices;
pub mod reading;
pub mod view;
