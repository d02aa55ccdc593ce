//! Keystone v3 for the Heat backend: one token at a time (password, application
//! credential or token exchange), the orchestration endpoint from its catalog, and
//! renewal before it expires (or at once when Heat answers 401). A fixed token with an
//! explicit `--heat-url` skips Keystone altogether.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use tokio::sync::Mutex;
use tracing::{debug, info};

use crate::engine::heat::openstack::cloud::{Auth, Cloud, Named, Secret};
use crate::error::{EsiError, Result};

/// Renew a token this long before it expires (at most half its lifetime).
const RENEW_MARGIN: Duration = Duration::from_secs(300);

/// What a Heat request needs: the token and the orchestration endpoint.
#[derive(Debug, Clone)]
pub struct Access {
    pub token: Option<Secret>,
    /// The endpoint as the catalog (or `--heat-url`) has it, without a trailing `/`.
    pub endpoint: String,
    /// A noauth lab: Heat takes the project from `X-Auth-Project`.
    pub noauth: bool,
    /// The token's serial: renewal asks for a token newer than the one that failed.
    pub serial: u64,
}

struct Held {
    access: Access,
    /// When to renew (None: the token does not expire, as a fixed token).
    renew_at: Option<SystemTime>,
}

/// The token cache of one backend.
pub struct Session {
    http: reqwest::Client,
    cloud: Cloud,
    held: Mutex<Option<Held>>,
}

/// A backend error naming the request, with the cause chain (never a secret: request
/// bodies are not part of reqwest's messages).
pub fn request_error(what: &str, e: &reqwest::Error) -> EsiError {
    let mut msg = if e.is_connect() {
        "cannot connect".to_string()
    } else if e.is_timeout() {
        "timed out".to_string()
    } else {
        "request failed".to_string()
    };
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    EsiError::Other(anyhow::anyhow!("{what}: {msg}"))
}

impl Session {
    pub fn new(http: reqwest::Client, cloud: Cloud) -> Session {
        Session {
            http,
            cloud,
            held: Mutex::new(None),
        }
    }

    pub fn cloud(&self) -> &Cloud {
        &self.cloud
    }

    /// A usable token and endpoint, from the cache unless it is due for renewal.
    pub async fn access(&self) -> Result<Access> {
        let mut held = self.held.lock().await;
        if let Some(h) = held.as_ref() {
            if h.renew_at.is_none_or(|t| SystemTime::now() < t) {
                return Ok(h.access.clone());
            }
            debug!("heat: renewing the Keystone token before it expires");
        }
        let serial = held.as_ref().map_or(0, |h| h.access.serial) + 1;
        let fresh = self.obtain(serial).await?;
        let access = fresh.access.clone();
        *held = Some(fresh);
        Ok(access)
    }

    /// After a 401 with the token `failed`: a new token (unless another request already
    /// renewed it). `None` when there is nothing to renew (a fixed token).
    pub async fn renew(&self, failed: &Access) -> Result<Option<Access>> {
        if matches!(self.cloud.auth, Auth::Fixed { .. }) {
            return Ok(None);
        }
        let mut held = self.held.lock().await;
        if let Some(h) = held.as_ref() {
            if h.access.serial > failed.serial {
                return Ok(Some(h.access.clone()));
            }
        }
        let fresh = self.obtain(failed.serial + 1).await?;
        let access = fresh.access.clone();
        *held = Some(fresh);
        Ok(Some(access))
    }

