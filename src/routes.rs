//! Every path of the app, built and read in one place.
//!
//! [`Route`] names each page the router in `src/app.rs` knows; views build
//! links with [`Route::href`] (the path under the site's base) and navigate
//! with [`use_go`] (the router adds the base itself), and never write a path
//! by hand. [`Route::parse`] reads a path back, the inverse of
//! [`Route::path`]. The route parameters the pages read are the typed
//! structs at the end ([`LessonParams`], [`RelationshipParams`],
//! [`RecordParams`]).
//!
//! Ids in paths are written as they are: lesson and card ids are slugs (the
//! content rules check them), relationship and record ids are hex digits
//! (`env::random_id`), so none needs escaping.

use crate::content::{
    card_path, done_path, validate::RESERVED_CARD_ID, Lesson, SUPPORT_LESSON, UNSAFE_CARD,
};
use crate::paths::app_path;
use leptos::Params;
use leptos_router::{hooks::use_navigate, params::Params, NavigateOptions};

/// The query parameter of `/talk` that names the kinds to start with.
pub const TALK_START: &str = "start";

/// A page of the app, with what its path carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// `/`: the welcome and the path of lessons.
    Home,
    /// `/lessons/:section/:slug`: a lesson, opened where the person left it.
    Lesson {
        /// The lesson's id, `section/slug`.
        lesson: String,
    },
    /// `/lessons/:section/:slug/:card`: one card of a lesson. Never the
    /// reserved id [`RESERVED_CARD_ID`]: that path is [`Route::LessonDone`]
    /// (build cards with [`Route::card`], which knows).
    Card {
        /// The lesson's id, `section/slug`.
        lesson: String,
        /// The card's id.
        card: String,
    },
    /// `/lessons/:section/:slug/done`: a lesson's completion screen.
    LessonDone {
        /// The lesson's id, `section/slug`.
        lesson: String,
    },
    /// `/quiz`: choose a quiz.
    Quiz,
    /// `/quiz/play`: the question of the quiz under way.
    QuizPlay,
    /// `/quiz/results`: the last finished quiz.
    QuizResults,
    /// `/data`: what is stored; export, import, erase.
    Data,
    /// `/checkin`: the relationships a person checks in on.
    Checkin,
    /// `/checkin/:rel`: one relationship over time.
    Relationship {
        /// The relationship's id.
        rel: String,
    },
    /// `/checkin/:rel/new`: a new check-in on a relationship.
    NewCheckIn {
        /// The relationship's id.
        rel: String,
    },
    /// `/checkin/:rel/results/:id`: what a check-in shows.
    CheckInResult {
        /// The relationship's id.
        rel: String,
        /// The check-in's id.
        id: String,
    },
    /// `/checkin/:rel/shared/:id`: answers someone shared and this person kept.
    Shared {
        /// The relationship's id.
        rel: String,
        /// The kept answers' id.
        id: String,
    },
    /// `/compare`: opening answers someone shared (a link's `#` or a code).
    Compare,
    /// `/reflections`: every private note in one place.
    Reflections,
    /// `/talk`: the conversation questions one at a time ("Talk together").
    /// A link may add `?start=<kind ids>` (see [`talk_starting_with`]).
    Talk,
}

impl Route {
    /// A lesson, opened where the person left it.
    pub fn lesson(lesson: &str) -> Route {
        Route::Lesson {
            lesson: lesson.to_string(),
        }
    }

    /// A card of a lesson; the reserved card id is the completion screen.
    pub fn card(lesson: &str, card: &str) -> Route {
        if card == RESERVED_CARD_ID {
            Route::done(lesson)
        } else {
            Route::Card {
                lesson: lesson.to_string(),
                card: card.to_string(),
            }
        }
    }

    /// The card at `index` of a lesson (its first card if out of range).
    pub fn card_at(lesson: &Lesson, index: usize) -> Route {
        let card = lesson
            .cards
            .get(index)
            .map_or_else(|| lesson.first_card_id(), |c| c.id());
        Route::card(&lesson.id, card)
    }

    /// A lesson's first card, where a new reader starts.
    pub fn first_card(lesson: &Lesson) -> Route {
        Route::card(&lesson.id, lesson.first_card_id())
    }

    /// A lesson's completion screen.
    pub fn done(lesson: &str) -> Route {
        Route::LessonDone {
            lesson: lesson.to_string(),
        }
    }

