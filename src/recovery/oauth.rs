//! Signing in with Google (or any OpenID Connect provider) the way installed apps do (RFC 8252):
//! the system browser, a one-shot listener on 127.0.0.1 with a random port, PKCE S256, `state`
//! and `nonce`. The ID token is checked by the openidconnect crate: signature against the
//! provider's JWKS, issuer, audience, expiry, nonce; tokenward then requires a verified email,
//! and the expected one.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreTokenResponse, CoreUserInfoClaims,
};
use openidconnect::url::Url;
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, RedirectUrl, Scope, SubjectIdentifier, SyncHttpClient, TokenResponse,
    UserInfoError,
};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::http::client;
use super::RecoveryConfig;
use crate::error::{Error, IdentityFailure, RecoveryError, Result};

/// The Gmail scope that lets tokenward send mail from the user's account.
pub const GMAIL_SEND: &str = "https://www.googleapis.com/auth/gmail.send";

/// A completed sign-in.
pub struct SignedIn {
    /// The verified email of the account (lower case).
    pub email: String,
    /// The account's stable id at the provider.
    pub subject: String,
    /// The access token for the Gmail API (never stored; wiped on drop).
    pub access_token: Zeroizing<String>,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("email", &self.email)
            .field("subject", &self.subject)
            .field("access_token", &"<redacted>")
            .finish()
    }
}

/// The client as discovery makes it (token and userinfo endpoints as the provider says).
type OidcClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// What the browser brought back to the listener.
struct Redirect {
    code: Option<Zeroizing<String>>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

fn network(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Network {
        what: what.to_string(),
        detail: e.to_string(),
    }
}

/// Sign in, requiring the account `expected_email` (any verified account when `None`);
/// `enrolled` says whether recovery is already set up for it (else an enrolment names it).
/// `show_url` is called with the authorization URL (print it; open a browser).
///
/// # Errors
/// The provider cannot be reached, the sign-in is denied, late or does not prove the account.
pub fn sign_in(
    config: &RecoveryConfig,
    expected_email: Option<&str>,
    enrolled: bool,
    show_url: &dyn Fn(&str),
) -> Result<SignedIn> {
    let http = client();
    let issuer =
        IssuerUrl::new(config.issuer.clone()).map_err(|e| RecoveryError::IssuerNotUrl {
            issuer: config.issuer.clone(),
            reason: e.to_string(),
        })?;
    let metadata = CoreProviderMetadata::discover(&issuer, &http).map_err(|e| {
        network(
            &format!(
                "cannot read the sign-in provider's configuration at {}",
                config.issuer
            ),
            e,
        )
    })?;
    let client_id = config.client_id.clone().ok_or(RecoveryError::NoClient)?;
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| network("cannot listen on 127.0.0.1 for the sign-in", e))?;
    let port = listener
        .local_addr()
        .map_err(|e| network("cannot listen on 127.0.0.1", e))?
        .port();
    let redirect = format!("http://127.0.0.1:{port}/");
    let oidc = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(client_id),
        config.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(redirect).map_err(|e| network("redirect URL", e))?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = oidc
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new(GMAIL_SEND.into()))
        .set_pkce_challenge(challenge);
    if let Some(email) = expected_email {
        request = request.add_extra_param("login_hint", email.to_string());
    }
    let (url, state, nonce) = request.url();
    show_url(url.as_str());

    let deadline = Instant::now() + Duration::from_secs(config.sign_in_timeout_seconds);
    let back = wait_for_redirect(
        &listener,
        deadline,
        config.sign_in_timeout_seconds,
        state.secret(),
    )?;
    if let Some(error) = &back.error {
        return Err(match error.as_str() {
            "access_denied" => Error::SignInDenied,
            other => IdentityFailure::ProviderRefused {
                error: other.to_string(),
                description: back.error_description.clone(),
            }
            .into(),
        });
    }
    let code = back.code.ok_or(IdentityFailure::NoCode)?;
    let token = oidc
        .exchange_code(AuthorizationCode::new(code.to_string()))
        .map_err(|e| network("the provider has no token endpoint", e))?
        .set_pkce_verifier(verifier)
        .request(&http)
        .map_err(|e| IdentityFailure::ExchangeFailed {
            reason: e.to_string(),
        })?;
    let id_token = token.id_token().ok_or(IdentityFailure::NoIdToken)?;
    let claims = id_token
        .claims(&oidc.id_token_verifier(), &nonce)
        .map_err(|e| IdentityFailure::IdTokenInvalid {
            reason: e.to_string(),
        })?;
    // Google puts the address in the ID token; a provider that follows OpenID Connect Core
    // §5.4 returns it from the userinfo endpoint when an access token is issued. Either way the
    // same rule holds: a verified address, for the subject the ID token names.
    let (email, verified) = match (claims.email(), claims.email_verified()) {
        (Some(email), Some(verified)) => (email.as_str().to_lowercase(), verified),
        _ => user_info(&oidc, &http, &token, claims.subject())?,
    };
    if !verified {
        return Err(IdentityFailure::EmailNotVerified { email }.into());
    }
    if let Some(expected) = expected_email {
        if email != expected.to_lowercase() {
            return Err(IdentityFailure::WrongAccount {
                email,
                expected: expected.to_lowercase(),
                enrolled,
            }
            .into());
        }
    }
    let scopes_ok = token
        .scopes()
        .is_none_or(|s| s.iter().any(|s| s.as_str() == GMAIL_SEND));
    if !scopes_ok {
        return Err(IdentityFailure::MailScopeMissing.into());
    }
    Ok(SignedIn {
        email,
        subject: claims.subject().as_str().to_string(),
        access_token: Zeroizing::new(token.access_token().secret().clone()),
    })
}