    async fn obtain(&self, serial: u64) -> Result<Held> {
        let c = &self.cloud;
        let (auth_url, body) = match &c.auth {
            Auth::Fixed { token } => {
                let endpoint = c.heat_url.clone().unwrap_or_default();
                return Ok(Held {
                    access: Access {
                        token: token.clone(),
                        endpoint: endpoint.trim_end_matches('/').to_string(),
                        noauth: true,
                        serial,
                    },
                    renew_at: None,
                });
            }
            Auth::Password { auth_url, .. }
            | Auth::AppCredential { auth_url, .. }
            | Auth::Token { auth_url, .. } => (auth_url, token_request(&c.auth)),
        };
        let url = tokens_url(auth_url);
        let what = format!("Keystone POST {url}");
        let resp = self
            .http
            .post(&url)
            .json(&body)
            .send()
            .await
            .map_err(|e| request_error(&what, &e))?;
        let status = resp.status();
        let token = resp
            .headers()
            .get("x-subject-token")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let doc: Value = resp.json().await.unwrap_or(Value::Null);
        if !status.is_success() {
            let why = doc
                .pointer("/error/message")
                .and_then(Value::as_str)
                .unwrap_or_default();
            return Err(EsiError::Other(anyhow::anyhow!(
                "{what} ({}): {status}: {why}",
                c.source
            )));
        }
        let token = token.ok_or_else(|| {
            EsiError::Other(anyhow::anyhow!("{what}: no X-Subject-Token in the answer"))
        })?;
        let endpoint = match &c.heat_url {
            Some(u) => u.trim_end_matches('/').to_string(),
            None => catalog_endpoint(&doc, &c.interface, c.region.as_deref())
                .map_err(|e| EsiError::Other(anyhow::anyhow!("{what} ({}): {e}", c.source)))?,
        };
        let renew_at = doc
            .pointer("/token/expires_at")
            .and_then(Value::as_str)
            .and_then(parse_time)
            .map(|exp| {
                let now = SystemTime::now();
                let life = exp.duration_since(now).unwrap_or_default();
                exp - RENEW_MARGIN.min(life / 2)
            });
        info!(
            "heat: Keystone token obtained ({}), Heat at {endpoint}",
            c.source
        );
        Ok(Held {
            access: Access {
                token: Some(Secret::new(token)),
                endpoint,
                noauth: false,
                serial,
            },
            renew_at,
        })
    }
}

/// `…/v3/auth/tokens` from an auth URL with or without its `/v3`.
fn tokens_url(auth_url: &str) -> String {
    let base = auth_url.trim_end_matches('/');
    if base.ends_with("/v3") {
        format!("{base}/auth/tokens")
    } else {
        format!("{base}/v3/auth/tokens")
    }
}

fn named(n: &Named) -> Value {
    let mut v = json!({});
    if let Some(id) = &n.id {
        v["id"] = json!(id);
        return v;
    }
    v["name"] = json!(n.name.clone().unwrap_or_default());
    v["domain"] = match (&n.domain_id, &n.domain_name) {
        (Some(id), _) => json!({"id": id}),
        (None, Some(name)) => json!({"name": name}),
        (None, None) => json!({"id": "default"}),
    };
    v
}

fn scope(project: &Named) -> Option<Value> {
    (project.id.is_some() || project.name.is_some()).then(|| json!({"project": named(project)}))
}

/// The body of `POST /v3/auth/tokens` (holds the secret: never logged).
fn token_request(auth: &Auth) -> Value {
    let a = match auth {
        Auth::Password {
            user,
            password,
            project,
            ..
        } => {
            let mut u = named(user);
            u["password"] = json!(password.expose());
            let mut a = json!({"identity": {"methods": ["password"], "password": {"user": u}}});
            if let Some(s) = scope(project) {
                a["scope"] = s;
            }
            a
        }
        Auth::AppCredential {
            id,
            name,
            user,
            secret,
            ..
        } => {
            let mut ac = json!({"secret": secret.expose()});
            match (id, name) {
                (Some(id), _) => ac["id"] = json!(id),
                (None, n) => {
                    ac["name"] = json!(n.clone().unwrap_or_default());
                    ac["user"] = named(user);
                }
            }
            json!({"identity": {"methods": ["application_credential"], "application_credential": ac}})
        }
        Auth::Token { token, project, .. } => {
            let mut a =
                json!({"identity": {"methods": ["token"], "token": {"id": token.expose()}}});
            if let Some(s) = scope(project) {
                a["scope"] = s;
            }
            a
        }
        Auth::Fixed { .. } => json!({}),
    };
    json!({ "auth": a })
}

