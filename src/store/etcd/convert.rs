//! Conversions between esi's store types and etcd-client's requests and responses.

use etcd_client::{Compare as EC, CompareOp, DeleteOptions, GetOptions, KeyValue, TxnOp};

use crate::model::keytext;
use crate::store::{Compare, EventKind, Kv, Op, Range, RangeResult, RangeSpec, WatchEvent};

/// A key's exact bytes for etcd (see `model::keytext`).
fn kb(key: &str) -> Vec<u8> {
    keytext::to_bytes(key).into_owned()
}

pub fn to_kv(kv: &KeyValue) -> Kv {
    Kv {
        key: keytext::from_bytes(kv.key()).into_owned(),
        value: kv.value().to_vec(),
        create_revision: kv.create_revision(),
        mod_revision: kv.mod_revision(),
        version: kv.version(),
        lease: kv.lease(),
    }
}

pub fn get_options(r: &Range, rev: Option<i64>) -> (Vec<u8>, GetOptions) {
    let mut o = GetOptions::new();
    let mut key = kb(&r.key);
    if r.prefix {
        let end = Range::prefix_end(&key);
        // `[0]` is etcd's "to the end of the keyspace".
        o = o.with_range(match r.before.as_deref().map(kb) {
            Some(b) if end == [0] || b < end => b,
            _ => end,
        });
        if let Some(from) = r.from.as_deref().filter(|f| **f > *r.key) {
            key = kb(from);
        }
        if let Some(after) = &r.after {
            let mut a = kb(after);
            a.push(0);
            key = key.max(a);
        }
    }
    if r.limit > 0 {
        o = o.with_limit(r.limit);
    }
    if r.keys_only {
        o = o.with_keys_only();
    }
    if r.count_only {
        o = o.with_count_only();
    }
    if let Some(rev) = rev.filter(|r| *r > 0) {
        o = o.with_revision(rev);
    }
    (key, o)
}

pub fn spec_options(r: &RangeSpec) -> (Vec<u8>, GetOptions) {
    let range = Range {
        key: r.key.clone(),
        prefix: r.prefix,
        keys_only: r.keys_only,
        ..Default::default()
    };
    get_options(&range, None)
}

pub fn to_op(op: &Op) -> TxnOp {
    match op {
        Op::Put { key, value, lease } => {
            let opts = (*lease != 0).then(|| etcd_client::PutOptions::new().with_lease(*lease));
            TxnOp::put(kb(key), value.clone(), opts)
        }
        Op::Delete { key, prefix } => {
            let opts = prefix.then(|| DeleteOptions::new().with_prefix());
            TxnOp::delete(kb(key), opts)
        }
        Op::Get(spec) => {
            let (k, o) = spec_options(spec);
            TxnOp::get(k, Some(o))
        }
    }
}

pub fn to_compare(c: &Compare) -> EC {
    match c {
        Compare::Absent(k) => EC::create_revision(kb(k), CompareOp::Equal, 0),
        Compare::AbsentRange(k, end) => {
            EC::create_revision(kb(k), CompareOp::Equal, 0).with_range(end.clone())
        }
        Compare::CreateRevision(k, r) => EC::create_revision(kb(k), CompareOp::Equal, *r),
        Compare::ModRevision(k, r) => EC::mod_revision(kb(k), CompareOp::Equal, *r),
        Compare::Version(k, v) => EC::version(kb(k), CompareOp::Equal, *v),
        Compare::Value(k, v) => EC::value(kb(k), CompareOp::Equal, v.clone()),
    }
}

pub fn header_rev(h: Option<&etcd_client::ResponseHeader>) -> i64 {
    h.map(|h| h.revision()).unwrap_or(0)
}

/// The results of a txn's gets, in order.
pub fn get_results(resp: &etcd_client::TxnResponse) -> Vec<RangeResult> {
    resp.op_responses()
        .into_iter()
        .filter_map(|op| match op {
            etcd_client::TxnOpResponse::Get(g) => Some(RangeResult {
                kvs: g.kvs().iter().map(to_kv).collect(),
                count: g.count(),
                more: g.more(),
            }),
            _ => None,
        })
        .collect()
}

/// A watch event as the store reports it (`None`: an event without a key-value).
pub fn to_event(ev: &etcd_client::Event) -> Option<WatchEvent> {
    let kind = match ev.event_type() {
        etcd_client::EventType::Put => EventKind::Put,
        etcd_client::EventType::Delete => EventKind::Delete,
    };
    Some(WatchEvent {
        kind,
        kv: to_kv(ev.kv()?),
        prev: ev.prev_kv().map(to_kv),
    })
}
