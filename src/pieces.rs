//! Code per route: each route's page comes in its own piece of the wasm.
//!
//! In the release build for the browser, every page named in [`pieces!`]
//! below is a split point (`wasm_split`, as Leptos's `#[lazy]` uses): the
//! build tool (tools/src/split.rs) cuts the wasm there into a main piece (the
//! runtime, router, shell and persistence) and one piece per route, plus
//! shared chunks, and each page preloads its route's pieces. The router
//! waits for a route's piece before it shows the route, so the page in view
//! stays until the next one can draw.
//!
//! Everywhere else the routes are the page components themselves: natively
//! (the build tool's prerender renders them synchronously), and in the
//! debug build for the browser (`trunk serve`, the wasm tests), which
//! nothing splits.
//!
//! A piece that fails to arrive (offline before the worker has it, a
//! network error) never panics the app, as Leptos 0.8's own lazy routes do:
//! the route shows [`PieceMissing`], which says so and tries again.

use crate::routes::Route;
#[cfg(split)]
use leptos::prelude::*;

/// Declares the pieces and the routes' views in each:
/// `Piece => split_name, preload_name { view_fn: RouteView => Component, … }`.
/// The split name is the piece's name in the wasm and in the build tool's
/// map of files ([`Piece::name`]); each view is what one route shows.
macro_rules! pieces {
    ($( $(#[$doc:meta])* $piece:ident => $split:ident, $preload:ident {
        $( $view:ident : $variant:ident => $page:path ),+ $(,)?
    } ),* $(,)?) => {
        /// A piece of the wasm with one or more routes' pages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Piece {
            $( $(#[$doc])* $piece, )*
        }

        impl Piece {
            /// Every piece.
            pub const ALL: &'static [Piece] = &[$(Piece::$piece),*];

            /// Its name in the split wasm (the build tool's map of which
            /// files each piece needs is keyed by it).
            pub fn name(self) -> &'static str {
                match self {
                    $( Piece::$piece => stringify!($split), )*
                }
            }
        }

        /// What a route shows: one page of a piece.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum RouteView {
            $( $( $variant, )+ )*
        }

        impl RouteView {
            /// Every route's view.
            pub const ALL: &'static [RouteView] = &[$( $( RouteView::$variant, )+ )*];

            /// The piece it is in.
            pub fn piece(self) -> Piece {
                match self {
                    $( $( RouteView::$variant => Piece::$piece, )+ )*
                }
            }
        }

        /// Each route's view, as the router takes it (see the module's doc).
        pub mod views {
            $( $(
                #[allow(missing_docs)]
                #[cfg(split)]
                pub fn $view() -> impl leptos_router::ChooseView {
                    leptos_router::Lazy::<super::lazy::$variant>::new()
                }
                #[allow(missing_docs)]
                #[cfg(not(split))]
                pub fn $view() -> impl leptos_router::ChooseView {
                    $page
                }
            )+ )*
        }

        /// The split points (one per piece) and the routes that wait for them.
        #[cfg(split)]
        mod lazy {
            use super::{arrive, Loading, RouteView};
            use leptos::prelude::*;
            use leptos::wasm_split::SplitLoaderError;

            $(
                #[leptos::wasm_split::wasm_split(
                    $split,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload(#[allow(non_snake_case)] $preload)
                )]
                fn $split(view: RouteView) -> Result<AnyView, SplitLoaderError> {
                    #[allow(unreachable_patterns)]
                    Ok(match view {
                        $( RouteView::$variant => view! { <$page/> }.into_any(), )+
                        // Another piece's view: never asked of this one
                        // (a panic must not cross the split's boundary).
                        _ => ().into_any(),
                    })
                }

                $(
                    pub struct $variant;

                    impl leptos_router::LazyRoute for $variant {
                        fn data() -> Self {
                            $variant
                        }

                        async fn view(_: Self) -> AnyView {
                            arrive(|| -> Loading { Box::pin($split(RouteView::$variant)) }).await
                        }
                    }
                )+
            )*

            /// Fetches `piece` (and the chunks it needs) without drawing it.
            pub async fn preload(piece: super::Piece) -> Result<(), SplitLoaderError> {
                match piece {
                    $( super::Piece::$piece => $preload().await, )*
                }
            }
        }
    };
}