/// The orchestration endpoint of a token's catalog for an interface (and region).
pub fn catalog_endpoint(
    doc: &Value,
    interface: &str,
    region: Option<&str>,
) -> std::result::Result<String, String> {
    let catalog = doc
        .pointer("/token/catalog")
        .and_then(Value::as_array)
        .ok_or("the token has no service catalog (is it scoped to a project?)")?;
    let service = catalog
        .iter()
        .find(|s| s.get("type").and_then(Value::as_str) == Some("orchestration"))
        .ok_or("the catalog has no orchestration (Heat) service")?;
    let endpoints = service
        .get("endpoints")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    endpoints
        .iter()
        .filter(|e| e.get("interface").and_then(Value::as_str) == Some(interface))
        .find(|e| {
            region.is_none_or(|r| {
                ["region", "region_id"]
                    .iter()
                    .any(|k| e.get(*k).and_then(Value::as_str) == Some(r))
            })
        })
        .and_then(|e| e.get("url").and_then(Value::as_str))
        .map(|u| u.trim_end_matches('/').to_string())
        .ok_or_else(|| {
            format!(
                "the orchestration service has no {interface} endpoint{}",
                region
                    .map(|r| format!(" in region {r}"))
                    .unwrap_or_default()
            )
        })
}

/// Keystone's `expires_at` (`2026-01-02T03:04:05.000000Z`) as a time.
pub fn parse_time(s: &str) -> Option<SystemTime> {
    let (date, time) = s.split_once('T')?;
    let mut d = date.split('-').map(|x| x.parse::<i64>());
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let time = time.trim_end_matches('Z').split(['+', '.']).next()?;
    let mut t = time.split(':').map(|x| x.parse::<i64>());
    let (hh, mm, ss) = (t.next()?.ok()?, t.next()?.ok()?, t.next()?.ok()?);
    // Days from the civil date (proleptic Gregorian), Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    let secs = days * 86400 + hh * 3600 + mm * 60 + ss;
    u64::try_from(secs)
        .ok()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_times_parse() {
        let t = parse_time("2026-12-02T18:56:47.000000Z").unwrap();
        assert_eq!(
            t.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_796_237_807
        );
        assert_eq!(
            parse_time("1970-01-01T00:00:10Z").unwrap(),
            UNIX_EPOCH + Duration::from_secs(10)
        );
        assert!(parse_time("soon").is_none());
    }

    #[test]
    fn the_catalog_gives_the_interface_and_region_asked_for() {
        let doc = json!({"token": {"catalog": [
            {"type": "identity", "endpoints": [{"interface": "public", "url": "http://ks"}]},
            {"type": "orchestration", "endpoints": [
                {"interface": "public", "region": "R1", "url": "http://heat1/v1/p/"},
                {"interface": "internal", "region": "R1", "url": "http://heat1-int/v1/p"},
                {"interface": "public", "region_id": "R2", "url": "http://heat2/v1/p"}]}]}});
        assert_eq!(
            catalog_endpoint(&doc, "public", None).unwrap(),
            "http://heat1/v1/p"
        );
        assert_eq!(
            catalog_endpoint(&doc, "public", Some("R2")).unwrap(),
            "http://heat2/v1/p"
        );
        assert_eq!(
            catalog_endpoint(&doc, "internal", None).unwrap(),
            "http://heat1-int/v1/p"
        );
        let e = catalog_endpoint(&doc, "admin", Some("R1")).unwrap_err();
        assert_eq!(
            e,
            "the orchestration service has no admin endpoint in region R1"
        );
    }

    #[test]
    fn token_requests_carry_the_method_and_scope() {
        let a = Auth::Password {
            auth_url: "http://ks:5000".into(),
            user: Named {
                name: Some("esi".into()),
                domain_name: Some("Default".into()),
                ..Default::default()
            },
            password: Secret::new("pw"),
            project: Named {
                id: Some("p1".into()),
                ..Default::default()
            },
        };
        let b = token_request(&a);
        assert_eq!(b["auth"]["identity"]["methods"], json!(["password"]));
        assert_eq!(
            b["auth"]["identity"]["password"]["user"],
            json!({"name": "esi", "domain": {"name": "Default"}, "password": "pw"})
        );
        assert_eq!(b["auth"]["scope"], json!({"project": {"id": "p1"}}));
        assert_eq!(
            tokens_url("http://ks:5000"),
            "http://ks:5000/v3/auth/tokens"
        );
        assert_eq!(tokens_url("http://ks/v3/"), "http://ks/v3/auth/tokens");
        let ac = token_request(&Auth::AppCredential {
            auth_url: "u".into(),
            id: Some("ac".into()),
            name: None,
            user: Named::default(),
            secret: Secret::new("s"),
        });
        assert_eq!(
            ac["auth"]["identity"]["application_credential"],
            json!({"secret": "s", "id": "ac"})
        );
        assert!(ac["auth"].get("scope").is_none());
    }
}
