//! Times shown to people: in their own time zone (`TZ`, else the system's), as
//! `2027-03-01 14:05 MSK`. JSON keeps RFC 3339 in UTC; only words go through here.

use jiff::{tz::TimeZone, Timestamp, Zoned};

/// `rfc3339` (as `CertInfo` and the audit log hold times) in the person's time zone, to the
/// minute, with the zone's abbreviation. A text that is not RFC 3339 is given back as it is.
pub fn local(rfc3339: &str) -> String {
    zoned(rfc3339).map_or_else(
        || rfc3339.to_string(),
        |z| z.strftime("%Y-%m-%d %H:%M %Z").to_string(),
    )
}

/// The day of `rfc3339` in the person's time zone (`2027-03-01`).
pub fn local_date(rfc3339: &str) -> String {
    zoned(rfc3339).map_or_else(
        || rfc3339.chars().take(10).collect(),
        |z| z.strftime("%Y-%m-%d").to_string(),
    )
}

fn zoned(rfc3339: &str) -> Option<Zoned> {
    let at: Timestamp = rfc3339.parse().ok()?;
    // Without a usable zone (no tzdata on a small container) the time is shown in UTC.
    let tz = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    Some(at.to_zoned(tz))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_turned_into_the_zone_and_bad_text_is_kept() {
        let at: Timestamp = "2027-03-01T21:30:00Z".parse().unwrap();
        let moscow = TimeZone::posix("MSK-3").unwrap();
        let z = at.to_zoned(moscow);
        assert_eq!(
            z.strftime("%Y-%m-%d %H:%M %Z").to_string(),
            "2027-03-02 00:30 MSK"
        );
        assert_eq!(local("not a time"), "not a time");
        assert_eq!(local_date("2027-03-01"), "2027-03-01");
    }
}