/// The address and whether it is verified, from the userinfo endpoint, whose `sub` must be
/// the ID token's.
fn user_info(
    oidc: &OidcClient,
    http: &impl SyncHttpClient<Error = super::http::HttpError>,
    token: &CoreTokenResponse,
    subject: &SubjectIdentifier,
) -> Result<(String, bool)> {
    let request = oidc
        .user_info(token.access_token().clone(), Some(subject.clone()))
        .map_err(|_| IdentityFailure::NoEmail)?;
    let info: CoreUserInfoClaims = request.request(http).map_err(|e| match e {
        UserInfoError::ClaimsVerification(ClaimsVerificationError::InvalidSubject(_)) => {
            IdentityFailure::UserInfoOtherSubject
        }
        other => IdentityFailure::UserInfoFailed {
            reason: error_chain(&other),
        },
    })?;
    let email = info
        .email()
        .map(|e| e.as_str().to_lowercase())
        .ok_or(IdentityFailure::NoEmail)?;
    Ok((email, info.email_verified() == Some(true)))
}

/// An error and its causes, as one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// Time one connection to the listener gets to send its request: a browser sends it at once,
/// and a silent or dribbling connection must not stall the sign-in.
const CONNECTION_DEADLINE: Duration = Duration::from_secs(5);
/// Largest request read from the listener (the redirect is well under 4 KiB).
const MAX_REQUEST: usize = 16 * 1024;

/// Wait (at most until `deadline`) for the browser's redirect carrying our `state`.
///
/// Any process on this machine can connect to the listener, so a request that is not the
/// redirect, or whose `state` is not ours (a forged code, an `error=access_denied` from another
/// program), is answered and ignored: it neither ends nor stalls the sign-in.
fn wait_for_redirect(
    listener: &TcpListener,
    deadline: Instant,
    seconds: u64,
    state: &str,
) -> Result<Redirect> {
    listener
        .set_nonblocking(true)
        .map_err(|e| network("listener", e))?;
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                if let Some(r) = answer(stream, state) {
                    return Ok(r);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(network("listener", e)),
        }
        if Instant::now() >= deadline {
            return Err(Error::SignInTimeout(seconds));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Read a request's head (request line and headers) within [`CONNECTION_DEADLINE`] and
/// [`MAX_REQUEST`] bytes; `None` when the connection is silent, slow, too long or closed early.
fn read_head(stream: &mut TcpStream) -> Option<Zeroizing<Vec<u8>>> {
    let until = Instant::now() + CONNECTION_DEADLINE;
    stream.set_nonblocking(false).ok()?;
    let mut head = Zeroizing::new(Vec::with_capacity(1024));
    let mut chunk = Zeroizing::new([0u8; 1024]);
    loop {
        let left = until.checked_duration_since(Instant::now())?;
        if left.is_zero() {
            return None;
        }
        stream.set_read_timeout(Some(left)).ok()?;
        let n = stream.read(&mut chunk[..]).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&chunk[..n]);
        if head.windows(4).any(|w| w == b"\r\n\r\n") || head.windows(2).any(|w| w == b"\n\n") {
            return Some(head);
        }
        if head.len() > MAX_REQUEST {
            return None;
        }
    }
}

/// Send a small page and close.
fn reply(stream: &mut TcpStream, status: &str, body: &str) {
    let page = format!(
        "<!doctype html><html lang={}><meta charset=utf-8><title>tokenward</title><p>{body}</p></html>",
        crate::i18n::current_language()
    );
    let _ = stream.set_write_timeout(Some(CONNECTION_DEADLINE));
    let _ = stream.write_all(
        format!(
            "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
            page.len()
        )
        .as_bytes(),
    );
}

/// Serve one connection; `Some` only for the redirect with our `state`.
fn answer(mut stream: TcpStream, state: &str) -> Option<Redirect> {
    let head = read_head(&mut stream)?;
    let line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = std::str::from_utf8(line).unwrap_or("");
    let target = line.split_whitespace().nth(1).unwrap_or("");
    let Ok(url) = Url::parse(&format!("http://127.0.0.1{target}")) else {
        reply(
            &mut stream,
            "400 Bad Request",
            &crate::fl!("page-bad-request"),
        );
        return None;
    };
    if url.path() != "/" {
        reply(&mut stream, "404 Not Found", &crate::fl!("page-not-found"));
        return None;
    }
    let mut r = Redirect {
        code: None,
        state: None,
        error: None,
        error_description: None,
    };
    for (k, v) in url.query_pairs() {
        match k.as_ref() {
            "code" => r.code = Some(Zeroizing::new(v.into_owned())),
            "state" => r.state = Some(v.into_owned()),
            "error" => r.error = Some(v.into_owned()),
            "error_description" => r.error_description = Some(v.into_owned()),
            _ => {}
        }
    }
    // The state must be the one sent: anything else may be a forged redirect (CSRF) or another
    // program's request, and is not the end of this sign-in.
    let ours = r
        .state
        .as_deref()
        .is_some_and(|s| bool::from(s.as_bytes().ct_eq(state.as_bytes())));
    if !ours || (r.code.is_none() && r.error.is_none()) {
        reply(&mut stream, "400 Bad Request", &crate::fl!("page-not-ours"));
        return None;
    }
    let body = if r.error.is_some() {
        crate::fl!("page-cancelled")
    } else {
        crate::fl!("page-signed-in")
    };
    reply(&mut stream, "200 OK", &body);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_never_prints_its_access_token() {
        let s = SignedIn {
            email: "alice@example.test".into(),
            subject: "alice".into(),
            access_token: Zeroizing::new("ya29.secret-access-token".into()),
        };
        let shown = format!("{s:?}");
        assert!(shown.contains("alice@example.test"));
        assert!(!shown.contains("secret-access-token"), "{shown}");
    }
}
