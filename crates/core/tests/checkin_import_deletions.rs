//! An imported file replaces what a browser holds, but never fights the
//! deletions other tabs still hold: a relationship deleted here comes back
//! from the file under a fresh id, and every deletion is kept.

mod guide;

use closer_core::checkin::{CheckIn, CheckIns, Rating, RelationshipName};
use guide::checkin_guide;
use std::collections::BTreeMap;

/// A name that keeps the rules, as the views parse it.
fn valid_name(text: &str) -> RelationshipName {
    RelationshipName::parse(text).expect("a valid name")
}

fn check_in(at: f64) -> CheckIn {
    let kinds: BTreeMap<String, Rating> = checkin_guide()
        .kinds
        .iter()
        .map(|k| (k.id.to_string(), Rating { now: 1, wished: 3 }))
        .collect();
    CheckIn {
        at,
        closeness: 3,
        kinds,
    }
}

#[test]
fn a_relationship_deleted_here_comes_back_from_the_file_under_a_new_id() {
    // The file was exported while "r" existed, with one check-in and a step.
    let mut file = CheckIns::default();
    file.add("r", valid_name("my sister"), 1.0);
    file.record("r", "c", check_in(2.0), checkin_guide())
        .unwrap();
    file.choose_step("p", "r", "phones-away", 3.0);
    file.add("s", valid_name("Sam"), 4.0);

    // Since then, this browser deleted "r" and another relationship "t".
    let mut here = file.clone();
    here.delete("r", 10.0);
    here.add("t", valid_name("T."), 11.0);
    here.delete("t", 12.0);

    let mut imported = file.clone();
    imported.keep_deletions_of(&here, || "fresh".to_string());

    assert!(!imported.relationships.contains_key("r"));
    assert_eq!(imported.relationships["fresh"].name, "my sister");
    assert_eq!(imported.history("fresh").len(), 1);
    assert_eq!(imported.current_step("fresh").map(|(id, _)| id), Some("p"));
    assert_eq!(imported.relationships["s"].name, "Sam");
    // Every deletion this browser knew is kept.
    assert_eq!(imported.deleted.get("r"), Some(&10.0));
    assert_eq!(imported.deleted.get("t"), Some(&12.0));

    // Another tab, still holding the deletion of "r", merges the import in
    // and keeps everything the file brought back.
    let other_tab = here.merge(&imported);
    assert_eq!(other_tab, imported.merge(&here));
    assert_eq!(other_tab.relationships["fresh"].name, "my sister");
    assert_eq!(other_tab.history("fresh").len(), 1);
}

#[test]
fn a_file_with_nothing_deleted_here_is_taken_as_it_is() {
    let mut file = CheckIns::default();
    file.add("r", valid_name("J."), 1.0);
    file.record("r", "c", check_in(2.0), checkin_guide())
        .unwrap();
    let mut imported = file.clone();
    imported.keep_deletions_of(&CheckIns::default(), || unreachable!("no id is needed"));
    assert_eq!(imported, file);
}

#[test]
fn an_imported_file_replaces_progress_keeping_the_deletions_made_here() {
    use closer_core::progress::transfer::import;
    use closer_core::progress::Progress;

    // The file holds "r" (with a check-in) and "s".
    let mut file = Progress::default();
    file.checkins.add("r", valid_name("my sister"), 1.0);
    file.checkins
        .record("r", "c", check_in(2.0), checkin_guide())
        .unwrap();
    file.checkins.add("s", valid_name("Sam"), 3.0);
    let found = import(&file.encode(), guide::course(), checkin_guide()).unwrap();

    // This browser has since deleted "r", and has "t" the file lacks.
    let mut here = file.clone();
    here.checkins.delete("r", 10.0);
    here.checkins.add("t", valid_name("T."), 11.0);

    let mut ids = ["fresh".to_string()].into_iter();
    let replaced = found.replacing(&here, || ids.next().expect("one id is needed"));
    let c = &replaced.checkins;
    assert_eq!(
        c.relationships.keys().collect::<Vec<_>>(),
        ["fresh", "s"],
        "the file's relationships, the deleted one under a fresh id; not this browser's own"
    );
    assert_eq!(c.relationships["fresh"].name, "my sister");
    assert_eq!(c.history("fresh").len(), 1);
    assert_eq!(c.deleted.get("r"), Some(&10.0), "the deletion is kept");
    // Another tab that still holds the deletion keeps what the file brought back.
    assert_eq!(
        here.merge(&replaced, guide::course())
            .checkins
            .relationships
            .len(),
        3
    );

    // With nothing deleted here, the file is taken as it is.
    let found = import(&file.encode(), guide::course(), checkin_guide()).unwrap();
    let as_is = found.progress.clone();
    let replaced = found.replacing(&Progress::default(), || unreachable!("no id is needed"));
    assert_eq!(replaced, as_is);
}
