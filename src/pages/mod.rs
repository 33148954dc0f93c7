//! One module per route, named after the route.

mod data;
mod home;
mod lesson;
mod not_found;
mod quiz;

pub use data::DataPage;
pub use home::Home;
pub use lesson::LessonPage;
pub use not_found::NotFound;
pub use quiz::{QuizHome, QuizPlay, QuizResults};
