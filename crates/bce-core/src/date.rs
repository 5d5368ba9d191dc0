//! The two date formats the SDK reads and writes, in UTC: the signing
//! timestamp `YYYY-MM-DDTHH:MM:SSZ` and the HTTP `Date` header
//! (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`).
//!
//! Written here rather than taken from a date crate: these are the only
//! formats the pipeline needs, a signed request formats one on every
//! attempt, and a general date library was a noticeable part of the SDK's
//! build time (issue 20). Years are limited to 0000–9999, the range both
//! formats can spell.

/// Seconds in a day.
const DAY: i64 = 86_400;
/// The last second of 9999-12-31.
const MAX_UNIX: i64 = 253_402_300_799;
/// The first second of 0000-01-01.
const MIN_UNIX: i64 = -62_167_219_200;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A calendar date and time of day in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateTime {
    year: i64,
    month: u32,
    day: u32,
    seconds_of_day: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the usual
/// era-based day count: 400-year eras of 146 097 days, years starting in
/// March so the leap day comes last).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl DateTime {
    /// The date of a Unix time, or `None` outside years 0000–9999.
    pub(crate) fn from_unix(unix: i64) -> Option<Self> {
        if !(MIN_UNIX..=MAX_UNIX).contains(&unix) {
            return None;
        }
        let (year, month, day) = civil_from_days(unix.div_euclid(DAY));
        Some(DateTime {
            year,
            month,
            day,
            seconds_of_day: unix.rem_euclid(DAY) as u32,
        })
    }

    /// A checked date: every field in its range.
    fn new(year: i64, month: u32, day: u32, h: u32, m: u32, s: u32) -> Option<Self> {
        let valid = (0..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && h < 24
            && m < 60
            && s < 60;
        valid.then_some(DateTime {
            year,
            month,
            day,
            seconds_of_day: h * 3600 + m * 60 + s,
        })
    }

    pub(crate) fn unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * DAY + i64::from(self.seconds_of_day)
    }

    fn hms(self) -> (u32, u32, u32) {
        let s = self.seconds_of_day;
        (s / 3600, s / 60 % 60, s % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub(crate) fn iso8601(self) -> String {
        let (h, m, s) = self.hms();
        let mut out = String::with_capacity(20);
        push_number(&mut out, self.year as u32, 4);
        out.push('-');
        push_number(&mut out, self.month, 2);
        out.push('-');
        push_number(&mut out, self.day, 2);
        out.push('T');
        push_number(&mut out, h, 2);
        out.push(':');
        push_number(&mut out, m, 2);
        out.push(':');
        push_number(&mut out, s, 2);
        out.push('Z');
        out
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` exactly.
    pub(crate) fn parse_iso8601(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 20
            && b[4] == b'-'
            && b[7] == b'-'
            && b[10] == b'T'
            && b[13] == b':'
            && b[16] == b':'
            && b[19] == b'Z';
        if !shape_ok {
            return None;
        }
        DateTime::new(
            i64::from(digits(&b[0..4])?),
            digits(&b[5..7])?,
            digits(&b[8..10])?,
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        )
    }

    /// Reads an IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`. The weekday
    /// must be one of the seven names; whether it matches the date is not
    /// checked (servers are trusted on that, as HTTP clients usually do).
    pub(crate) fn parse_http(text: &str) -> Option<Self> {
        let b = text.trim().as_bytes();
        let shape_ok = b.len() == 29
            && &b[3..5] == b", "
            && b[7] == b' '
            && b[11] == b' '
            && b[16] == b' '
            && b[19] == b':'
            && b[22] == b':'
            && &b[25..] == b" GMT";
        if !shape_ok || !WEEKDAYS.iter().any(|w| w.as_bytes() == &b[0..3]) {
            return None;
        }
        let month = MONTHS.iter().position(|m| m.as_bytes() == &b[8..11])? as u32 + 1;
        DateTime::new(
            i64::from(digits(&b[12..16])?),
            month,
            digits(&b[5..7])?,
            digits(&b[17..19])?,
            digits(&b[20..22])?,
            digits(&b[23..25])?,
        )
    }
}

/// The value of a run of ASCII digits.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// Appends `n` zero-padded to `width` digits.
fn push_number(out: &mut String, n: u32, width: u32) {
    let mut place = 10u32.pow(width - 1);
    while place > 0 {
        out.push(char::from(b'0' + (n / place % 10) as u8));
        place /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_700_000_000, "2023-11-14T22:13:20Z"),
            (1_709_251_199, "2024-02-29T23:59:59Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (MIN_UNIX, "0000-01-01T00:00:00Z"),
            (MAX_UNIX, "9999-12-31T23:59:59Z"),
        ];
        for (unix, text) in cases {
            let date = DateTime::from_unix(unix).unwrap();
            assert_eq!(date.iso8601(), text);
            assert_eq!(DateTime::parse_iso8601(text).unwrap().unix(), unix);
        }
        assert_eq!(DateTime::from_unix(MAX_UNIX + 1), None);
        assert_eq!(DateTime::from_unix(MIN_UNIX - 1), None);
    }

    #[test]
    fn every_day_round_trips() {
        // Four centuries cover every leap-year rule.
        for day in (-200 * 366)..(200 * 366) {
            let unix = day * DAY + 3_661;
            let date = DateTime::from_unix(unix).unwrap();
            assert_eq!(date.unix(), unix);
            assert_eq!(DateTime::parse_iso8601(&date.iso8601()), Some(date));
        }
    }

    #[test]
    fn refuses_bad_text() {
        for text in [
            "2023-02-29T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-11-14T24:00:00Z",
            "2023-11-14 22:13:20Z",
            "2023-11-14T22:13:2xZ",
            "yesterday",
        ] {
            assert_eq!(DateTime::parse_iso8601(text), None, "{text}");
        }
        assert_eq!(
            DateTime::parse_http("Tue, 14 Nov 2023 22:13:20 GMT").map(DateTime::unix),
            Some(1_700_000_000)
        );
        for text in [
            "Tue, 14 Nov 2023 22:13:20 UTC",
            "Xyz, 14 Nov 2023 22:13:20 GMT",
            "Tue, 14 Foo 2023 22:13:20 GMT",
            "Tue, 31 Nov 2023 22:13:20 GMT",
            "Tuesday, 14-Nov-23 22:13:20 GMT",
        ] {
            assert_eq!(DateTime::parse_http(text), None, "{text}");
        }
    }
}