    /// The lesson on getting support.
    pub fn support() -> Route {
        Route::lesson(SUPPORT_LESSON)
    }

    /// The support lesson's card on what to do when someone feels unsafe.
    pub fn if_unsafe() -> Route {
        Route::card(SUPPORT_LESSON, UNSAFE_CARD)
    }

    /// The href of "Talk together" with questions on `kinds` (kind ids)
    /// first, as a comparison suggests them; the page reads [`TALK_START`].
    pub fn talk_starting_with(kinds: &[&str]) -> String {
        let href = Route::Talk.href();
        if kinds.is_empty() {
            href
        } else {
            format!("{href}?{TALK_START}={}", kinds.join(","))
        }
    }

    /// A relationship's page.
    pub fn relationship(rel: &str) -> Route {
        Route::Relationship {
            rel: rel.to_string(),
        }
    }

    /// The form for a new check-in on a relationship.
    pub fn new_check_in(rel: &str) -> Route {
        Route::NewCheckIn {
            rel: rel.to_string(),
        }
    }

    /// A check-in's result.
    pub fn check_in_result(rel: &str, id: &str) -> Route {
        Route::CheckInResult {
            rel: rel.to_string(),
            id: id.to_string(),
        }
    }

    /// Answers someone shared about a relationship, kept.
    pub fn shared(rel: &str, id: &str) -> Route {
        Route::Shared {
            rel: rel.to_string(),
            id: id.to_string(),
        }
    }

    /// The app path, without the site's base (`/quiz`): what the router
    /// matches and `navigate` takes.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Lesson { lesson } => format!("/lessons/{lesson}"),
            Route::Card { lesson, card } => card_path(lesson, card),
            Route::LessonDone { lesson } => done_path(lesson),
            Route::Quiz => "/quiz".into(),
            Route::QuizPlay => "/quiz/play".into(),
            Route::QuizResults => "/quiz/results".into(),
            Route::Data => "/data".into(),
            Route::Checkin => "/checkin".into(),
            Route::Relationship { rel } => format!("/checkin/{rel}"),
            Route::NewCheckIn { rel } => format!("/checkin/{rel}/new"),
            Route::CheckInResult { rel, id } => format!("/checkin/{rel}/results/{id}"),
            Route::Shared { rel, id } => format!("/checkin/{rel}/shared/{id}"),
            Route::Compare => "/compare".into(),
            Route::Reflections => "/reflections".into(),
            Route::Talk => "/talk".into(),
        }
    }

    /// The link's href: the path under the site's base (`/closer/quiz`).
    /// leptos_router's `<A>` leaves absolute paths as they are, so every
    /// link uses this.
    pub fn href(&self) -> String {
        app_path(&self.path())
    }

    /// The route of an app path (without the base), the inverse of
    /// [`Route::path`]; `None` for a path no page has (the router shows
    /// "Page not found" there). Exact: no trailing slash, query or fragment.
    pub fn parse(path: &str) -> Option<Route> {
        let rest = path.strip_prefix('/')?;
        if rest.is_empty() {
            return Some(Route::Home);
        }
        let parts: Vec<&str> = rest.split('/').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        let lesson = |section: &str, slug: &str| format!("{section}/{slug}");
        Some(match parts.as_slice() {
            ["lessons", section, slug] => Route::Lesson {
                lesson: lesson(section, slug),
            },
            ["lessons", section, slug, card] => Route::card(&lesson(section, slug), card),
            ["quiz"] => Route::Quiz,
            ["quiz", "play"] => Route::QuizPlay,
            ["quiz", "results"] => Route::QuizResults,
            ["data"] => Route::Data,
            ["checkin"] => Route::Checkin,
            ["checkin", rel] => Route::relationship(rel),
            ["checkin", rel, "new"] => Route::new_check_in(rel),
            ["checkin", rel, "results", id] => Route::check_in_result(rel, id),
            ["checkin", rel, "shared", id] => Route::shared(rel, id),
            ["compare"] => Route::Compare,
            ["reflections"] => Route::Reflections,
            ["talk"] => Route::Talk,
            _ => return None,
        })
    }
}

/// Navigation to a route, for handlers: `go(&Route::QuizPlay, Default::default())`.
/// It passes [`Route::path`], since the router adds the base itself (an
/// href would carry it twice under a sub-path).
pub fn use_go() -> impl Fn(&Route, NavigateOptions) + Clone {
    let navigate = use_navigate();
    move |route: &Route, options: NavigateOptions| navigate(&route.path(), options)
}

