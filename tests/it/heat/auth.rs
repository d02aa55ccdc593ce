//! The Keystone path of the heat backend against a real Keystone: `--os-cloud` from a
//! clouds.yaml, a password token scoped to a project, Heat's endpoint from the token's
//! catalog, the token renewed before it expires, and an application credential. Heat
//! itself runs noauth (it does not validate the token); its catalog endpoint names the
//! project (`/v1/admin`), which noauth Heat takes by default.

use std::time::{Duration, Instant};

use crate::engine::state_at;
use crate::heat::flow::{lab, lab_environment, put_port, stack_name, Lab};
use crate::heat::keystone::{Keystone, ADMIN_PASSWORD};
use crate::heat::worker::{wait, Worker};

/// Token lifetime: the worker renews at half of it (10 s), inside the test's time.
const TOKEN_SECS: u32 = 20;

fn clouds_yaml(lab: &Lab, ks: &Keystone, cred: &(String, String)) -> std::path::PathBuf {
    let f = lab.env_dir.path().join("clouds.yaml");
    let url = ks.url();
    std::fs::write(
        &f,
        format!(
            "clouds:\n  lab:\n    auth:\n      auth_url: {url}\n      username: admin\n      \
             password: {ADMIN_PASSWORD}\n      project_name: admin\n      user_domain_name: \
             Default\n      project_domain_name: Default\n    region_name: RegionOne\n    \
             interface: public\n  lab-appcred:\n    auth_type: v3applicationcredential\n    \
             auth:\n      auth_url: {url}\n      application_credential_id: {}\n      \
             application_credential_secret: {}\n    region_name: RegionOne\n",
            cred.0, cred.1
        ),
    )
    .unwrap();
    f
}

#[test]
fn a_worker_authenticates_with_keystone_finds_heat_in_the_catalog_and_renews_its_token() {
    let ks = Keystone::start(TOKEN_SECS);
    let lab = lab(0, false);
    let (admin, user) = ks.admin_token();
    ks.register_heat(&admin, &format!("{}/admin", lab.heat.url()));
    let cred = ks.app_credential(&admin, &user);
    let clouds = clouds_yaml(&lab, &ks, &cred);
    let env = lab_environment(lab.env_dir.path());
    let (heat, store) = (&lab.heat, &lab.store);

    // Password auth: one token, then the create through the catalog's endpoint.
    let before = ks.token_requests();
    let started = Instant::now();
    let w = Worker::start_cloud(&lab.etcd, &clouds, "lab", &["--heat-environment", &env]);
    put_port(store, 1, true, false);
    wait("port v1 created via Keystone", 90, heat, &[&w], || {
        state_at(
            store,
            "port",
            crate::heat::flow::PORT,
            1,
            "CREATE_COMPLETED",
        )
    });
    let stack = heat
        .stack("admin", &stack_name())
        .expect("created in the catalog endpoint's project");
    assert_eq!(stack["stack_status"], "CREATE_COMPLETE");
    assert_eq!(ks.token_requests(), before + 1, "one token for the create");

    // Past half the token's life: the next job renews it first.
    let renew_at = Duration::from_secs(u64::from(TOKEN_SECS) / 2 + 2);
    std::thread::sleep(renew_at.saturating_sub(started.elapsed()));
    put_port(store, 2, false, false);
    wait(
        "port v2 modified after the renewal",
        90,
        heat,
        &[&w],
        || {
            state_at(
                store,
                "port",
                crate::heat::flow::PORT,
                2,
                "MODIFY_COMPLETED",
            )
        },
    );
    assert!(ks.token_requests() >= before + 2, "the token was renewed");
    let first_log = w.log();
    assert!(
        first_log.contains("renewing the Keystone token"),
        "{first_log}"
    );
    drop(w);

    // Application credential: a second worker deletes the stack.
    let w = Worker::start_cloud(
        &lab.etcd,
        &clouds,
        "lab-appcred",
        &["--heat-environment", &env],
    );
    put_port(store, 3, false, true);
    wait(
        "port v3 deleted via an application credential",
        90,
        heat,
        &[&w],
        || {
            state_at(
                store,
                "port",
                crate::heat::flow::PORT,
                3,
                "DELETE_COMPLETED",
            )
        },
    );
    assert!(
        heat.stack("admin", &stack_name()).is_none(),
        "gone from Heat"
    );
    let log = w.log();
    assert!(log.contains("Keystone token obtained"), "{log}");
    for secret in [ADMIN_PASSWORD, cred.1.as_str(), admin.as_str()] {
        assert!(
            !log.contains(secret) && !first_log.contains(secret),
            "a secret in a worker's log"
        );
    }
}
