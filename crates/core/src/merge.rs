//! Generic pieces of a merge that is commutative, associative and
//! idempotent, shared by the quiz and progress merges (neither owns them).

use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Orders two values by a key, and values with equal keys by their JSON text,
/// so that "the later one" is a total order: merging with it is commutative,
/// associative and idempotent whatever the data.
pub fn later_by<'a, T: Serialize, K: PartialOrd>(
    a: &'a T,
    b: &'a T,
    key: impl Fn(&T) -> K,
) -> &'a T {
    let by_key = key(a).partial_cmp(&key(b)).unwrap_or(Ordering::Equal);
    let order = by_key.then_with(|| json(a).cmp(&json(b)));
    if order == Ordering::Less {
        b
    } else {
        a
    }
}

/// A value's JSON text: the tie-breaker of [`later_by`].
pub fn json<T: Serialize>(value: &T) -> String {
    // Plain data (strings, numbers, maps with string keys) always serialises.
    serde_json::to_string(value).unwrap_or_default()
}

/// Joins two maps key by key: a key in one map only is kept, a key in both
/// gets `join` of the two values.
pub fn join_maps<V: Clone>(
    a: &BTreeMap<String, V>,
    b: &BTreeMap<String, V>,
    join: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut out = a.clone();
    for (k, vb) in b {
        let v = match a.get(k) {
            Some(va) => join(va, vb),
            None => vb.clone(),
        };
        out.insert(k.clone(), v);
    }
    out
}

/// Joins two optional values: both present gives `join` of them, one present gives it.
pub fn join_option<T: Clone>(
    a: &Option<T>,
    b: &Option<T>,
    join: impl Fn(&T, &T) -> T,
) -> Option<T> {
    match (a, b) {
        (Some(x), Some(y)) => Some(join(x, y)),
        (x, y) => x.clone().or_else(|| y.clone()),
    }
}