/// The parameters of `/lessons/:section/:slug[/:card]`.
#[derive(Params, Debug, Clone, PartialEq, Eq)]
pub struct LessonParams {
    /// The section part of the lesson's id.
    pub section: String,
    /// The slug part of the lesson's id.
    pub slug: String,
    /// The card's id (or [`RESERVED_CARD_ID`]); none to resume the lesson.
    pub card: Option<String>,
}

impl LessonParams {
    /// The lesson's id, `section/slug`.
    pub fn lesson_id(&self) -> String {
        format!("{}/{}", self.section, self.slug)
    }
}

/// The parameter of `/checkin/:rel` and the pages below it.
#[derive(Params, Debug, Clone, PartialEq, Eq)]
pub struct RelationshipParams {
    /// The relationship's id.
    pub rel: String,
}

/// The parameters of `/checkin/:rel/results/:id` and `/checkin/:rel/shared/:id`.
#[derive(Params, Debug, Clone, PartialEq, Eq)]
pub struct RecordParams {
    /// The relationship's id.
    pub rel: String,
    /// The check-in's or the kept answers' id.
    pub id: String,
}

#[cfg(test)]
/// One route of each kind, with ids as the app makes them.
pub(crate) fn examples() -> Vec<Route> {
    vec![
        Route::Home,
        Route::lesson("basics/what-is-intimacy"),
        Route::card("basics/what-is-intimacy", "first"),
        Route::done("basics/what-is-intimacy"),
        Route::Quiz,
        Route::QuizPlay,
        Route::QuizResults,
        Route::Data,
        Route::Checkin,
        Route::relationship("0a1b2c3d4e5f6789"),
        Route::new_check_in("0a1b2c3d4e5f6789"),
        Route::check_in_result("0a1b2c3d4e5f6789", "89abcdef01234567"),
        Route::shared("0a1b2c3d4e5f6789", "89abcdef01234567"),
        Route::Compare,
        Route::Reflections,
        Route::Talk,
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::course;
    use proptest::prelude::*;

    #[test]
    fn every_route_has_its_documented_path() {
        let paths: Vec<String> = examples().iter().map(Route::path).collect();
        assert_eq!(
            paths,
            [
                "/",
                "/lessons/basics/what-is-intimacy",
                "/lessons/basics/what-is-intimacy/first",
                "/lessons/basics/what-is-intimacy/done",
                "/quiz",
                "/quiz/play",
                "/quiz/results",
                "/data",
                "/checkin",
                "/checkin/0a1b2c3d4e5f6789",
                "/checkin/0a1b2c3d4e5f6789/new",
                "/checkin/0a1b2c3d4e5f6789/results/89abcdef01234567",
                "/checkin/0a1b2c3d4e5f6789/shared/89abcdef01234567",
                "/compare",
                "/reflections",
                "/talk",
            ]
        );
    }

    #[test]
    fn every_route_reads_back_from_its_path() {
        for route in examples() {
            assert_eq!(
                Route::parse(&route.path()),
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn the_reserved_card_is_the_completion_screen() {
        assert_eq!(
            Route::card("a/b", RESERVED_CARD_ID),
            Route::done("a/b"),
            "the constructor knows the reserved id"
        );
        assert_eq!(Route::parse("/lessons/a/b/done"), Some(Route::done("a/b")));
        assert_eq!(Route::done("a/b").path(), done_path("a/b"));
    }

    #[test]
    fn paths_no_page_has_are_none() {
        for path in [
            "",
            "quiz",
            "//",
            "/quiz/",
            "/quiz/play/more",
            "/lessons",
            "/lessons/basics",
            "/lessons/basics//card",
            "/lessons/a/b/c/d",
            "/checkin/",
            "/checkin/r/old",
            "/checkin/r/results",
            "/checkin/r/results/id/more",
            "/checkin/r/kept/id",
            "/data?x=1",
            "/compare#code",
            "/nowhere",
        ] {
            assert_eq!(Route::parse(path), None, "{path:?}");
        }
    }

    #[test]
    fn every_lesson_and_card_of_the_course_has_a_route_that_reads_back() {
        for lesson in course().lessons() {
            let first = Route::first_card(lesson);
            assert_eq!(first.path(), lesson.first_card_path());
            for (i, card) in lesson.cards.iter().enumerate() {
                let route = Route::card_at(lesson, i);
                assert_eq!(route.path(), lesson.card_path_at(i));
                assert_eq!(route, Route::card(&lesson.id, card.id()));
                assert_eq!(Route::parse(&route.path()), Some(route));
            }
            assert_eq!(
                Route::card_at(lesson, lesson.cards.len()),
                first,
                "out of range is the first card"
            );
            let whole = Route::lesson(&lesson.id);
            assert_eq!(Route::parse(&whole.path()), Some(whole));
        }
    }

    #[test]
    fn the_support_routes_point_at_the_guide() {
        let Route::Lesson { lesson } = Route::support() else {
            panic!("the support route is a lesson");
        };
        let support = course()
            .lesson(&lesson)
            .expect("the support lesson is in the guide");
        assert!(support.card_index(UNSAFE_CARD).is_some());
        assert_eq!(
            Route::if_unsafe().path(),
            format!("/lessons/{SUPPORT_LESSON}/{UNSAFE_CARD}")
        );
    }

    /// The router's patterns (`path!("…")` in src/app.rs) are exactly the
    /// routes' shapes, so a page added to one is added to the other.
    #[test]
    fn the_router_has_a_pattern_for_every_route_and_no_other() {
        let app = include_str!("app.rs");
        let mut patterns: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
            .collect();
        patterns.sort_unstable();
        let shape = |route: &Route| -> String {
            let path = route.path();
            let params: &[(&str, &str)] = match route {
                Route::Lesson { .. } => &[("basics/what-is-intimacy", ":section/:slug")],
                // Cards and the completion screen share one pattern.
                Route::Card { .. } | Route::LessonDone { .. } => &[
                    ("basics/what-is-intimacy/first", ":section/:slug/:card"),
                    ("basics/what-is-intimacy/done", ":section/:slug/:card"),
                ],
                _ => &[("0a1b2c3d4e5f6789", ":rel"), ("89abcdef01234567", ":id")],
            };
            params
                .iter()
                .fold(path, |p, (value, param)| p.replace(value, param))
        };
        let mut shapes: Vec<String> = examples().iter().map(shape).collect();
        shapes.sort_unstable();
        shapes.dedup();
        assert_eq!(patterns, shapes);
    }

    /// A path segment as the app's ids are: a slug or hex digits.
    fn segment() -> impl Strategy<Value = String> {
        "[a-z0-9-]{1,16}"
    }

    /// A lesson id as the content has them: `section/slug`.
    fn lesson_id() -> impl Strategy<Value = String> {
        (segment(), segment()).prop_map(|(s, l)| format!("{s}/{l}"))
    }

    fn any_route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Home),
            lesson_id().prop_map(|lesson| Route::Lesson { lesson }),
            (lesson_id(), segment())
                .prop_map(|(lesson, card): (String, String)| Route::card(&lesson, &card)),
            lesson_id().prop_map(|lesson| Route::LessonDone { lesson }),
            Just(Route::Quiz),
            Just(Route::QuizPlay),
            Just(Route::QuizResults),
            Just(Route::Data),
            Just(Route::Checkin),
            segment().prop_map(|rel| Route::Relationship { rel }),
            segment().prop_map(|rel| Route::NewCheckIn { rel }),
            (segment(), segment()).prop_map(|(rel, id)| Route::CheckInResult { rel, id }),
            (segment(), segment()).prop_map(|(rel, id)| Route::Shared { rel, id }),
            Just(Route::Compare),
            Just(Route::Reflections),
            Just(Route::Talk),
        ]
    }

    /// Paths of the routes' words and other segments, empty ones too.
    fn any_path() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("lessons".to_string()),
            Just("quiz".to_string()),
            Just("play".to_string()),
            Just("results".to_string()),
            Just("data".to_string()),
            Just("checkin".to_string()),
            Just("new".to_string()),
            Just("shared".to_string()),
            Just("done".to_string()),
            Just("compare".to_string()),
            Just("reflections".to_string()),
            "[a-z0-9-]{0,4}",
        ];
        prop::collection::vec(word, 0..6)
            .prop_map(|words| words.iter().map(|w| format!("/{w}")).collect::<String>())
    }

    proptest! {
        #[test]
        fn parse_reads_back_every_path(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.path()), Some(route));
        }

        #[test]
        fn a_parsed_path_is_written_back_the_same(path in any_path()) {
            if let Some(route) = Route::parse(&path) {
                prop_assert_eq!(route.path(), path);
            }
        }
    }
}
