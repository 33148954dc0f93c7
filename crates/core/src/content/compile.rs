//! The content compiler: reads the TOML under `content/`, checks every rule
//! in [`super::validate`] (listing every broken one at once), and writes the
//! guide for the app as Rust statics (with `databake`), so neither a TOML
//! parser nor any parsing code reaches the browser.
//!
//! The app's `build.rs` calls [`build_script`]; native tests and tools call
//! [`load`] to get the same guide straight from the files.

use super::model::{self, Card, CheckinGuide, Course, Lesson, Section, TogetherGuide};
use super::validate::{self, ContentError};
use serde::Deserialize;
use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
};

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
#[derive(Deserialize, Default)]
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

/// The whole guide, checked: the course (with its names list, which the app
/// does not ship), the check-in's guide and the together guide.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// Lessons, quiz and the names list.
    pub course: Course,
    /// `content/checkin.toml`.
    pub checkin: CheckinGuide,
    /// `content/together.toml`.
    pub together: TogetherGuide,
}

impl Guide {
    /// The course as the app embeds it: everything but the names list,
    /// which is for the build's checks only.
    pub fn shipped_course(&self) -> Course {
        Course {
            people: Default::default(),
            not_names: Default::default(),
            ..self.course.clone()
        }
    }
}

/// One file of prose the app loads when it first needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseFile {
    /// What it belongs to: a lesson's id, or [`model::QUIZ_PROSE`].
    pub key: String,
    /// Its path in the built site, named by a hash of its contents, so a
    /// page only ever gets the file of its own build.
    pub name: String,
    /// A JSON array of strings, in the order [`model::take_prose`] took them.
    pub json: String,
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    toml::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Owned strings as a content list.
fn texts(strings: Vec<String>) -> model::List<model::Text> {
    strings.into_iter().map(Into::into).collect()
}

/// Every content file under `root`, parsed and checked. On failure, every
/// problem found, one line each, with the file it is in.
pub fn load(root: &Path) -> Result<Guide, Vec<String>> {
    let course = load_course(root)?;
    let checkin: CheckinGuide = load_checked(&root.join("checkin.toml"), |g| {
        validate::validate_checkin(g, &course)
    })?;
    let together: TogetherGuide = load_checked(&root.join("together.toml"), |t| {
        validate::validate_together(t, &checkin)
    })?;
    Ok(Guide {
        course,
        checkin,
        together,
    })
}

