//! Where the Heat backend's credentials come from, with the OpenStack client conventions:
//! `--os-cloud NAME` from `clouds.yaml` (+ `secure.yaml`) in the usual search path, else
//! the `OS_*` environment variables, else an explicit `--heat-url` with a token (noauth
//! labs). The result is a [`Cloud`]: an auth method plus endpoint selection and TLS.

use std::path::{Path, PathBuf};

use serde_yaml_ng::Value as Yaml;

use crate::error::{EsiError, Result};

/// A secret string (password, token, application-credential secret): never printed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A Keystone name or id, with the domain a name lives in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Named {
    pub id: Option<String>,
    pub name: Option<String>,
    pub domain_id: Option<String>,
    pub domain_name: Option<String>,
}

/// How to get a token.
#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// A token used as is (or nothing, for a noauth Heat); needs an explicit endpoint.
    Fixed { token: Option<Secret> },
    /// Keystone v3 `password`, scoped to a project.
    Password {
        auth_url: String,
        user: Named,
        password: Secret,
        project: Named,
    },
    /// Keystone v3 `application_credential` (its scope is its own).
    AppCredential {
        auth_url: String,
        id: Option<String>,
        name: Option<String>,
        user: Named,
        secret: Secret,
    },
    /// Keystone v3 `token`: an existing token exchanged for a scoped one with a catalog.
    Token {
        auth_url: String,
        token: Secret,
        project: Named,
    },
}

/// Everything the backend needs to reach Heat.
#[derive(Debug, Clone, PartialEq)]
pub struct Cloud {
    /// Where the settings came from, for messages (`clouds.yaml cloud lab`, `OS_* variables`).
    pub source: String,
    pub auth: Auth,
    /// Catalog interface: public, internal or admin.
    pub interface: String,
    pub region: Option<String>,
    /// An orchestration endpoint that overrides the catalog (`--heat-url`).
    pub heat_url: Option<String>,
    pub cacert: Option<PathBuf>,
    /// TLS certificate verification (`verify: false` in clouds.yaml, OS_INSECURE).
    pub verify: bool,
}

/// What the command line said (each flag also reads its OpenStack variable).
#[derive(Debug, Clone, Default)]
pub struct CloudArgs {
    pub cloud: Option<String>,
    pub heat_url: Option<String>,
    pub token: Option<Secret>,
    pub interface: Option<String>,
    pub region: Option<String>,
    pub cacert: Option<PathBuf>,
}

/// Reads one environment variable (a parameter so tests need not touch the process).
pub type EnvFn<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Resolve the settings: `--os-cloud` wins, then `OS_AUTH_URL` and friends, then
/// `--heat-url` with an optional token. A flag not given reads its variable
/// (`OS_CLOUD`, `HEAT_URL`, `OS_TOKEN`, `OS_INTERFACE`, `OS_REGION_NAME`, `OS_CACERT`).
pub fn resolve(args: &CloudArgs, env: EnvFn) -> Result<Cloud> {
    let var = |k: &str| env(k).filter(|v| !v.is_empty());
    let args = &CloudArgs {
        cloud: args.cloud.clone().or_else(|| var("OS_CLOUD")),
        heat_url: args.heat_url.clone().or_else(|| var("HEAT_URL")),
        token: args
            .token
            .clone()
            .or_else(|| var("OS_TOKEN").map(Secret::new)),
        interface: args.interface.clone().or_else(|| var("OS_INTERFACE")),
        region: args.region.clone().or_else(|| var("OS_REGION_NAME")),
        cacert: args
            .cacert
            .clone()
            .or_else(|| var("OS_CACERT").map(PathBuf::from)),
    };
    let mut cloud = if let Some(name) = &args.cloud {
        from_clouds_yaml(name, env)?
    } else if env("OS_AUTH_URL").is_some_and(|u| !u.is_empty()) {
        from_env(env)?
    } else if args.heat_url.is_some() {
        Cloud {
            source: "--heat-url".into(),
            auth: Auth::Fixed {
                token: args.token.clone(),
            },
            interface: "public".into(),
            region: None,
            heat_url: None,
            cacert: None,
            verify: true,
        }
    } else {
        return Err(EsiError::Usage(
            "--backend heat needs credentials: --os-cloud NAME (clouds.yaml), OS_AUTH_URL \
             with OS_* credentials, or --heat-url URL (with --os-token for a token)"
                .into(),
        ));
    };
    if let Some(t) = &args.token {
        // An explicit token replaces whatever secret the cloud had (as `openstack --os-token`).
        cloud.auth = match cloud.auth {
            Auth::Password {
                auth_url, project, ..
            }
            | Auth::Token {
                auth_url, project, ..
            } => Auth::Token {
                auth_url,
                token: t.clone(),
                project,
            },
            Auth::AppCredential { auth_url, .. } => Auth::Token {
                auth_url,
                token: t.clone(),
                project: Named::default(),
            },
            Auth::Fixed { .. } => Auth::Fixed {
                token: Some(t.clone()),
            },
        };
    }
    if let Some(i) = &args.interface {
        cloud.interface = interface(i);
    }
    if args.region.is_some() {
        cloud.region = args.region.clone();
    }
    if args.heat_url.is_some() {
        cloud.heat_url = args.heat_url.clone();
    }
    if args.cacert.is_some() {
        cloud.cacert = args.cacert.clone();
    }
    if matches!(cloud.auth, Auth::Fixed { .. }) && cloud.heat_url.is_none() {
        return Err(EsiError::Usage(format!(
            "{}: a plain token needs an endpoint: give --heat-url URL",
            cloud.source
        )));
    }
    Ok(cloud)
}

