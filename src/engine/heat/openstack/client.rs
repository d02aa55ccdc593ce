//! Heat's v1 REST API, the calls the backend makes: find a stack by name, show it,
//! create (`POST /stacks`), update (`PUT /stacks/{name}/{id}`), delete. Every call names
//! its request in errors. Heat refusing a request (a 4xx other than 401/403: a bad
//! template, an unknown resource type) is an answer for the job; Heat or Keystone being
//! unusable (no connection, 5xx, 403, 401 after a token renewal) is an `Err`.

use std::time::Duration;

use reqwest::{Method, StatusCode, Url};
use serde_json::Value;
use tracing::debug;

use crate::engine::heat::openstack::auth::{request_error, Access, Session};
use crate::engine::heat::StackOutput;
use crate::error::{EsiError, Result};

/// A stack Heat knows: enough to address it.
#[derive(Debug, Clone, PartialEq)]
pub struct StackRef {
    pub name: String,
    pub id: String,
}

/// A stack as `GET /stacks/{name}/{id}` shows it.
#[derive(Debug, Clone)]
pub struct Stack {
    pub status: String,
    pub reason: String,
    pub outputs: Vec<StackOutput>,
}

impl Stack {
    /// `CREATE_IN_PROGRESS` → (`CREATE`, `IN_PROGRESS`).
    pub fn action_state(&self) -> (&str, &str) {
        for state in ["IN_PROGRESS", "COMPLETE", "FAILED"] {
            if let Some(a) = self
                .status
                .strip_suffix(state)
                .and_then(|a| a.strip_suffix('_'))
            {
                return (a, state);
            }
        }
        (self.status.as_str(), "")
    }
    pub fn in_progress(&self) -> bool {
        self.action_state().1 == "IN_PROGRESS"
    }
}

/// What Heat answered to a request it understood.
struct Reply {
    status: StatusCode,
    body: Value,
    location: Option<String>,
}

/// `Ok(Err(reason))`: Heat refused the request; the reason is reported as the job's.
pub type Answer<T> = Result<std::result::Result<T, String>>;

pub struct HeatApi {
    http: reqwest::Client,
    session: Session,
}

/// The HTTP client of the backend: no redirects (a name lookup answers 302 with the
/// stack's address, read rather than followed), bounded waits.
pub fn http_client(cacert: Option<&std::path::Path>, verify: bool) -> Result<reqwest::Client> {
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(120))
        .user_agent(concat!("esi/", env!("CARGO_PKG_VERSION")));
    if let Some(path) = cacert {
        let pem = std::fs::read(path)
            .map_err(|e| EsiError::Usage(format!("--os-cacert {}: {e}", path.display())))?;
        for cert in reqwest::Certificate::from_pem_bundle(&pem)
            .map_err(|e| EsiError::Usage(format!("--os-cacert {}: not PEM: {e}", path.display())))?
        {
            b = b.add_root_certificate(cert);
        }
    }
    if !verify {
        b = b.danger_accept_invalid_certs(true);
    }
    b.build()
        .map_err(|e| EsiError::Other(anyhow::anyhow!("building the HTTP client: {e}")))
}