fn load_course(root: &Path) -> Result<Course, Vec<String>> {
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
        parse::<QuizFile>(&quiz)
            .map(|q| q.questions)
            .unwrap_or_else(|e| {
                errors.push(e);
                Vec::new()
            })
    } else {
        Vec::new()
    };
    let names = root.join("names.toml");
    let names = if names.exists() {
        parse::<NamesFile>(&names).unwrap_or_else(|e| {
            errors.push(e);
            NamesFile::default()
        })
    } else {
        NamesFile::default()
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

/// A content file, parsed and then checked by `check`, with every broken
/// rule listed.
fn load_checked<T: for<'de> Deserialize<'de>>(
    path: &Path,
    check: impl FnOnce(&T) -> Vec<ContentError>,
) -> Result<T, Vec<String>> {
    let value: T = parse(path).map_err(|e| vec![e])?;
    let errors: Vec<String> = check(&value).iter().map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// The first 8 bytes of the SHA-256 of `text`, in hex: the part of a
/// built file's name that changes with its contents.
fn short_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The course with each lesson's cards' prose and the quiz's taken out, and
/// that prose as one file per lesson plus one for the quiz.
pub fn split_prose(course: &Course) -> (Course, Vec<ProseFile>) {
    split_prose_in(course, model::PROSE_DIR)
}

/// [`split_prose`], with the files named under `dir` (a language's own
/// folder for a language other than English).
pub fn split_prose_in(course: &Course, dir: &str) -> (Course, Vec<ProseFile>) {
    let file = |key: &str, prose: Vec<String>| {
        let json = serde_json::to_string(&prose).expect("strings serialise");
        let hash = short_hash(&json);
        ProseFile {
            key: key.into(),
            name: format!("{dir}/{}.{hash}.json", key.replace('/', "-")),
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
/// statics, for `include!` in the app.
fn bake(path: &Path, value: &impl databake::Bake) -> Result<(), String> {
    let code = value.bake(&databake::CrateEnv::default()).to_string();
    fs::write(path, code).map_err(|e| format!("{}: {e}", path.display()))
}

/// What the app's build script writes into `out` for `include!`:
/// - `course.rs`: the course, as a skeleton without the cards' and the
///   quiz's prose when `skeleton` is set (the browser's build: the prose
///   goes to files of its own), whole otherwise (native: tests, prerender);
///   never the names list;
/// - `checkin.rs`, `together.rs`: the other two guides;
/// - `prose_files.rs`: `(key, path in the site)` of every prose file;
/// - `prose.json`: `[(path in the site, JSON)]`, for the build tool to write;
/// - `names.json`: the names list, for native checks only;
/// - `lang_files.rs`: `(code, path in the site)` of each other language's file;
/// - `langs.json`: `[(path in the site, JSON)]` of those files and their prose.
pub fn write_baked(
    guide: &Guide,
    langs: &[LangFiles],
    out: &Path,
    skeleton: bool,
) -> Result<(), String> {
    let course = guide.shipped_course();
    let names = serde_json::json!({
        "people": guide.course.people,
        "not_names": guide.course.not_names,
    });
    let write = |name: &str, text: String| {
        let path = out.join(name);
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("names.json", names.to_string())?;
    let (bare, files) = split_prose(&course);
    let keys: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.key.as_str(), f.name.as_str()))
        .collect();
    bake(&out.join("prose_files.rs"), &keys.as_slice())?;
    let payloads: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.json.as_str()))
        .collect();
    write(
        "prose.json",
        serde_json::to_string(&payloads).expect("strings serialise"),
    )?;
    bake(
        &out.join("course.rs"),
        if skeleton { &bare } else { &course },
    )?;
    bake(&out.join("checkin.rs"), &guide.checkin)?;
    bake(&out.join("together.rs"), &guide.together)?;
    let lang_files: Vec<(&str, &str)> = langs
        .iter()
        .map(|l| (l.code.as_str(), l.name.as_str()))
        .collect();
    bake(&out.join("lang_files.rs"), &lang_files.as_slice())?;
    let lang_payloads: Vec<(&str, &str)> = langs
        .iter()
        .flat_map(|l| {
            std::iter::once((l.name.as_str(), l.json.as_str()))
                .chain(l.prose.iter().map(|f| (f.name.as_str(), f.json.as_str())))
        })
        .collect();
    write(
        "langs.json",
        serde_json::to_string(&lang_payloads).expect("strings serialise"),
    )
}

/// The whole of a build script: compiles `content/` (or `CLOSER_CONTENT_DIR`)
/// beside the manifest into `OUT_DIR`, a skeleton for wasm32, and fails the
/// build with every broken rule listed.
pub fn build_script() {
    use std::env;
    println!("cargo:rerun-if-env-changed=CLOSER_CONTENT_DIR");
    println!("cargo:rerun-if-env-changed=CLOSER_LANG_DRAFT");
    let root = match env::var_os("CLOSER_CONTENT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("content"),
    };
    println!("cargo:rerun-if-changed={}", root.display());
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    // The interface strings' keys: every `t!`/`tn!` in the app and the core.
    let code = [manifest.join("src"), manifest.join("crates/core/src")];
    for dir in &code {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    let result = load(&root).and_then(|guide| {
        let keys = code_keys(&code)?;
        let mut langs = Vec::new();
        let mut errors = Vec::new();
        for lang in crate::i18n::Lang::ALL.into_iter().skip(1) {
            match load_lang(&root, lang.code(), &guide, &keys) {
                Ok((_, files)) => langs.push(files),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        write_baked(&guide, &langs, &out, wasm).map_err(|e| vec![e])
    });
    if let Err(errors) = result {
        eprintln!(
            "The content under content/ breaks {} rule(s):",
            errors.len()
        );
        for e in &errors {
            eprintln!("  - {e}");
        }
        panic!("content is invalid (see the list above)");
    }
}

/// Fields whose values are the same in every language: ids, links between
/// parts of the guide, answers, and citations (which stay as published; a
/// popular framework's `cite` and `source`, which name it in words, are
/// translated).
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "id",
    "type",
    "kind",
    "correct",
    "lesson",
    "card",
    "practice",
    "kinds",
    "practices",
    "format_version",
    "cite",
    "source",
];

/// What a language's guide (`theirs`) changes besides words, against the
/// English one, one line each: a missing or extra card, option, question or
/// field, a changed id, answer or citation, an empty text, a list item that
/// is not one in English. Progress and the quiz's balance rely on these
/// being equal.
pub fn check_same_shape(lang: &str, english: &Guide, theirs: &Guide) -> Vec<String> {
    let mut problems = Vec::new();
    let pairs = [
        (
            "course and lessons",
            serde_json::to_value(english.shipped_course()),
            serde_json::to_value(theirs.shipped_course()),
        ),
        (
            "checkin.toml",
            serde_json::to_value(&english.checkin),
            serde_json::to_value(&theirs.checkin),
        ),
        (
            "together.toml",
            serde_json::to_value(&english.together),
            serde_json::to_value(&theirs.together),
        ),
    ];
    for (what, en, other) in pairs {
        let (Ok(en), Ok(other)) = (en, other) else {
            problems.push(format!("content/{lang}: {what} does not serialise"));
            continue;
        };
        same_shape(
            &format!("content/{lang} ({what})"),
            None,
            &en,
            &other,
            &mut problems,
        );
    }
    problems
}

fn same_shape(
    at: &str,
    key: Option<&str>,
    en: &serde_json::Value,
    other: &serde_json::Value,
    problems: &mut Vec<String>,
) {
    use serde_json::Value;
    // A path that names things by id where they have one, so a problem can be found.
    let name = |v: &Value, i: usize| match v.get("id").and_then(Value::as_str) {
        Some(id) => format!("[{id}]"),
        None => format!("[{i}]"),
    };
    match (en, other) {
        (Value::Object(a), Value::Object(b)) => {
            // A popular framework is named in words, not by a publication:
            // its `cite` and `source` are translated like any text.
            let described = a.get("kind").and_then(Value::as_str) == Some("popular_framework");
            for (k, va) in a {
                let key = if described && (k == "cite" || k == "source") {
                    None
                } else {
                    Some(k.as_str())
                };
                match b.get(k) {
                    Some(vb) => same_shape(&format!("{at}.{k}"), key, va, vb, problems),
                    None => problems.push(format!("{at}: lacks `{k}`, which English has")),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                problems.push(format!("{at}: has `{k}`, which English does not"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problems.push(format!("{at}: {} items, English has {}", b.len(), a.len()));
                return;
            }
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                same_shape(&format!("{at}{}", name(va, i)), key, va, vb, problems);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if key.is_some_and(|k| SAME_IN_EVERY_LANGUAGE.contains(&k)) {
                if a != b {
                    problems.push(format!("{at}: must stay {a:?} as in English, is {b:?}"));
                }
            } else if b.trim().is_empty() {
                problems.push(format!("{at}: is empty"));
            } else if model::list_item(a).is_some() != model::list_item(b).is_some() {
                problems.push(format!(
                    "{at}: a list item (\"{}\") in one language must be one in the other",
                    model::LIST_ITEM
                ));
            }
        }
        (a, b) if a == b => {}
        (a, b) => problems.push(format!("{at}: must be {a} as in English, is {b}")),
    }
}

/// A language's interface strings, `content/<lang>/ui.toml`: each English
/// string (the key in the code) with its words, or a `[singular, plural]`
/// pair for a `tn!` key.
pub fn load_catalog(path: &Path) -> Result<HashMap<String, Vec<String>>, String> {
    let table: HashMap<String, toml::Value> = parse(path)?;
    table
        .into_iter()
        .map(|(k, v)| match v {
            toml::Value::String(s) => Ok((k, vec![s])),
            toml::Value::Array(items) => items
                .into_iter()
                .map(|i| match i {
                    toml::Value::String(s) => Ok(s),
                    other => Err(format!(
                        "{}: {k:?}: {other} is not a string",
                        path.display()
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|forms| (k, forms)),
            other => Err(format!(
                "{}: {k:?}: {other} is neither a string nor a [singular, plural] pair",
                path.display()
            )),
        })
        .collect()
}

/// Every `t!` and `tn!` key in the Rust files under `dirs`.
pub fn code_keys(dirs: &[PathBuf]) -> Result<Vec<crate::i18n::Key>, Vec<String>> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in dirs {
        walk(dir, &mut files);
    }
    files.sort();
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match read(&file).and_then(|src| crate::i18n::scan_keys(&src, &file.display().to_string()))
        {
            Ok(found) => keys.extend(found),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}

/// What the app fetches for a language other than English: one file with
/// its interface strings, the words of the guide's skeleton and where its
/// prose files are, and the prose files themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct LangFiles {
    /// The language's code.
    pub code: String,
    /// The main file's path in the site, named by a hash of its contents.
    pub name: String,
    /// Its JSON: `{"ui": {english: words}, "words": [..], "prose": [[key, path], ..]}`;
    /// a plural's two forms are one string joined by
    /// [`crate::i18n::PLURAL_SEPARATOR`].
    pub json: String,
    /// Its lessons' and quiz's prose, as for English.
    pub prose: Vec<ProseFile>,
}

/// Whether `CLOSER_LANG_DRAFT` is set: while a language's interface
/// strings are being written, the ones it lacks are warnings (they show in
/// English) instead of errors. Its guide is checked in full either way.
/// Never set in `make test` or CI.
fn draft() -> bool {
    std::env::var_os("CLOSER_LANG_DRAFT").is_some()
}

/// Loads, checks and packs the language under `root/<code>`: its guide
/// (every content rule, and the same shape as `english`) and its
/// interface strings (against `keys`).
pub fn load_lang(
    root: &Path,
    code: &str,
    english: &Guide,
    keys: &[crate::i18n::Key],
) -> Result<(Guide, LangFiles), Vec<String>> {
    let dir = root.join(code);
    let guide = load(&dir)?;
    let mut problems = check_same_shape(code, english, &guide);
    let catalog = load_catalog(&dir.join("ui.toml")).unwrap_or_else(|e| {
        problems.push(e);
        HashMap::new()
    });
    let interface = crate::i18n::check_catalog(code, keys, &catalog);
    if draft() {
        // A language being written: its missing strings show in English.
        for p in &interface {
            println!("cargo:warning=draft language: {p}");
        }
    } else {
        problems.extend(interface);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let course = guide.shipped_course();
    let (skeleton, prose) = split_prose_in(&course, &format!("{}/{code}", model::PROSE_DIR));
    let mut words = model::words_of(&skeleton);
    words.extend(model::words_of(&guide.checkin));
    words.extend(model::words_of(&guide.together));
    let ui: std::collections::BTreeMap<&str, String> = catalog
        .iter()
        .map(|(k, forms)| {
            (
                k.as_str(),
                forms.join(&crate::i18n::PLURAL_SEPARATOR.to_string()),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = prose
        .iter()
        .map(|f| (f.key.as_str(), f.name.as_str()))
        .collect();
    let json = serde_json::json!({ "ui": ui, "words": words, "prose": files }).to_string();
    let hash = short_hash(&json);
    let files = LangFiles {
        code: code.into(),
        name: format!("{}/{code}.{hash}.json", model::LANG_DIR),
        json,
        prose,
    };
    Ok((guide, files))
}
