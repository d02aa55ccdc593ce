
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'esi' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'esi'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'esi' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One view of a resource across all six key families, with a verdict')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'One row per resource of a type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Any key, decoded as its family')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save etcd to an offline snapshot, or load a snapshot into etcd')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Timeline of every change of a resource, from etcd history')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Diff two versions of a family, or config vs job, state vs stack (exit 1 = differs)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a resource (or the job queue) live; wait for a condition')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List jobs across the queue stages (worker, retry, unfinished dependencies, stuck)')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'One job: params, dependencies, staleness (finished jobs from history)')
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Build a job from a resource''s config, as the job manager would, and queue it')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Queue an existing job again under a new id')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the whole fleet at one revision: verdicts, queue, root causes, engine, etcd')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live terminal dashboard of the fleet: queue, jobs in flight, failures, engine')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'Serve the live fleet view as Prometheus metrics (/metrics, /healthz)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit trail: who wrote what, when and why (every esi write records itself)')
            [CompletionResult]::new('engine', 'engine', [CompletionResultType]::ParameterValue, 'Run the processing engine: job manager and/or worker with a simulated Heat')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'The whole flow on the bundled sample, in-process (no server): engine, watch, show')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Contexts of the config file: view, switch, list; the effective settings')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'Every resource type: plural, key prefix, monitoring field, heat template')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print esi''s version and the etcd server''s (when reachable)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;show' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read at this etcd revision (repeatable view); default: latest')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Read at this etcd revision (repeatable view); default: latest')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;ls' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Only rows with these verdict codes (comma-separated, e.g. stale,failed)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;get' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many keys with --prefix (0 = all)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Every key under this prefix')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the stored value bytes only, one value a line, no header (like `etcdctl get --print-value-only`; secrets redacted unless --show-secrets); with -o json, the stored text as the value')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;snapshot' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save every key (with its revisions since the last compaction) to FILE')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Write a snapshot (any format --store reads) into etcd')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;snapshot;save' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only keys under this prefix')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;snapshot;load' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: kept in the load''s audit record (`esi audit`)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Replay the recorded history event by event (keeps per-key version counts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be loaded, and into what; write nothing')
            [CompletionResult]::new('--allow-existing', '--allow-existing', [CompletionResultType]::ParameterName, 'Load even when the target already holds ESI keys (the two states then mix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;snapshot;help' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save every key (with its revisions since the last compaction) to FILE')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Write a snapshot (any format --store reads) into etcd')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;snapshot;help;save' {
            break
        }
        'esi;snapshot;help;load' {
            break
        }
        'esi;snapshot;help;help' {
            break
        }
        'esi;history' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Only these families (config, worker_config, heat_stack, job_state, state, monitoring, jobs); repeatable')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start at this revision. Default: the resource''s creation (the oldest create revision of its live keys), or as far back as etcd keeps when none is live. `--since 1` walks everything etcd retains (etcd replays every revision in between)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--exhaustive', '--exhaustive', [CompletionResultType]::ParameterName, 'Replay every revision since the start (a watch) instead of reading the resource''s keys at past revisions. Slower on a busy store, but it also sees a key that came and went while nothing else of the resource changed (docs/history.md)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;diff' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Family to diff')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Older side: an ESI version number (etcd key version for families without one) or rev:N')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Newer side (default: current)')
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'Compare across families instead of across versions')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-all', '--show-all', [CompletionResultType]::ParameterName, 'Do not hide bookkeeping fields (status, orchestration_state, version counters)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;watch' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop when this condition holds (see below)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. 30s, 5m): exit 7')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Replay changes from this revision first (like `etcdctl watch --rev`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Replay changes from this revision first (like `etcdctl watch --rev`)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'With `jobs`: only jobs of this resource type')
            [CompletionResult]::new('--progress-interval', '--progress-interval', [CompletionResultType]::ParameterName, 'Ask etcd for progress after this much silence (dead-connection detection)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--must-exist', '--must-exist', [CompletionResultType]::ParameterName, 'Fail at once (exit 3) when the resource has no key now, instead of waiting for it to appear')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;jobs' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only jobs of this resource type (schema id or plural)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only jobs of this resource id')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action: create, modify, logical_delete, delete')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only these stages (comma-separated)')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Read at this etcd revision')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--stuck', '--stuck', [CompletionResultType]::ParameterName, 'Only jobs that cannot make progress')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Key counts per queue directory, without transferring values')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;job' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job: header, params, dependencies, staleness (finished jobs from history)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;job;show' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read at this etcd revision; default: latest')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Read at this etcd revision; default: latest')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;job;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job: header, params, dependencies, staleness (finished jobs from history)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;job;help;show' {
            break
        }
        'esi;job;help;help' {
            break
        }
        'esi;enqueue' {
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Bulk: resources of TYPE with these verdicts (comma-separated, e.g. stale,failed)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'Bulk: resource or job ids, one per line, from FILE (- for stdin)')
            [CompletionResult]::new('--max-in-flight', '--max-in-flight', [CompletionResultType]::ParameterName, 'Bulk: wait while more than N jobs are ready or working')
            [CompletionResult]::new('--suffix', '--suffix', [CompletionResultType]::ParameterName, 'Use this job id suffix instead of a random one, so that a --dry-run shows the id the write will use (letters and digits, at most 16)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: kept in the write''s audit record (`esi audit`)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written (-o json: the exact /jobs/all value; table: the txn)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Enqueue even when the resource already has an active job at this version')
            [CompletionResult]::new('--canonical-resources', '--canonical-resources', [CompletionResultType]::ParameterName, 'Carry each param''s resources once instead of the legacy doubled list (L ++ L) of modify/logical_delete jobs')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;replay' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Queue an existing job again under a new id (retry 0, dependencies recomputed)')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'Replay many resources'' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;replay;job' {
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Replay the resource''s most recent job instead (in flight, else from history)')
            [CompletionResult]::new('--suffix', '--suffix', [CompletionResultType]::ParameterName, 'Use this suffix for the new job id instead of a random one, so that a --dry-run shows the id the write will use (letters and digits, at most 16)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: kept in the write''s audit record (`esi audit`)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written (-o json: the exact /jobs/all value; table: the txn)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replay even when stale or another job of the resource is in flight')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;replay;jobs' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only resources of these types (repeat, or comma-separated)')
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Resources with these verdicts (comma-separated, e.g. failed,stuck)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only resources whose latest job has this action')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Resources with a job in flight at these stages')
            [CompletionResult]::new('--blocked-by', '--blocked-by', [CompletionResultType]::ParameterName, 'Resources with a waiting job that this job holds up (directly or not)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required for a bulk write): kept in every job''s audit record')
            [CompletionResult]::new('--max-in-flight', '--max-in-flight', [CompletionResultType]::ParameterName, 'Wait while more than N jobs are ready or working')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--stuck', '--stuck', [CompletionResultType]::ParameterName, 'Resources with a stuck job in flight (it is replaced)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (table, or -o json) and write nothing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;replay;help' {
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Queue an existing job again under a new id (retry 0, dependencies recomputed)')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'Replay many resources'' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;replay;help;job' {
            break
        }
        'esi;replay;help;jobs' {
            break
        }
        'esi;replay;help;help' {
            break
        }
        'esi;check' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only these resource types (repeat; default: all)')
            [CompletionResult]::new('--max-failed', '--max-failed', [CompletionResultType]::ParameterName, 'Failed resources of one type up to N are a warning, more a failure')
            [CompletionResult]::new('--max-stale', '--max-stale', [CompletionResultType]::ParameterName, 'Stale resources of one type up to N are a warning, more a failure')
            [CompletionResult]::new('--db-quota', '--db-quota', [CompletionResultType]::ParameterName, 'etcd''s backend quota in bytes (etcd''s --quota-backend-bytes)')
            [CompletionResult]::new('--db-warn', '--db-warn', [CompletionResultType]::ParameterName, 'db size (percent of the quota) from which etcd.db_size warns')
            [CompletionResult]::new('--db-fail', '--db-fail', [CompletionResultType]::ParameterName, 'db size (percent of the quota) from which etcd.db_size fails')
            [CompletionResult]::new('--show', '--show', [CompletionResultType]::ParameterName, 'Offenders listed per check')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;top' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;exporter' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to serve /metrics and /healthz on')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often the metrics are recomputed from the events applied')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Records of the last DURATION (e.g. 30m, 2h, 1d)')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Records written at or after this etcd revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Records written at or after this etcd revision')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Records of this actor (as written: --actor, or user@host)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Records that concern this resource')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds: enqueue, replay, bulk-replay, snapshot-load (comma-separated)')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;engine' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;engine;run' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Which roles this process runs')
            [CompletionResult]::new('--slots', '--slots', [CompletionResultType]::ParameterName, 'Concurrent jobs of the worker')
            [CompletionResult]::new('--lease-ttl', '--lease-ttl', [CompletionResultType]::ParameterName, 'TTL of each job reservation''s lease (/jobs/working/<id>)')
            [CompletionResult]::new('--manager-ttl', '--manager-ttl', [CompletionResultType]::ParameterName, 'TTL of the manager election lease (/job_manager_id)')
            [CompletionResult]::new('--manager-id', '--manager-id', [CompletionResultType]::ParameterName, 'This manager''s id (the value of /job_manager_id) [default: a random UUID]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Re-queues of a job whose worker went away before the job is failed')
            [CompletionResult]::new('--drain-timeout', '--drain-timeout', [CompletionResultType]::ParameterName, 'How long running jobs may take to finish after SIGINT/SIGTERM before they are released')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Orchestration backend')
            [CompletionResult]::new('--sim-latency', '--sim-latency', [CompletionResultType]::ParameterName, 'Simulated duration of every stack operation')
            [CompletionResult]::new('--sim-fail', '--sim-fail', [CompletionResultType]::ParameterName, 'Make stack operations of this type (or of one resource) fail (repeatable)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Heat: the cloud of clouds.yaml to use [default: $OS_CLOUD]')
            [CompletionResult]::new('--heat-url', '--heat-url', [CompletionResultType]::ParameterName, 'Heat: the orchestration endpoint, instead of the catalog''s (…/v1/<project>; a URL without the project gets each resource''s tenant) [default: $HEAT_URL]')
            [CompletionResult]::new('--os-token', '--os-token', [CompletionResultType]::ParameterName, 'Heat: a token to use as is (with --heat-url) or to exchange with Keystone [default: $OS_TOKEN]')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Heat: the catalog interface: public, internal, admin [default: $OS_INTERFACE, else the cloud''s, else public]')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Heat: the catalog region [default: $OS_REGION_NAME, else the cloud''s]')
            [CompletionResult]::new('--os-cacert', '--os-cacert', [CompletionResultType]::ParameterName, 'Heat: CA bundle (PEM) for Keystone and Heat over TLS [default: $OS_CACERT, else the cloud''s]')
            [CompletionResult]::new('--heat-environment', '--heat-environment', [CompletionResultType]::ParameterName, 'Heat: an environment (resource_registry, parameter_defaults) for every stack; repeatable, merged in order, under a template record''s own `environment`')
            [CompletionResult]::new('--heat-poll-interval', '--heat-poll-interval', [CompletionResultType]::ParameterName, 'Heat: longest interval between two status polls of a stack (polls start at 100ms)')
            [CompletionResult]::new('--heat-wait', '--heat-wait', [CompletionResultType]::ParameterName, 'Heat: how long a job waits for an unreachable Heat before it is released again')
            [CompletionResult]::new('--sweep-interval', '--sweep-interval', [CompletionResultType]::ParameterName, 'How often the manager re-checks the queue for work events may have missed')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--canonical-resources', '--canonical-resources', [CompletionResultType]::ParameterName, 'Carry each param''s resources once instead of the legacy doubled list (L ++ L) of modify/logical_delete jobs')
            [CompletionResult]::new('--no-workflow-request', '--no-workflow-request', [CompletionResultType]::ParameterName, 'Do not write /worker-workflow-jobs around each enqueue (a legacy manager detail)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;engine;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;engine;help;run' {
            break
        }
        'esi;engine;help;help' {
            break
        }
        'esi;demo' {
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Simulated duration of each stack operation (makes the run watchable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long')
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;completions' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;config' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (passwords redacted unless --show-secrets)')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current-context (rewrites only that line of the file)')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts (* marks the one in use)')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'The settings this invocation would use and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;config;view' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;config;use-context' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;config;get-contexts' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;config;current' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;config;help' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (passwords redacted unless --show-secrets)')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current-context (rewrites only that line of the file)')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts (* marks the one in use)')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'The settings this invocation would use and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;config;help;view' {
            break
        }
        'esi;config;help;use-context' {
            break
        }
        'esi;config;help;get-contexts' {
            break
        }
        'esi;config;help;current' {
            break
        }
        'esi;config;help;help' {
            break
        }
        'esi;types' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;version' {
            [CompletionResult]::new('--endpoints', '--endpoints', [CompletionResultType]::ParameterName, 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Verify the server with this CA bundle (PEM)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Client private key (PEM), with --cert')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username[:password] for etcd authentication')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password for --user (when not given as user:password)')
            [CompletionResult]::new('--dial-timeout', '--dial-timeout', [CompletionResultType]::ParameterName, 'Dial timeout [default: 2s]')
            [CompletionResult]::new('--command-timeout', '--command-timeout', [CompletionResultType]::ParameterName, 'Timeout of each request [default: 5s]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member''s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook''s faults (a failed port, a leftover key)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR is honoured)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Extra resource types (a JSON schema file merged over the built-in table)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit record of a write names (default: user@host)')
            [CompletionResult]::new('--audit-prefix', '--audit-prefix', [CompletionResultType]::ParameterName, 'Where audit records go (default /esi-audit/, or the context''s audit_prefix)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show passwords, tokens and keys instead of <redacted>')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (also set by a context''s read_only = true, which no flag undoes)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)')
            [CompletionResult]::new('--no-audit', '--no-audit', [CompletionResultType]::ParameterName, 'Write no audit record (for clusters that must not get extra keys; also a context''s audit = false)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'esi;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One view of a resource across all six key families, with a verdict')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'One row per resource of a type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Any key, decoded as its family')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save etcd to an offline snapshot, or load a snapshot into etcd')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Timeline of every change of a resource, from etcd history')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Diff two versions of a family, or config vs job, state vs stack (exit 1 = differs)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a resource (or the job queue) live; wait for a condition')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List jobs across the queue stages (worker, retry, unfinished dependencies, stuck)')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'One job: params, dependencies, staleness (finished jobs from history)')
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Build a job from a resource''s config, as the job manager would, and queue it')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Queue an existing job again under a new id')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the whole fleet at one revision: verdicts, queue, root causes, engine, etcd')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live terminal dashboard of the fleet: queue, jobs in flight, failures, engine')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'Serve the live fleet view as Prometheus metrics (/metrics, /healthz)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit trail: who wrote what, when and why (every esi write records itself)')
            [CompletionResult]::new('engine', 'engine', [CompletionResultType]::ParameterValue, 'Run the processing engine: job manager and/or worker with a simulated Heat')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'The whole flow on the bundled sample, in-process (no server): engine, watch, show')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Contexts of the config file: view, switch, list; the effective settings')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'Every resource type: plural, key prefix, monitoring field, heat template')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print esi''s version and the etcd server''s (when reachable)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'esi;help;show' {
            break
        }
        'esi;help;ls' {
            break
        }
        'esi;help;get' {
            break
        }
        'esi;help;snapshot' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Save every key (with its revisions since the last compaction) to FILE')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Write a snapshot (any format --store reads) into etcd')
            break
        }
        'esi;help;snapshot;save' {
            break
        }
        'esi;help;snapshot;load' {
            break
        }
        'esi;help;history' {
            break
        }
        'esi;help;diff' {
            break
        }
        'esi;help;watch' {
            break
        }
        'esi;help;jobs' {
            break
        }
        'esi;help;job' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job: header, params, dependencies, staleness (finished jobs from history)')
            break
        }
        'esi;help;job;show' {
            break
        }
        'esi;help;enqueue' {
            break
        }
        'esi;help;replay' {
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Queue an existing job again under a new id (retry 0, dependencies recomputed)')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'Replay many resources'' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)')
            break
        }
        'esi;help;replay;job' {
            break
        }
        'esi;help;replay;jobs' {
            break
        }
        'esi;help;check' {
            break
        }
        'esi;help;top' {
            break
        }
        'esi;help;exporter' {
            break
        }
        'esi;help;audit' {
            break
        }
        'esi;help;engine' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM')
            break
        }
        'esi;help;engine;run' {
            break
        }
        'esi;help;demo' {
            break
        }
        'esi;help;completions' {
            break
        }
        'esi;help;config' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (passwords redacted unless --show-secrets)')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current-context (rewrites only that line of the file)')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts (* marks the one in use)')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'The settings this invocation would use and where each comes from')
            break
        }
        'esi;help;config;view' {
            break
        }
        'esi;help;config;use-context' {
            break
        }
        'esi;help;config;get-contexts' {
            break
        }
        'esi;help;config;current' {
            break
        }
        'esi;help;types' {
            break
        }
        'esi;help;version' {
            break
        }
        'esi;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
