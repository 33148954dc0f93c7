//! Which notice about storage a person sees, and when it clears: a pure
//! policy, so the rules are unit-tested instead of spread over the views.
//!
//! Rules, in short: a notice that protects data (newer data left alone,
//! unreadable data kept aside) outranks one about this visit's saves; a
//! notice about this visit's saves clears as soon as a save works again;
//! one the person dismissed does not come back in this visit.

/// A message about storage, shown in the banner at the top of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Storage is blocked or a write failed: the app works, but forgets on reload.
    NotKept {
        /// Storage is full rather than blocked.
        full: bool,
    },
    /// Reading what is stored failed while saving, so nothing was written
    /// (writing blind could destroy what is there). Tried again on the next change.
    ReadFailed,
    /// Saved data could not be read; the original text was kept aside.
    Recovered {
        /// Where the original text is kept, if it could be.
        backup_key: Option<String>,
    },
    /// A newer build saved the progress; this one leaves it alone.
    Newer,
}

impl Notice {
    /// Higher ranks are never replaced by lower ones.
    fn rank(&self) -> u8 {
        match self {
            Notice::NotKept { .. } | Notice::ReadFailed => 0,
            Notice::Recovered { .. } => 1,
            Notice::Newer => 2,
        }
    }

    /// Whether the notice is about this visit's saves (and clears when one works).
    pub fn is_about_saving(&self) -> bool {
        self.rank() == 0
    }
}

/// Something that happened to storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Storage could not be opened, or a write failed.
    SaveFailed {
        /// The browser said storage is full.
        full: bool,
    },
    /// A save could not read what is stored, and wrote nothing.
    ReadFailed,
    /// A save was written.
    Saved,
    /// Stored data that cannot be read was found (and kept aside under the key, if it could be).
    Unreadable {
        /// Where the original text is kept.
        backup_key: Option<String>,
    },
    /// Data saved by a newer build was found, now or at start-up.
    NewerSeen,
    /// The person imported a file, which was written.
    Imported,
    /// The person erased everything.
    Erased,
    /// The person dismissed the notice on screen.
    Dismissed,
}

/// The notice on screen, and what the person has dismissed in this visit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticePolicy {
    current: Option<Notice>,
    dismissed_saving: bool,
    read_failure_told: bool,
}

impl NoticePolicy {
    /// The notice to show, if any.
    pub fn current(&self) -> Option<&Notice> {
        self.current.as_ref()
    }

    /// Shows `notice` unless a higher-ranked one is on screen.
    fn offer(&mut self, notice: Notice) {
        if self
            .current
            .as_ref()
            .is_none_or(|c| c.rank() <= notice.rank())
        {
            self.current = Some(notice);
        }
    }

    fn clear_if(&mut self, pred: impl Fn(&Notice) -> bool) {
        if self.current.as_ref().is_some_and(pred) {
            self.current = None;
        }
    }

    /// Applies the rules to one event.
    pub fn on(&mut self, event: Event) {
        match event {
            Event::SaveFailed { full } => {
                if !self.dismissed_saving {
                    self.offer(Notice::NotKept { full });
                }
            }
            Event::ReadFailed => {
                // Said once a visit: a storage that keeps failing to read
                // should not make the banner come back on every keystroke.
                if !self.dismissed_saving && !self.read_failure_told {
                    self.read_failure_told = true;
                    self.offer(Notice::ReadFailed);
                }
            }
            Event::Saved => self.clear_if(Notice::is_about_saving),
            Event::Unreadable { backup_key } => self.offer(Notice::Recovered { backup_key }),
            Event::NewerSeen => self.offer(Notice::Newer),
            Event::Imported => {
                // The person chose this copy and it was written: a newer one is
                // no longer protected, and saving works.
                self.clear_if(|n| matches!(n, Notice::Newer) || n.is_about_saving());
            }
            Event::Erased => self.current = None,
            Event::Dismissed => {
                if self.current.as_ref().is_some_and(Notice::is_about_saving) {
                    self.dismissed_saving = true;
                }
                self.current = None;
            }
        }
    }
}
