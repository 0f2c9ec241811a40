//! Mail through the Gmail API's `users.messages.send`, from the signed-in user's own account:
//! an RFC 2822 text message, base64url-encoded, with the access token of the sign-in. The
//! message buffers are wiped after sending (they hold the recovery key).

use openidconnect::http::{header, Method, Request};
use zeroize::Zeroizing;

use super::http::call;
use crate::error::{Error, Result};

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
        .map_err(|e| mail_failed(format!("cannot build the request to {url}: {e}")))?;
    let response = call(request).map_err(|e| mail_failed(e.to_string()))?;
    if response.status().is_success() {
        return Ok(());
    }
    let detail = serde_json::from_slice::<serde_json::Value>(response.body())
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
        .unwrap_or_default();
    Err(mail_failed(format!(
        "the Gmail API answered {} {detail}",
        response.status()
    )))
}

fn mail_failed(detail: String) -> Error {
    Error::MailFailed {
        detail,
        nothing_stored: false,
    }
}
