//! Kept copies get keys that never collide, and file names from their keys.

use closer_core::keys::{backup_key, stamp_of, BACKUP_PREFIX, PREVIOUS_KEY};
use std::collections::BTreeSet;

#[test]
fn the_first_copy_is_named_for_its_time() {
    assert_eq!(
        backup_key(1_732_450_000_000.0, |_| false),
        "closer.progress.unreadable.1732450000000"
    );
    // A fractional clock (performance-based) still gives a whole-number name.
    assert_eq!(backup_key(5.75, |_| false), format!("{BACKUP_PREFIX}5"));
}

#[test]
fn copies_kept_in_the_same_millisecond_do_not_collide() {
    let mut taken = BTreeSet::new();
    for _ in 0..5 {
        let key = backup_key(42.0, |k| taken.contains(k));
        assert!(taken.insert(key.clone()), "{key} was handed out twice");
    }
    let expected: BTreeSet<String> = ["", "-2", "-3", "-4", "-5"]
        .iter()
        .map(|s| format!("{BACKUP_PREFIX}42{s}"))
        .collect();
    assert_eq!(taken, expected);
}

#[test]
fn a_gap_is_reused_before_going_higher() {
    let taken = [format!("{BACKUP_PREFIX}7"), format!("{BACKUP_PREFIX}7-3")];
    assert_eq!(
        backup_key(7.0, |k| taken.iter().any(|t| t == k)),
        format!("{BACKUP_PREFIX}7-2")
    );
}

#[test]
fn stamps_come_from_the_key() {
    assert_eq!(stamp_of(&format!("{BACKUP_PREFIX}42-2")), "42-2");
    assert_eq!(stamp_of(&format!("{BACKUP_PREFIX}42")), "42");
    assert_eq!(stamp_of(PREVIOUS_KEY), "before-import");
}
