//! The order in which a lesson's choice card shows its options.
//!
//! Authors tend to write the right option first; a fixed order would teach
//! people to pick the first one. The order is shuffled, but seeded from the
//! lesson and card ids, so it is the same on every visit and every reload,
//! on every device, and a saved answer always sits where it was.

/// FNV-1a, 64 bit: a small, stable hash (unlike `std`'s, which may change
/// between Rust releases and is seeded per process).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The display order of a choice card's `n` options: a permutation of
/// `0..n`, the same for the same lesson and card every time.
pub fn option_order(lesson_id: &str, card_id: &str, n: usize) -> Vec<usize> {
    let seed = fnv1a(format!("{lesson_id}#{card_id}").as_bytes());
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(&mut rng, &mut order);
    order
}

/// Shuffles `items` the same way on every platform: a Fisher-Yates shuffle
/// that draws 32-bit numbers. `fastrand::Rng::shuffle` draws a `usize`,
/// which is 32 bits in the browser's wasm and 64 natively, so the same seed
/// gave the build's prerendered page (native) another order than the app
/// (wasm). This draws exactly what the wasm's `shuffle` draws, so the order
/// people have seen is kept.
pub fn shuffle<T>(rng: &mut fastrand::Rng, items: &mut [T]) {
    for i in 1..items.len() {
        let j = rng.u32(..=u32::try_from(i).expect("fewer than 2^32 items"));
        items.swap(i, j as usize);
    }
}

/// The items of `items` in their display order for this card.
pub fn shuffled<'a, T>(lesson_id: &str, card_id: &str, items: &'a [T]) -> Vec<&'a T> {
    option_order(lesson_id, card_id, items.len())
        .into_iter()
        .map(|i| &items[i])
        .collect()
}
