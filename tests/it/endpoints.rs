//! Endpoint lists: a command works while any endpoint answers, in any order; when none
//! does, one error names them all and says what to do; an endpoint that is not etcd says
//! so.

use std::net::TcpListener;

use crate::harness::{block_on, Etcd};
use crate::timeline::cycle;

/// A loopback port with nothing listening.
fn dead_endpoint() -> String {
    // From the harness's registry, so no etcd of another test is given it later.
    format!("http://127.0.0.1:{}", crate::harness::free_port())
}

#[test]
fn one_dead_endpoint_does_not_fail_the_command_in_either_order() {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let rev = cycle(store.as_ref(), 1, "create");
    let (dead, live) = (dead_endpoint(), etcd.endpoint.clone());
    for eps in [format!("{dead},{live}"), format!("{live},{dead}")] {
        for args in [
            vec!["ls", "port", "-o", "json"],
            vec!["jobs", "-o", "json"],
            vec!["show", "port", crate::show::PORT, "-o", "json"],
            vec!["history", "port", crate::show::PORT, "-o", "json"],
        ] {
            let r = crate::harness::Esi::new()
                .args(["--endpoints", &eps])
                .args(&args)
                .run();
            assert_eq!(r.code, 0, "{eps} {args:?}: {}", r.stderr);
        }
    }
    let v = crate::harness::Esi::new()
        .args([
            "--endpoints",
            &format!("{dead},{live}"),
            "show",
            "port",
            crate::show::PORT,
        ])
        .args(["-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["revision"], serde_json::json!(rev));
}

#[test]
fn no_endpoint_answering_is_one_clear_error() {
    let (a, b) = (dead_endpoint(), dead_endpoint());
    let r = crate::harness::Esi::new()
        .args(["--endpoints", &format!("{a},{b}"), "ls", "port"])
        .run()
        .code(4);
    assert!(r.stderr.contains("no endpoint answered"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&a) && r.stderr.contains(&b),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("connection refused"), "{}", r.stderr);
    assert!(r.stderr.contains("--store sample"), "{}", r.stderr);
}

#[test]
fn an_endpoint_that_is_not_etcd_says_so() {
    // A plain HTTP/1 server: not etcd's gRPC.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            use std::io::{Read, Write};
            let mut s = s;
            // Read the HTTP/2 preface, answer as an HTTP/1 server does, stay open.
            let mut buf = [0u8; 64];
            let _ = s.read(&mut buf);
            let _ = s.write_all(b"HTTP/1.0 400 Bad request version\r\n\r\n");
            std::thread::sleep(std::time::Duration::from_secs(2));
        }
    });
    let r = crate::harness::Esi::new()
        .args(["--endpoints", &format!("http://127.0.0.1:{port}"), "jobs"])
        .run()
        .code(4);
    assert!(r.stderr.contains("not an etcd endpoint"), "{}", r.stderr);
}
