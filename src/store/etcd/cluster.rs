//! The cluster as `esi check` reports it: members (from the member list), each
//! configured endpoint's status (leader, db size, version), alarms and the compaction
//! point. Each endpoint is asked on its own, so one dead member is a row, not an error.

use etcd_client::{AlarmAction, AlarmType};

use super::{EtcdStore, Retry};
use crate::error::Result;
use crate::store::{ClusterInfo, EndpointStatus, MemberInfo};

impl EtcdStore {
    pub(super) async fn cluster_info(&self) -> Result<ClusterInfo> {
        let members = self
            .call("member list", Retry::Always, |mut c| async move {
                c.member_list().await
            })
            .await?;
        let mut endpoints = Vec::new();
        for (i, ep) in self.cfg.endpoints.iter().enumerate() {
            let st = match self.client_at(i).await {
                Ok(mut c) => {
                    self.timed("status", ep, async move { c.status().await })
                        .await
                }
                Err(e) => Err(e),
            };
            endpoints.push(match st {
                Ok(s) => EndpointStatus {
                    endpoint: ep.clone(),
                    member_id: s.header().map(|h| format!("{:x}", h.member_id())),
                    leader: (s.leader() != 0).then(|| format!("{:x}", s.leader())),
                    version: Some(s.version().to_string()),
                    db_size: Some(s.db_size()),
                    db_size_in_use: Some(s.raft_used_db_size()),
                    raft_term: Some(s.raft_term()),
                    errors: s.errors().to_vec(),
                    error: None,
                },
                Err(e) => EndpointStatus {
                    endpoint: ep.clone(),
                    error: Some(e.to_string()),
                    ..Default::default()
                },
            });
        }
        let alarms = self
            .call("alarm list", Retry::Always, |mut c| async move {
                c.alarm(AlarmAction::Get, AlarmType::None, None).await
            })
            .await?;
        let alarms = alarms
            .alarms()
            .iter()
            .map(|a| format!("{:?} on member {:x}", a.alarm(), a.member_id()))
            .collect();
        Ok(ClusterInfo {
            members: members
                .members()
                .iter()
                .map(|m| MemberInfo {
                    id: format!("{:x}", m.id()),
                    name: m.name().to_string(),
                    client_urls: m.client_urls().to_vec(),
                })
                .collect(),
            endpoints,
            alarms,
            compact_revision: self.compaction_point().await?,
        })
    }
}
