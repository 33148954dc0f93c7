//! One module per route, named after the route.

pub(crate) mod checkin;
mod compare;
mod data;
pub(crate) mod data_lock;
mod home;
mod lesson;
mod not_found;
mod quiz;
mod reflections;
mod talk;

pub use checkin::{CheckinForm, CheckinHome, CheckinResult, RelationshipPage, SharedPage};
pub use compare::ComparePage;
pub use data::DataPage;
pub use home::Home;
pub use lesson::LessonPage;
pub use not_found::NotFound;
pub use quiz::{QuizHome, QuizPlay, QuizResults};
pub use reflections::ReflectionsPage;
pub use talk::TalkPage;