pieces! {
    /// The home page.
    Home => home, preload_home {
        home: Home => crate::pages::Home,
    },
    /// A lesson's cards and its completion screen.
    Lesson => lesson, preload_lesson {
        lesson: Lesson => crate::pages::LessonPage,
    },
    /// The quiz: choosing one, playing, results.
    Quiz => quiz, preload_quiz {
        quiz_home: QuizHome => crate::pages::QuizHome,
        quiz_play: QuizPlay => crate::pages::QuizPlay,
        quiz_results: QuizResults => crate::pages::QuizResults,
    },
    /// The check-in: the relationships, one over time, a new check-in, its
    /// result, answers someone shared and this person kept.
    Checkin => checkin, preload_checkin {
        checkin: Checkin => crate::pages::CheckinHome,
        relationship: Relationship => crate::pages::RelationshipPage,
        checkin_form: CheckinForm => crate::pages::CheckinForm,
        checkin_result: CheckinResult => crate::pages::CheckinResult,
        shared: Shared => crate::pages::SharedPage,
    },
    /// Opening shared answers.
    Compare => compare, preload_compare {
        compare: Compare => crate::pages::ComparePage,
        talk: Talk => crate::pages::TalkPage,
    },
    /// What is stored: export, import, erase.
    Data => data, preload_data {
        data: Data => crate::pages::DataPage,
    },
    /// Every private note.
    Reflections => reflections, preload_reflections {
        reflections: Reflections => crate::pages::ReflectionsPage,
    },
}

impl RouteView {
    /// What a route shows.
    pub fn of(route: &Route) -> RouteView {
        match route {
            Route::Home => RouteView::Home,
            Route::Lesson { .. } | Route::Card { .. } | Route::LessonDone { .. } => {
                RouteView::Lesson
            }
            Route::Quiz => RouteView::QuizHome,
            Route::QuizPlay => RouteView::QuizPlay,
            Route::QuizResults => RouteView::QuizResults,
            Route::Data => RouteView::Data,
            Route::Checkin => RouteView::Checkin,
            Route::Relationship { .. } => RouteView::Relationship,
            Route::NewCheckIn { .. } => RouteView::CheckinForm,
            Route::CheckInResult { .. } => RouteView::CheckinResult,
            Route::Shared { .. } => RouteView::Shared,
            Route::Compare => RouteView::Compare,
            Route::Reflections => RouteView::Reflections,
            Route::Talk => RouteView::Talk,
        }
    }
}

impl Piece {
    /// The piece a route's page is in.
    pub fn of(route: &Route) -> Piece {
        RouteView::of(route).piece()
    }
}

/// A piece's load under way: its page's view, or why it did not arrive.
#[cfg(split)]
type Loading = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>>,
>;

/// The page once its piece is here, or [`PieceMissing`].
#[cfg(split)]
async fn arrive(load: fn() -> Loading) -> AnyView {
    match load().await {
        Ok(page) => page,
        Err(_) => view! { <PieceMissing load/> }.into_any(),
    }
}

/// Fetches the piece of the page the browser opened, so that the app's
/// first draw is the whole page (src/main.rs waits for this before it
/// replaces the prerendered screen). A failure is left to the route, which
/// says so: this never fails.
pub async fn arrive_here() {
    #[cfg(split)]
    if let Some(route) = crate::paths::current_route() {
        let _ = lazy::preload(Piece::of(&route)).await;
    }
}

/// The heading and title of a page whose piece did not arrive.
pub fn missing_heading() -> &'static str {
    closer_core::t!("This page did not load")
}

/// A route whose piece did not arrive: says so in plain words and tries
/// again on request, drawing the page once its piece is here.
#[cfg(split)]
#[component]
fn PieceMissing(load: fn() -> Loading) -> impl IntoView {
    use crate::components::{PageHeading, Title};
    let page = StoredValue::new_local(None::<AnyView>);
    let arrived = RwSignal::new(false);
    let trying = RwSignal::new(false);
    // The page is built under this route's owner, with its contexts (the
    // app's state, the route's params), as the router would have built it.
    let owner = Owner::current().unwrap_or_default();
    let try_again = move |_| {
        trying.set(true);
        owner.with(|| {
            leptos::task::spawn_local_scoped(async move {
                match load().await {
                    Ok(view) => {
                        page.set_value(Some(view));
                        arrived.set(true);
                    }
                    Err(_) => trying.set(false),
                }
            })
        });
    };
    move || {
        if arrived.get() {
            return page.try_update_value(Option::take).flatten().into_any();
        }
        let try_again = try_again.clone();
        view! {
            <Title text=missing_heading()/>
            <div class="page narrow">
                <PageHeading text=missing_heading()/>
                <p role="status">
                    {move || if trying.get() {
                        closer_core::t!("Trying again…")
                    } else {
                        closer_core::t!("This part of Closer did not download. Check your connection, then try again. Nothing you saved is lost.")
                    }}
                </p>
                <p>
                    <button type="button" class="button" on:click=try_again disabled=move || trying.get()>
                        {closer_core::t!("Try again")}
                    </button>
                </p>
            </div>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_piece_and_every_piece_a_route() {
        // One route of each kind: the list the routes' own tests walk.
        let routes = crate::routes::examples();
        for view in RouteView::ALL {
            assert!(
                routes.iter().any(|r| RouteView::of(r) == *view),
                "no route shows {view:?}"
            );
        }
        for piece in Piece::ALL {
            assert!(
                RouteView::ALL.iter().any(|v| v.piece() == *piece),
                "{piece:?} has no page"
            );
        }
        let mut names: Vec<_> = Piece::ALL.iter().map(|p| p.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Piece::ALL.len(), "two pieces share a name");
    }
}