/// `publicURL` → `public`, as the legacy clients spelled it.
fn interface(s: &str) -> String {
    s.trim_end_matches("URL").to_ascii_lowercase()
}

/// The `OS_*` variables (openrc files), as python-openstackclient reads them.
fn from_env(env: EnvFn) -> Result<Cloud> {
    let get = |k: &str| env(k).filter(|v| !v.is_empty());
    let mut map = serde_yaml_ng::Mapping::new();
    let mut auth = serde_yaml_ng::Mapping::new();
    for (var, key) in AUTH_VARS {
        if let Some(v) = get(var) {
            auth.insert(Yaml::from(*key), Yaml::from(v));
        }
    }
    map.insert("auth".into(), Yaml::Mapping(auth));
    for (var, key) in [
        ("OS_AUTH_TYPE", "auth_type"),
        ("OS_REGION_NAME", "region_name"),
        ("OS_INTERFACE", "interface"),
        ("OS_ENDPOINT_TYPE", "interface"),
        ("OS_CACERT", "cacert"),
    ] {
        if let Some(v) = get(var) {
            map.insert(key.into(), Yaml::from(v));
        }
    }
    if get("OS_INSECURE").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "True" | "yes")) {
        map.insert("verify".into(), Yaml::Bool(false));
    }
    cloud_from(&Yaml::Mapping(map), "the OS_* variables")
}

const AUTH_VARS: &[(&str, &str)] = &[
    ("OS_AUTH_URL", "auth_url"),
    ("OS_USERNAME", "username"),
    ("OS_USER_ID", "user_id"),
    ("OS_PASSWORD", "password"),
    ("OS_PROJECT_NAME", "project_name"),
    ("OS_TENANT_NAME", "project_name"),
    ("OS_PROJECT_ID", "project_id"),
    ("OS_TENANT_ID", "project_id"),
    ("OS_USER_DOMAIN_NAME", "user_domain_name"),
    ("OS_USER_DOMAIN_ID", "user_domain_id"),
    ("OS_PROJECT_DOMAIN_NAME", "project_domain_name"),
    ("OS_PROJECT_DOMAIN_ID", "project_domain_id"),
    ("OS_DOMAIN_NAME", "domain_name"),
    ("OS_DOMAIN_ID", "domain_id"),
    ("OS_APPLICATION_CREDENTIAL_ID", "application_credential_id"),
    (
        "OS_APPLICATION_CREDENTIAL_NAME",
        "application_credential_name",
    ),
    (
        "OS_APPLICATION_CREDENTIAL_SECRET",
        "application_credential_secret",
    ),
    ("OS_TOKEN", "token"),
];

