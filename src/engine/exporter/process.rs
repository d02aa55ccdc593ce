//! The exporter's own process numbers, read from Linux's /proc (the standard `process_*`
//! metrics; prometheus-client leaves them to the application). Elsewhere: none.

use crate::render::metrics::ProcessStats;

/// Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux ABI.
const TICKS: f64 = 100.0;

pub fn read() -> Option<ProcessStats> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // Fields after the name, from 0: utime 11, stime 12, starttime 19, vsize 20, rss 21.
    let num = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
    let boot = std::fs::read_to_string("/proc/stat")
        .ok()?
        .lines()
        .find_map(|l| {
            l.strip_prefix("btime ")
                .and_then(|v| v.trim().parse::<f64>().ok())
        })?;
    let page = 4096.0;
    let open_fds = std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count() as i64);
    let max_fds = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|l| {
            l.lines()
                .find(|l| l.starts_with("Max open files"))
                .and_then(|l| l.split_whitespace().nth(3).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0);
    Some(ProcessStats {
        cpu_seconds: (num(11)? + num(12)?) / TICKS,
        resident_bytes: (num(21)? * page) as i64,
        virtual_bytes: num(20)? as i64,
        start_time_seconds: boot + num(19)? / TICKS,
        open_fds,
        max_fds,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_this_process() {
        let p = super::read().expect("linux /proc");
        assert!(
            p.resident_bytes > 0 && p.open_fds > 0 && p.max_fds > 0,
            "{p:?}"
        );
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs_f64();
        assert!(p.start_time_seconds <= now + 1.0 && p.start_time_seconds > now - 86_400.0 * 365.0);
    }
}
