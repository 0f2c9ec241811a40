//! Mail through the Gmail API's `users.messages.send`, from the signed-in user's own account:
//! an RFC 2822 text message, base64url-encoded, with the access token of the sign-in. The
//! message buffers are wiped after sending (they hold the recovery key).

use openidconnect::http::{header, Method, Request};
use zeroize::Zeroizing;

use super::http::call;
use crate::error::{Error, Result};

/// A header value as it may be sent: ASCII as it is, anything else as RFC 2047 encoded words of
/// at most 75 characters (whole characters in each), on folded lines.
fn encoded_header(value: &str) -> String {
    if value.is_ascii() {
        return value.to_string();
    }
    let mut words = Vec::new();
    let mut piece = String::new();
    for c in value.chars() {
        if piece.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    words.push(piece);
    words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", data_encoding::BASE64.encode(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// Send `body` with `subject` to `to` (the user's own address) from the same address.
///
/// # Errors
/// The request cannot be built or sent, or the mail service refused it.
pub fn send(
    gmail_base: &str,
    access_token: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<()> {
    let date = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc2822)
        .unwrap_or_default();
    // A subject beyond ASCII is an RFC 2047 encoded word.
    let subject = encoded_header(subject);
    let message = Zeroizing::new(format!(
        "From: {to}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
        body.replace('\n', "\r\n")
    ));
    let raw = Zeroizing::new(data_encoding::BASE64URL_NOPAD.encode(message.as_bytes()));
    let json = Zeroizing::new(serde_json::json!({ "raw": raw.as_str() }).to_string());
    let url = format!(
        "{}/v1/users/me/messages/send",
        gmail_base.trim_end_matches('/')
    );
    let bearer = Zeroizing::new(format!("Bearer {access_token}"));
    let request = Request::builder()
        .method(Method::POST)
        .uri(&url)
        .header(header::AUTHORIZATION, bearer.as_str())
        .header(header::CONTENT_TYPE, "application/json")
        .body(json.as_bytes().to_vec())
        .map_err(|e| {
            mail_failed(
                format!("tokenward could not make a mail request for {url} ({e})"),
                None,
            )
        })?;
    let response = call(request).map_err(|e| {
        mail_failed(
            format!("the mail service at {url} could not be reached ({e})"),
            None,
        )
    })?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let said = serde_json::from_slice::<serde_json::Value>(response.body())
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
        .map(|m| crate::text::escaped(m.trim().trim_end_matches('.')).into_owned())
        .filter(|m| !m.is_empty());
    let reason = status.canonical_reason().unwrap_or("no reason given");
    let detail = match said {
        Some(said) => format!(
            "the mail service refused it with HTTP {} {reason}, saying \"{said}\"",
            status.as_u16()
        ),
        None => format!(
            "the mail service refused it with HTTP {} {reason}",
            status.as_u16()
        ),
    };
    Err(mail_failed(detail, Some(status.as_u16())))
}

fn mail_failed(detail: String, status: Option<u16>) -> Error {
    Error::MailFailed {
        detail,
        status,
        nothing_stored: false,
    }
}

#[cfg(test)]
mod tests {
    use super::encoded_header;

    #[test]
    fn subjects_beyond_ascii_are_encoded_words_that_decode_to_the_subject() {
        assert_eq!(encoded_header("Your key"), "Your key");
        let subject = "PIN-код вашего токена сброшен; ваш новый ключ восстановления tokenward";
        let encoded = encoded_header(subject);
        let mut decoded = String::new();
        for word in encoded.split("\r\n ") {
            assert!(word.len() <= 75, "{word}");
            let b64 = word
                .strip_prefix("=?UTF-8?B?")
                .and_then(|w| w.strip_suffix("?="))
                .unwrap();
            let bytes = data_encoding::BASE64.decode(b64.as_bytes()).unwrap();
            decoded.push_str(std::str::from_utf8(&bytes).unwrap());
        }
        assert_eq!(decoded, subject);
    }
}
