//! The notice policy: which storage notice wins, when one clears, and that a
//! dismissed one stays away for the visit.

use closer_core::notice::{Event, Notice, NoticePolicy};

fn after(events: impl IntoIterator<Item = Event>) -> Option<Notice> {
    let mut policy = NoticePolicy::default();
    for e in events {
        policy.on(e);
    }
    policy.current().cloned()
}

#[test]
fn nothing_happened_nothing_shown() {
    assert_eq!(after([]), None);
    assert_eq!(after([Event::Saved]), None);
}

#[test]
fn a_failed_save_says_so_and_a_later_save_clears_it() {
    assert_eq!(
        after([Event::SaveFailed { full: true }]),
        Some(Notice::NotKept { full: true })
    );
    assert_eq!(
        after([Event::SaveFailed { full: false }, Event::Saved]),
        None
    );
}

#[test]
fn protecting_notices_outrank_saving_ones() {
    let recovered = Notice::Recovered {
        backup_key: Some("k".into()),
    };
    let start = Event::Unreadable {
        backup_key: Some("k".into()),
    };
    assert_eq!(
        after([start.clone(), Event::SaveFailed { full: false }]),
        Some(recovered.clone())
    );
    assert_eq!(
        after([start.clone(), Event::ReadFailed]),
        Some(recovered.clone())
    );
    // A working save does not hide that data was kept aside.
    assert_eq!(after([start.clone(), Event::Saved]), Some(recovered));
    assert_eq!(after([start, Event::NewerSeen]), Some(Notice::Newer));
    assert_eq!(
        after([Event::NewerSeen, Event::Unreadable { backup_key: None }]),
        Some(Notice::Newer)
    );
    // A failed save after a newer build was seen keeps the newer notice.
    assert_eq!(
        after([Event::NewerSeen, Event::SaveFailed { full: true }]),
        Some(Notice::Newer)
    );
}

#[test]
fn a_read_failure_is_told_once_a_visit() {
    assert_eq!(after([Event::ReadFailed]), Some(Notice::ReadFailed));
    assert_eq!(after([Event::ReadFailed, Event::Saved]), None);
    // Told, cleared by a save that worked, then failing again: not told again.
    assert_eq!(
        after([Event::ReadFailed, Event::Saved, Event::ReadFailed]),
        None
    );
    // But a write that fails is news of its own.
    assert_eq!(
        after([
            Event::ReadFailed,
            Event::Saved,
            Event::SaveFailed { full: true }
        ]),
        Some(Notice::NotKept { full: true })
    );
}

#[test]
fn a_dismissed_saving_notice_stays_away() {
    assert_eq!(
        after([
            Event::SaveFailed { full: false },
            Event::Dismissed,
            Event::SaveFailed { full: false }
        ]),
        None
    );
    assert_eq!(
        after([
            Event::SaveFailed { full: false },
            Event::Dismissed,
            Event::ReadFailed
        ]),
        None
    );
    // Dismissing a protecting notice does not silence later saving trouble.
    assert_eq!(
        after([
            Event::NewerSeen,
            Event::Dismissed,
            Event::SaveFailed { full: true }
        ]),
        Some(Notice::NotKept { full: true })
    );
}

#[test]
fn import_and_erase_clear_what_they_make_untrue() {
    assert_eq!(after([Event::NewerSeen, Event::Imported]), None);
    assert_eq!(
        after([Event::SaveFailed { full: true }, Event::Imported]),
        None
    );
    // Unreadable data is still kept aside after an import.
    assert_eq!(
        after([Event::Unreadable { backup_key: None }, Event::Imported]),
        Some(Notice::Recovered { backup_key: None })
    );
    assert_eq!(
        after([Event::Unreadable { backup_key: None }, Event::Erased]),
        None
    );
    assert_eq!(after([Event::NewerSeen, Event::Erased]), None);
}
