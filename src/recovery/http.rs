//! The blocking HTTP client the OAuth and mail code uses: ureq 3 (rustls), no redirects
//! followed (OAuth endpoints must not redirect), bounded time and response size.

use std::time::Duration;

use openidconnect::{HttpRequest, HttpResponse};

/// Time allowed for one whole request.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Largest response read (discovery documents and JWKS are a few kilobytes).
const MAX_BODY: u64 = 1 << 20;

/// An HTTP call failed (the message names the request, never a token).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .build()
        .new_agent()
}

/// One request, as openidconnect (and the mail code) hand it over.
///
/// # Errors
/// The request cannot be sent or the answer read.
pub fn call(request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let what = format!("{} {}", request.method(), request.uri().path());
    let response = agent()
        .run(request)
        .map_err(|e| HttpError(format!("{what}: {e}")))?;
    let (parts, body) = response.into_parts();
    let bytes = body
        .into_with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| HttpError(format!("{what}: {e}")))?;
    Ok(HttpResponse::from_parts(parts, bytes))
}

/// The client as a value openidconnect takes.
pub fn client() -> impl Fn(HttpRequest) -> Result<HttpResponse, HttpError> {
    call
}
