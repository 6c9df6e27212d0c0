//! Helpers more than one writer uses.

/// English month names, for dates shown to English readers.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as a reader sees it: "5 February 2020" in English, ISO
/// `2020-02-05` for other languages, which read it without translation.
pub fn display_date(year: i64, month: u8, day: u8, english: bool) -> String {
    match MONTHS.get(usize::from(month).wrapping_sub(1)) {
        Some(name) if english => format!("{day} {name} {year}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }
}