/// The stacks URL base for a tenant: the endpoint as given when it ends with a project
/// (`…/v1/<project>`, as catalogs list it); else `/v1/<tenant>` is added (a noauth lab
/// then keeps each resource's stack in its own tenant).
pub fn base_url(endpoint: &str, tenant: &str) -> String {
    let trimmed = endpoint.trim_end_matches('/');
    let rest = trimmed.split_once("://").map_or(trimmed, |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let tenant = if tenant.is_empty() { "admin" } else { tenant };
    if path.is_empty() {
        format!("{trimmed}/v1/{tenant}")
    } else if path.rsplit('/').next() == Some("v1") {
        format!("{trimmed}/{tenant}")
    } else {
        trimmed.to_string()
    }
}

/// Heat's error document (`{"error": {"type", "message"}, "explanation"}`) as one line.
fn heat_message(body: &Value) -> String {
    let kind = body.pointer("/error/type").and_then(Value::as_str);
    let msg = body
        .pointer("/error/message")
        .and_then(Value::as_str)
        .or_else(|| body.get("explanation").and_then(Value::as_str))
        .or_else(|| body.as_str())
        .unwrap_or("no details");
    match kind {
        Some(k) if !k.is_empty() => format!("{k}: {msg}"),
        _ => msg.to_string(),
    }
}

fn outputs_of(stack: &Value) -> Vec<StackOutput> {
    stack
        .get("outputs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|o| StackOutput {
            key: o
                .get("output_key")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            value: o.get("output_value").cloned().unwrap_or(Value::Null),
            description: o
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
        .collect()
}

impl HeatApi {
    pub fn new(http: reqwest::Client, session: Session) -> HeatApi {
        HeatApi { http, session }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    fn url(access: &Access, tenant: &str, segments: &[&str], query: &str) -> Result<Url> {
        let base = base_url(&access.endpoint, tenant);
        let mut url = Url::parse(&base).map_err(|e| {
            EsiError::Usage(format!(
                "the orchestration endpoint `{base}` is not a URL: {e}"
            ))
        })?;
        url.path_segments_mut()
            .map_err(|_| {
                EsiError::Usage(format!("the orchestration endpoint `{base}` has no path"))
            })?
            .extend(segments);
        if !query.is_empty() {
            url.set_query(Some(query));
        }
        Ok(url)
    }

    /// One request, renewing the token once on a 401.
    async fn call(
        &self,
        method: Method,
        tenant: &str,
        segments: &[&str],
        query: &str,
        body: Option<&Value>,
    ) -> Result<Reply> {
        let mut access = self.session.access().await?;
        let mut renewed = false;
        loop {
            let url = HeatApi::url(&access, tenant, segments, query)?;
            let what = format!("Heat {method} {url}");
            let mut rq = self.http.request(method.clone(), url.clone());
            if let Some(t) = access.token.as_ref().filter(|t| !t.is_empty()) {
                rq = rq.header("X-Auth-Token", t.expose());
            }
            if access.noauth {
                // noauth Heat takes the project from this header; it must match the URL's.
                let project = url
                    .path_segments()
                    .and_then(|s| s.skip_while(|x| *x != "v1").nth(1))
                    .unwrap_or("admin")
                    .to_string();
                rq = rq.header("X-Auth-Project", project);
            }
            if let Some(b) = body {
                rq = rq.json(b);
            }
            let resp = rq.send().await.map_err(|e| request_error(&what, &e))?;
            let status = resp.status();
            debug!("{what}: {status}");
            let location = resp
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(String::from);
            let text = resp.text().await.map_err(|e| request_error(&what, &e))?;
            let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
            if status == StatusCode::UNAUTHORIZED && !renewed {
                if let Some(fresh) = self.session.renew(&access).await? {
                    debug!("{what}: 401, retrying with a renewed token");
                    access = fresh;
                    renewed = true;
                    continue;
                }
            }
            if status == StatusCode::UNAUTHORIZED
                || status == StatusCode::FORBIDDEN
                || status.is_server_error()
            {
                let after = if renewed {
                    " after a token renewal"
                } else {
                    ""
                };
                return Err(EsiError::Other(anyhow::anyhow!(
                    "{what}: {status}{after}: {}",
                    heat_message(&body)
                )));
            }
            return Ok(Reply {
                status,
                body,
                location,
            });
        }
    }

    /// Heat answers at all (any status below 500 from its root, the versions document).
    pub async fn ping(&self) -> Result<()> {
        let access = self.session.access().await?;
        let mut url = Url::parse(&access.endpoint).map_err(|e| {
            EsiError::Usage(format!(
                "the orchestration endpoint `{}` is not a URL: {e}",
                access.endpoint
            ))
        })?;
        url.set_path("/");
        url.set_query(None);
        let what = format!("Heat GET {url}");
        let resp = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| request_error(&what, &e))?;
        if resp.status().is_server_error() {
            return Err(EsiError::Other(anyhow::anyhow!(
                "{what}: {}",
                resp.status()
            )));
        }
        Ok(())
    }

    /// The stack of this name, if Heat has one (`GET /stacks/{name}` answers 302 with
    /// its `{name}/{id}` address).
    pub async fn find(&self, tenant: &str, name: &str) -> Result<Option<StackRef>> {
        let r = self
            .call(Method::GET, tenant, &["stacks", name], "", None)
            .await?;
        match r.status.as_u16() {
            404 => Ok(None),
            300..=399 => {
                let id = r
                    .location
                    .as_deref()
                    .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
                    .map(String::from);
                Ok(id.map(|id| StackRef {
                    name: name.to_string(),
                    id,
                }))
            }
            200 => Ok(r
                .body
                .pointer("/stack/id")
                .and_then(Value::as_str)
                .map(|id| StackRef {
                    name: name.to_string(),
                    id: id.to_string(),
                })),
            _ => Err(EsiError::Other(anyhow::anyhow!(
                "Heat GET stacks/{name} ({tenant}): {}: {}",
                r.status,
                heat_message(&r.body)
            ))),
        }
    }

    /// The stack now (`None` when Heat no longer has it); `outputs`: resolve them.
    pub async fn show(&self, tenant: &str, s: &StackRef, outputs: bool) -> Result<Option<Stack>> {
        let q = if outputs { "" } else { "resolve_outputs=False" };
        let r = self
            .call(Method::GET, tenant, &["stacks", &s.name, &s.id], q, None)
            .await?;
        if r.status == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !r.status.is_success() {
            return Err(EsiError::Other(anyhow::anyhow!(
                "Heat GET stacks/{}/{} ({tenant}): {}: {}",
                s.name,
                s.id,
                r.status,
                heat_message(&r.body)
            )));
        }
        let st = r.body.get("stack").cloned().unwrap_or(Value::Null);
        let text = |k: &str| {
            st.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        Ok(Some(Stack {
            status: text("stack_status"),
            reason: text("stack_status_reason"),
            outputs: outputs_of(&st),
        }))
    }

    /// `POST /stacks`. A 409 (the name is taken: another attempt got there first) is
    /// `Ok(Err("conflict"))` for the caller to look the stack up again.
    pub async fn create(&self, tenant: &str, body: &Value) -> Answer<StackRef> {
        let name = body
            .get("stack_name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let r = self
            .call(Method::POST, tenant, &["stacks"], "", Some(body))
            .await?;
        if r.status.is_success() {
            let id = r.body.pointer("/stack/id").and_then(Value::as_str);
            return match id {
                Some(id) => Ok(Ok(StackRef {
                    name,
                    id: id.to_string(),
                })),
                None => Err(EsiError::Other(anyhow::anyhow!(
                    "Heat POST stacks ({tenant}): {} without a stack id",
                    r.status
                ))),
            };
        }
        Ok(Err(refusal("create", r)))
    }

    /// `PUT /stacks/{name}/{id}`: the whole stack replaced (template, parameters,
    /// environment), as each modify job carries the resource's whole desired state.
    pub async fn update(&self, tenant: &str, s: &StackRef, body: &Value) -> Answer<()> {
        let r = self
            .call(
                Method::PUT,
                tenant,
                &["stacks", &s.name, &s.id],
                "",
                Some(body),
            )
            .await?;
        if r.status.is_success() {
            return Ok(Ok(()));
        }
        Ok(Err(refusal("update", r)))
    }

    /// `DELETE /stacks/{name}/{id}`; a stack already gone counts as deleted.
    pub async fn delete(&self, tenant: &str, s: &StackRef) -> Answer<()> {
        let r = self
            .call(
                Method::DELETE,
                tenant,
                &["stacks", &s.name, &s.id],
                "",
                None,
            )
            .await?;
        if r.status.is_success() || r.status == StatusCode::NOT_FOUND {
            return Ok(Ok(()));
        }
        Ok(Err(refusal("delete", r)))
    }
}

fn refusal(op: &str, r: Reply) -> String {
    if r.status == StatusCode::CONFLICT {
        return format!("conflict: {}", heat_message(&r.body));
    }
    format!(
        "Heat refused the stack {op} ({}): {}",
        r.status,
        heat_message(&r.body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_base_url_gets_a_tenant_only_when_it_has_none() {
        assert_eq!(base_url("http://h:8004/v1/p1/", "t"), "http://h:8004/v1/p1");
        assert_eq!(base_url("http://h:8004/v1", "t"), "http://h:8004/v1/t");
        assert_eq!(base_url("http://h:8004", "t"), "http://h:8004/v1/t");
        assert_eq!(base_url("http://h:8004/", ""), "http://h:8004/v1/admin");
        assert_eq!(
            base_url("https://cloud/orchestration/v1/p", "t"),
            "https://cloud/orchestration/v1/p"
        );
    }

    #[test]
    fn heat_errors_and_statuses_read_well() {
        let body = json!({"code": 400, "explanation": "bad", "error": {"type": "StackValidationFailed", "message": "The Resource Type (X) could not be found."}});
        assert_eq!(
            heat_message(&body),
            "StackValidationFailed: The Resource Type (X) could not be found."
        );
        assert_eq!(heat_message(&json!("plain")), "plain");
        let s = Stack {
            status: "UPDATE_IN_PROGRESS".into(),
            reason: String::new(),
            outputs: vec![],
        };
        assert_eq!(s.action_state(), ("UPDATE", "IN_PROGRESS"));
        assert!(s.in_progress());
        let out = outputs_of(
            &json!({"outputs": [{"output_key": "id", "output_value": 3, "description": "d"}]}),
        );
        assert_eq!(out[0].key, "id");
        assert_eq!(out[0].value, json!(3));
    }
}
