//! Small views, each named after what it shows.

mod chart;
mod comparison;
mod confirm;
mod evidence_label;
mod frame;
mod lesson_card;
mod lesson_path;
mod listen;
mod lock_screen;
mod mastery_list;
mod notice_banner;
mod option_feedback;
mod page_heading;
mod prose_pending;
mod quiz_question;
mod refusal;
mod reminder;
mod scroll_table;
mod share_panel;
mod small_step;
mod title;
mod update_banner;

pub use chart::{rating_words, Chart, Drawing, NowWishedFigure};
pub use comparison::{sender_name, shared_day, their_label, Comparison, MutualComparison};
pub use confirm::Confirm;
pub use evidence_label::EvidenceList;
pub use frame::{SiteFooter, SiteHeader};
pub use lesson_card::LessonCard;
pub use lesson_path::LessonPath;
pub use listen::Listen;
pub use lock_screen::LockScreen;
pub use mastery_list::MasteryList;
pub use notice_banner::NoticeBanner;
pub use option_feedback::{AllFeedback, Mark, OptionMark};
pub use page_heading::{Name, PageHeading};
pub use prose_pending::ProsePending;
pub use quiz_question::QuizQuestion;
pub use refusal::Refusal;
pub use reminder::{AddToCalendar, NextReviews, ReminderFor};
pub use scroll_table::ScrollTable;
pub use share_panel::SharePanel;
pub use small_step::{open_chooser, step_text, StepCard, StepChooser, CHOOSER_ID};
#[cfg(not(target_arch = "wasm32"))]
pub use title::take_rendered_title;
pub use title::{titles, Title};
pub use update_banner::UpdateBanner;