/// The files searched for `clouds.yaml` (and `secure.yaml` beside each): the current
/// directory, `$XDG_CONFIG_HOME/openstack` (or `~/.config/openstack`), `/etc/openstack`;
/// `OS_CLIENT_CONFIG_FILE` names one file instead.
pub fn search_path(env: EnvFn, name: &str) -> Vec<PathBuf> {
    if name == "clouds.yaml" {
        if let Some(f) = env("OS_CLIENT_CONFIG_FILE").filter(|f| !f.is_empty()) {
            return vec![PathBuf::from(f)];
        }
    }
    let mut dirs = vec![PathBuf::from(".")];
    match (env("XDG_CONFIG_HOME"), env("HOME")) {
        (Some(x), _) if !x.is_empty() => dirs.push(Path::new(&x).join("openstack")),
        (_, Some(h)) => dirs.push(Path::new(&h).join(".config/openstack")),
        _ => {}
    }
    dirs.push(PathBuf::from("/etc/openstack"));
    dirs.into_iter().map(|d| d.join(name)).collect()
}

fn read_cloud(path: &Path, name: &str) -> Result<Option<Yaml>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| EsiError::Usage(format!("--os-cloud: cannot read {}: {e}", path.display())))?;
    let doc: Yaml = serde_yaml_ng::from_str(&text)
        .map_err(|e| EsiError::Usage(format!("--os-cloud: {} is not YAML: {e}", path.display())))?;
    Ok(doc.get("clouds").and_then(|c| c.get(name)).cloned())
}

