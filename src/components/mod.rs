//! Small views, each named after what it shows.

mod frame;
mod lesson_card;
mod lesson_path;
mod notice_banner;
mod page_heading;

pub use frame::{SiteFooter, SiteHeader};
pub use lesson_card::LessonCard;
pub use lesson_path::LessonPath;
pub use notice_banner::NoticeBanner;
pub use page_heading::PageHeading;
