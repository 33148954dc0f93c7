//! Turns the TOML under `content/` into the app's content at build time.
//!
//! The app embeds the result as Rust statics (written with `databake`), so
//! neither a TOML parser nor any parsing code reaches the browser. Every content rule is
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

/// Owned strings as a content list.
fn texts(strings: Vec<String>) -> model::List<model::Text> {
    strings.into_iter().map(Into::into).collect()
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
                    id: format!("{}/{slug}", s.id).into(),
                    title: l.title.into(),
                    summary: l.summary.into(),
                    cards: l.cards.into(),
                }),
                Err(e) => errors.push(e),
            }
        }
        sections.push(Section {
            id: s.id.into(),
            title: s.title.into(),
            intro: s.intro.into(),
            lessons: lessons.into(),
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
        title: course.title.into(),
        tagline: course.tagline.into(),
        intro: texts(course.intro),
        disclaimer: course.disclaimer.into(),
        sections: sections.into(),
        questions: questions.into(),
        people: names.people.into(),
        not_names: texts(names.not_names),
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
            // The browser gets the course without its lessons' cards' prose
            // and the quiz's: those are files of their own, loaded when first
            // needed. Native builds (tests, the build hook) keep the whole text.
            let (skeleton, files) = split_prose(&course);
            let names: Vec<(&str, &str)> = files
                .iter()
                .map(|f| (f.key.as_str(), f.name.as_str()))
                .collect();
            bake(&out.join("prose_files.rs"), &names.as_slice());
            let payloads: Vec<(&str, &str)> = files
                .iter()
                .map(|f| (f.name.as_str(), f.json.as_str()))
                .collect();
            fs::write(
                out.join("prose.json"),
                serde_json::to_string(&payloads).expect("strings serialise"),
            )
            .expect("OUT_DIR is writable");
            if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
                bake(&out.join("course.rs"), &skeleton);
            } else {
                bake(&out.join("course.rs"), &course);
            }
            // `content/checkin.toml`, checked against the course it links into.
            let guide: CheckinGuide = load_checked(&root.join("checkin.toml"), |g| {
                validate::validate_checkin(g, &course)
            })
            .unwrap_or_else(|errors| fail(&errors));
            bake(&out.join("checkin.rs"), &guide);
            // `content/together.toml`, checked against the check-in's kinds.
            let together: TogetherGuide = load_checked(&root.join("together.toml"), |t| {
                validate::validate_together(t, &guide)
            })
            .unwrap_or_else(|errors| fail(&errors));
            bake(&out.join("together.rs"), &together);
        }
        Err(errors) => fail(&errors),
    }
}

/// One file of prose the app loads when it first needs it.
struct ProseFile {
    /// What it belongs to: a lesson's id, or `quiz`.
    key: String,
    /// Its path in the built site, named by a hash of its contents, so a
    /// page only ever gets the file of its own build.
    name: String,
    /// A JSON array of strings, in the order `model::take_prose` took them.
    json: String,
}

/// The course with each lesson's cards' prose and the quiz's taken out, and
/// that prose as one file per lesson plus one for the quiz.
fn split_prose(course: &Course) -> (Course, Vec<ProseFile>) {
    use sha2::{Digest, Sha256};
    let file = |key: &str, prose: Vec<String>| {
        let json = serde_json::to_string(&prose).expect("strings serialise");
        let hash: String = Sha256::digest(json.as_bytes())[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        ProseFile {
            key: key.into(),
            name: format!("{}/{}.{hash}.json", model::PROSE_DIR, key.replace('/', "-")),
            json,
        }
    };
    let mut skeleton = course.clone();
    let mut files = Vec::new();
    for section in skeleton.sections.to_mut() {
        for lesson in section.lessons.to_mut() {
            let prose = model::take_prose(lesson.cards.to_mut());
            files.push(file(&lesson.id, prose));
        }
    }
    let prose = model::take_prose(skeleton.questions.to_mut());
    files.push(file(model::QUIZ_PROSE, prose));
    (skeleton, files)
}

/// Writes `value` as one Rust expression that builds it from borrowed
/// statics, for `include!` in src/content/mod.rs: the app reads the guide
/// straight from its binary, with no parsing code and nothing to parse.
fn bake(path: &Path, value: &impl databake::Bake) {
    let code = value.bake(&databake::CrateEnv::default()).to_string();
    fs::write(path, code).expect("OUT_DIR is writable");
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
