//! Turns the TOML under `content/` into the app's content at build time.
//!
//! The app embeds the result as JSON (it already ships serde_json for its
//! progress), so no TOML parser reaches the browser. Every content rule is
//! checked here: broken content fails the build, with every problem listed.

use serde::Deserialize;
use std::{
    env, fs,
    path::{Path, PathBuf},
};

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/content/validate.rs"]
mod validate;

use model::{Card, CheckinGuide, Course, Lesson, Section, TogetherGuide};

/// `content/course.toml`: the course with each section's lessons named by slug.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    format_version: u32,
    title: String,
    tagline: String,
    intro: Vec<String>,
    disclaimer: String,
    sections: Vec<SectionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    id: String,
    title: String,
    intro: String,
    lessons: Vec<String>,
}

/// `content/quiz.toml`: the question bank.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    questions: Vec<model::Question>,
}

/// `content/names.toml`: everyone in the stories, and the capitalised words that are not names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    people: Vec<model::Person>,
}

/// `content/lessons/<section>/<slug>.toml`: one lesson; its id comes from its path.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFile {
    title: String,
    summary: String,
    cards: Vec<Card>,
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    toml::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

fn load(root: &Path) -> Result<Course, Vec<String>> {
    let course: CourseFile = parse(&root.join("course.toml")).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut sections = Vec::new();
    let mut listed = Vec::new();
    for s in course.sections {
        let mut lessons = Vec::new();
        for slug in s.lessons {
            let path = root
                .join("lessons")
                .join(&s.id)
                .join(format!("{slug}.toml"));
            listed.push(path.clone());
            match parse::<LessonFile>(&path) {
                Ok(l) => lessons.push(Lesson {
                    id: format!("{}/{slug}", s.id),
                    title: l.title,
                    summary: l.summary,
                    cards: l.cards,
                }),
                Err(e) => errors.push(e),
            }
        }
        sections.push(Section {
            id: s.id,
            title: s.title,
            intro: s.intro,
            lessons,
        });
    }
    // A lesson file that course.toml does not list would silently never ship.
    if let Ok(dirs) = fs::read_dir(root.join("lessons")) {
        for dir in dirs.flatten() {
            for file in fs::read_dir(dir.path()).into_iter().flatten().flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "toml") && !listed.contains(&path) {
                    errors.push(format!("{}: not listed in course.toml", path.display()));
                }
            }
        }
    }
    let quiz = root.join("quiz.toml");
    let questions = if quiz.exists() {
        match parse::<QuizFile>(&quiz) {
            Ok(q) => q.questions,
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    let names = root.join("names.toml");
    let names = if names.exists() {
        match parse::<NamesFile>(&names) {
            Ok(n) => n,
            Err(e) => {
                errors.push(e);
                NamesFile {
                    not_names: Vec::new(),
                    people: Vec::new(),
                }
            }
        }
    } else {
        NamesFile {
            not_names: Vec::new(),
            people: Vec::new(),
        }
    };
    let course = Course {
        format_version: course.format_version,
        title: course.title,
        tagline: course.tagline,
        intro: course.intro,
        disclaimer: course.disclaimer,
        sections,
        questions,
        people: names.people,
        not_names: names.not_names,
    };
    errors.extend(validate::validate(&course).iter().map(|e| e.to_string()));
    if errors.is_empty() {
        Ok(course)
    } else {
        Err(errors)
    }
}

fn main() {
    // CLOSER_CONTENT_DIR points the build at other content (e.g. a draft).
    println!("cargo:rerun-if-env-changed=CLOSER_CONTENT_DIR");
    let root = match env::var_os("CLOSER_CONTENT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("content"),
    };
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=src/content/model.rs");
    println!("cargo:rerun-if-changed=src/content/validate.rs");
    match load(&root) {
        Ok(mut course) => {
            let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
            // The names list is for the build's checks and the native tests, not
            // for the browser: it goes to a file of its own that the app never embeds.
            let names = serde_json::json!({
                "people": std::mem::take(&mut course.people),
                "not_names": std::mem::take(&mut course.not_names),
            });
            fs::write(out.join("names.json"), names.to_string()).expect("OUT_DIR is writable");
            let json = serde_json::to_string(&course).expect("content serialises");
            fs::write(out.join("content.json"), json).expect("OUT_DIR is writable");
            // `content/checkin.toml`, checked against the course it links into.
            let guide: CheckinGuide = load_checked(&root.join("checkin.toml"), |g| {
                validate::validate_checkin(g, &course)
            })
            .unwrap_or_else(|errors| fail(&errors));
            let json = serde_json::to_string(&guide).expect("content serialises");
            fs::write(out.join("checkin.json"), json).expect("OUT_DIR is writable");
            // `content/together.toml`, checked against the check-in's kinds.
            let together: TogetherGuide = load_checked(&root.join("together.toml"), |t| {
                validate::validate_together(t, &guide)
            })
            .unwrap_or_else(|errors| fail(&errors));
            let json = serde_json::to_string(&together).expect("content serialises");
            fs::write(out.join("together.json"), json).expect("OUT_DIR is writable");
        }
        Err(errors) => fail(&errors),
    }
}

/// A content file, parsed and then checked by `check`, with every broken
/// rule listed.
fn load_checked<T: for<'de> Deserialize<'de>>(
    path: &Path,
    check: impl FnOnce(&T) -> Vec<validate::ContentError>,
) -> Result<T, Vec<String>> {
    let value: T = parse(path).map_err(|e| vec![e])?;
    let errors: Vec<String> = check(&value).iter().map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

fn fail(errors: &[String]) -> ! {
    eprintln!(
        "The content under content/ breaks {} rule(s):",
        errors.len()
    );
    for e in errors {
        eprintln!("  - {e}");
    }
    panic!("content is invalid (see the list above)");
}
