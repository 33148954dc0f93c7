//! Which pages the build writes: every route that can be known at build
//! time, each with its file name and what the first-screen script needs.

use closer::content::{prose_file, Course, QUIZ_PROSE};
use closer::routes::Route;

/// One page of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The app path it renders (`/quiz`).
    pub path: String,
    /// Its file, relative to the site's root (`quiz.html`).
    pub file: String,
    /// Whether its first screen shows a first visit's state that a returning
    /// person's differs from (their quiz, their notes, their data): for
    /// them only its frame shows until the app draws their own.
    pub personal: bool,
    /// The prose file the app fetches for it, if any.
    pub prose: Option<&'static str>,
}

/// The file a static host serves for `path`: `index.html` for the home
/// page, else the path with `.html` (Netlify, GitHub Pages and nginx's
/// `try_files $uri $uri.html` all answer `/quiz` with `quiz.html`).
pub fn file_for(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".into(),
        p => format!("{p}.html"),
    }
}

/// The not-found page's file: the name GitHub Pages (and many hosts)
/// answer unknown addresses with. The first-screen script sees that the
/// address is not the page's own, so only the frame shows until the app
/// draws the address's page (a relationship's, say), or "Page not found".
pub const NOT_FOUND_FILE: &str = "404.html";

/// Every page, in a stable order: home, the lessons' cards, the quiz, the
/// check-in, compare, reflections, data, and not-found.
pub fn pages(course: &Course) -> Vec<Page> {
    let page = |route: Route, personal: bool, prose: Option<&'static str>| {
        let path = route.path();
        Page {
            file: file_for(&path),
            path,
            personal,
            prose,
        }
    };
    let mut out = vec![page(Route::Home, false, None)];
    for lesson in course.lessons() {
        let prose = prose_file(&lesson.id);
        // Without a card, the app opens the lesson where the person left it.
        out.push(page(Route::lesson(&lesson.id), true, prose));
        for i in 0..lesson.cards.len() {
            out.push(page(Route::card_at(lesson, i), false, prose));
        }
    }
    let quiz = prose_file(QUIZ_PROSE);
    out.push(page(Route::Quiz, true, None));
    out.push(page(Route::QuizPlay, true, quiz));
    out.push(page(Route::QuizResults, true, quiz));
    out.push(page(Route::Checkin, true, None));
    out.push(page(Route::Compare, false, None));
    out.push(page(Route::Reflections, true, None));
    out.push(page(Route::Talk, false, None));
    out.push(page(Route::Data, true, None));
    // Any path the app does not know renders its not-found page.
    out.push(Page {
        path: "/404".into(),
        file: NOT_FOUND_FILE.into(),
        personal: false,
        prose: None,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_card_has_a_page_and_no_two_pages_share_a_file() {
        let c = closer::content::course();
        let all = pages(c);
        let cards: usize = c.lessons().map(|l| l.cards.len()).sum();
        assert_eq!(
            all.iter()
                .filter(|p| p.path.matches('/').count() == 4)
                .count(),
            cards
        );
        let mut files: Vec<_> = all.iter().map(|p| &p.file).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), all.len());
        assert_eq!(all[0].file, "index.html");
        assert!(all
            .iter()
            .any(|p| p.file == "lessons/basics/what-is-intimacy/definition.html"));
    }
}