fn from_clouds_yaml(name: &str, env: EnvFn) -> Result<Cloud> {
    let paths = search_path(env, "clouds.yaml");
    let Some(path) = paths.iter().find(|p| p.is_file()) else {
        return Err(EsiError::Usage(format!(
            "--os-cloud {name}: no clouds.yaml in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let Some(mut cloud) = read_cloud(path, name)? else {
        return Err(EsiError::Usage(format!(
            "--os-cloud {name}: {} has no cloud `{name}`",
            path.display()
        )));
    };
    // secure.yaml (secrets kept apart) is merged over the cloud's entry.
    if let Some(secure) = search_path(env, "secure.yaml")
        .into_iter()
        .find(|p| p.is_file())
    {
        if let Some(s) = read_cloud(&secure, name)? {
            merge(&mut cloud, &s);
        }
    }
    cloud_from(&cloud, &format!("cloud `{name}` of {}", path.display()))
}

fn merge(base: &mut Yaml, over: &Yaml) {
    match (base, over) {
        (Yaml::Mapping(b), Yaml::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// One cloud entry (clouds.yaml layout) to settings.
fn cloud_from(c: &Yaml, source: &str) -> Result<Cloud> {
    let text = |v: Option<&Yaml>| -> Option<String> {
        match v? {
            Yaml::String(s) if !s.is_empty() => Some(s.clone()),
            Yaml::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let a = c.get("auth");
    let field = |k: &str| text(a.and_then(|a| a.get(k)));
    let named = |prefix: &str| Named {
        id: field(&format!("{prefix}_id")),
        name: field(&format!("{prefix}_name")).or_else(|| {
            (prefix == "user")
                .then(|| field("username"))
                .flatten()
                .or_else(|| {
                    (prefix == "project")
                        .then(|| field("tenant_name"))
                        .flatten()
                })
        }),
        domain_id: field(&format!("{prefix}_domain_id")).or_else(|| field("domain_id")),
        domain_name: field(&format!("{prefix}_domain_name")).or_else(|| field("domain_name")),
    };
    let auth_type = text(c.get("auth_type")).unwrap_or_else(|| {
        if field("application_credential_secret").is_some() {
            "v3applicationcredential".into()
        } else if field("token").is_some() && field("password").is_none() {
            "v3token".into()
        } else {
            "password".into()
        }
    });
    let need = |k: &str| {
        field(k).ok_or_else(|| EsiError::Usage(format!("{source}: auth needs `{k}` ({auth_type})")))
    };
    let auth = match auth_type.as_str() {
        "password" | "v3password" => Auth::Password {
            auth_url: need("auth_url")?,
            user: named("user"),
            password: Secret::new(need("password")?),
            project: named("project"),
        },
        "v3applicationcredential" | "applicationcredential" => Auth::AppCredential {
            auth_url: need("auth_url")?,
            id: field("application_credential_id"),
            name: field("application_credential_name"),
            user: named("user"),
            secret: Secret::new(need("application_credential_secret")?),
        },
        "token" | "v3token" => Auth::Token {
            auth_url: need("auth_url")?,
            token: Secret::new(need("token")?),
            project: named("project"),
        },
        "none" | "noauth" | "admin_token" => Auth::Fixed {
            token: field("token").map(Secret::new),
        },
        other => {
            return Err(EsiError::Usage(format!(
                "{source}: auth_type `{other}` is not supported (password, \
                 v3applicationcredential, token, none)"
            )))
        }
    };
    let verify = !matches!(c.get("verify"), Some(Yaml::Bool(false)))
        && !matches!(c.get("insecure"), Some(Yaml::Bool(true)));
    Ok(Cloud {
        source: source.to_string(),
        auth,
        interface: interface(&text(c.get("interface")).unwrap_or_else(|| "public".into())),
        region: text(c.get("region_name")),
        heat_url: text(c.get("orchestration_endpoint_override")),
        cacert: text(c.get("cacert")).map(PathBuf::from),
        verify,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn openrc_variables_give_password_auth() {
        let env = env_of(&[
            ("OS_AUTH_URL", "https://ks:5000/v3"),
            ("OS_USERNAME", "esi"),
            ("OS_PASSWORD", "pw"),
            ("OS_PROJECT_NAME", "lab"),
            ("OS_USER_DOMAIN_NAME", "Default"),
            ("OS_PROJECT_DOMAIN_ID", "default"),
            ("OS_INTERFACE", "internalURL"),
            ("OS_REGION_NAME", "RegionTwo"),
        ]);
        let c = resolve(&CloudArgs::default(), &env).unwrap();
        let Auth::Password {
            user,
            project,
            password,
            ..
        } = &c.auth
        else {
            panic!("{c:?}")
        };
        assert_eq!(user.name.as_deref(), Some("esi"));
        assert_eq!(user.domain_name.as_deref(), Some("Default"));
        assert_eq!(project.domain_id.as_deref(), Some("default"));
        assert_eq!(password.expose(), "pw");
        assert_eq!(c.interface, "internal");
        assert_eq!(c.region.as_deref(), Some("RegionTwo"));
        assert!(
            !format!("{c:?}").contains("pw\""),
            "secrets stay out of Debug"
        );
    }

    #[test]
    fn clouds_yaml_with_secure_yaml_and_application_credentials() {
        let dir = tempfile::tempdir().unwrap();
        let os = dir.path().join("openstack");
        std::fs::create_dir(&os).unwrap();
        std::fs::write(
            os.join("clouds.yaml"),
            "clouds:\n  lab:\n    auth:\n      auth_url: http://ks/v3\n      \
             application_credential_id: ac1\n    region_name: R1\n    verify: false\n",
        )
        .unwrap();
        std::fs::write(
            os.join("secure.yaml"),
            "clouds:\n  lab:\n    auth:\n      application_credential_secret: s3\n",
        )
        .unwrap();
        let xdg = dir.path().to_string_lossy().into_owned();
        let env = env_of(&[("XDG_CONFIG_HOME", &xdg)]);
        let args = CloudArgs {
            cloud: Some("lab".into()),
            ..Default::default()
        };
        let c = resolve(&args, &env).unwrap();
        assert_eq!(
            c.auth,
            Auth::AppCredential {
                auth_url: "http://ks/v3".into(),
                id: Some("ac1".into()),
                name: None,
                user: Named::default(),
                secret: Secret::new("s3"),
            }
        );
        assert!(!c.verify);
        let missing = CloudArgs {
            cloud: Some("nope".into()),
            ..Default::default()
        };
        let e = resolve(&missing, &env).unwrap_err().to_string();
        assert!(e.contains("has no cloud `nope`"), "{e}");
    }

    #[test]
    fn a_heat_url_with_a_token_or_nothing_is_a_noauth_lab() {
        let env = env_of(&[]);
        let args = CloudArgs {
            heat_url: Some("http://127.0.0.1:8004/v1/admin".into()),
            token: Some(Secret::new("t")),
            ..Default::default()
        };
        let c = resolve(&args, &env).unwrap();
        assert_eq!(
            c.auth,
            Auth::Fixed {
                token: Some(Secret::new("t"))
            }
        );
        let e = resolve(&CloudArgs::default(), &env)
            .unwrap_err()
            .to_string();
        assert!(e.contains("--heat-url"), "{e}");
    }
}
