//! The browser's clock and randomness: the only place the app reads either,
//! so the pure core takes both as parameters.

use crate::time::Millis;

/// The browser's clock, in milliseconds since the epoch.
pub fn now() -> Millis {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    // The build's prerender shows a first visit, which no clock changes.
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// How far the person's clock is ahead of UTC, in minutes (negative west of
/// Greenwich), at this moment: export names use the person's own date.
pub fn utc_offset_minutes() -> i32 {
    // getTimezoneOffset is UTC minus local time, in minutes.
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A fresh seed for the quiz's shuffles.
pub fn random_seed() -> u64 {
    // Math.random gives 52 random bits; mix in the clock for the rest.
    (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 ^ (now() as u64).rotate_left(52)
}

/// A fresh random id for a relationship, a check-in or a step: 16 hex
/// digits from the browser's cryptographic generator (64 bits: two ids made
/// in two tabs never meet), or from `Math.random` where there is none.
pub fn random_id() -> String {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        bytes = random_seed().to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
