# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_esi_global_optspecs
    string join \n endpoints= cacert= cert= key= user= password= dial-timeout= command-timeout= context= store= o/output= color= show-secrets v/verbose q/quiet schema= read-only y/yes actor= audit-prefix= no-audit h/help V/version
end

function __fish_esi_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_esi_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_esi_using_subcommand
    set -l cmd (__fish_esi_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c esi -n "__fish_esi_needs_command" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_needs_command" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_needs_command" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_needs_command" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_needs_command" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_needs_command" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_needs_command" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_needs_command" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_needs_command" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_needs_command" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_needs_command" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_needs_command" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_needs_command" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_needs_command" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_needs_command" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_needs_command" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_needs_command" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_needs_command" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_needs_command" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_needs_command" -s V -l version -d 'Print version'
complete -c esi -n "__fish_esi_needs_command" -f -a "show" -d 'One view of a resource across all six key families, with a verdict'
complete -c esi -n "__fish_esi_needs_command" -f -a "ls" -d 'One row per resource of a type'
complete -c esi -n "__fish_esi_needs_command" -f -a "get" -d 'Any key, decoded as its family'
complete -c esi -n "__fish_esi_needs_command" -f -a "snapshot" -d 'Save etcd to an offline snapshot, or load a snapshot into etcd'
complete -c esi -n "__fish_esi_needs_command" -f -a "history" -d 'Timeline of every change of a resource, from etcd history'
complete -c esi -n "__fish_esi_needs_command" -f -a "diff" -d 'Diff two versions of a family, or config vs job, state vs stack (exit 1 = differs)'
complete -c esi -n "__fish_esi_needs_command" -f -a "watch" -d 'Follow a resource (or the job queue) live; wait for a condition'
complete -c esi -n "__fish_esi_needs_command" -f -a "jobs" -d 'List jobs across the queue stages (worker, retry, unfinished dependencies, stuck)'
complete -c esi -n "__fish_esi_needs_command" -f -a "job" -d 'One job: params, dependencies, staleness (finished jobs from history)'
complete -c esi -n "__fish_esi_needs_command" -f -a "enqueue" -d 'Build a job from a resource\'s config, as the job manager would, and queue it'
complete -c esi -n "__fish_esi_needs_command" -f -a "replay" -d 'Queue an existing job again under a new id'
complete -c esi -n "__fish_esi_needs_command" -f -a "check" -d 'Check the whole fleet at one revision: verdicts, queue, root causes, engine, etcd'
complete -c esi -n "__fish_esi_needs_command" -f -a "top" -d 'A live terminal dashboard of the fleet: queue, jobs in flight, failures, engine'
complete -c esi -n "__fish_esi_needs_command" -f -a "exporter" -d 'Serve the live fleet view as Prometheus metrics (/metrics, /healthz)'
complete -c esi -n "__fish_esi_needs_command" -f -a "audit" -d 'The audit trail: who wrote what, when and why (every esi write records itself)'
complete -c esi -n "__fish_esi_needs_command" -f -a "engine" -d 'Run the processing engine: job manager and/or worker with a simulated Heat'
complete -c esi -n "__fish_esi_needs_command" -f -a "demo" -d 'The whole flow on the bundled sample, in-process (no server): engine, watch, show'
complete -c esi -n "__fish_esi_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c esi -n "__fish_esi_needs_command" -f -a "config" -d 'Contexts of the config file: view, switch, list; the effective settings'
complete -c esi -n "__fish_esi_needs_command" -f -a "types" -d 'Every resource type: plural, key prefix, monitoring field, heat template'
complete -c esi -n "__fish_esi_needs_command" -f -a "version" -d 'Print esi\'s version and the etcd server\'s (when reachable)'
complete -c esi -n "__fish_esi_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand show" -l rev -l revision -d 'Read at this etcd revision (repeatable view); default: latest' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand show" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand show" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand show" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand show" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand show" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand show" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand show" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand show" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand show" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand show" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand show" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand show" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand ls" -l rev -l revision -d 'Read at this etcd revision' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l verdict -d 'Only rows with these verdict codes (comma-separated, e.g. stale,failed)' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand ls" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand ls" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand ls" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand ls" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand ls" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand ls" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand ls" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand ls" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand ls" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand ls" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand ls" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand ls" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand get" -l rev -l revision -d 'Read at this etcd revision' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l limit -d 'At most this many keys with --prefix (0 = all)' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand get" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand get" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand get" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand get" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand get" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand get" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand get" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand get" -l prefix -d 'Every key under this prefix'
complete -c esi -n "__fish_esi_using_subcommand get" -l raw -d 'Print the stored value bytes only, one value a line, no header (like `etcdctl get --print-value-only`; secrets redacted unless --show-secrets); with -o json, the stored text as the value'
complete -c esi -n "__fish_esi_using_subcommand get" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand get" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand get" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand get" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand get" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand get" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -f -a "save" -d 'Save every key (with its revisions since the last compaction) to FILE'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -f -a "load" -d 'Write a snapshot (any format --store reads) into etcd'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and not __fish_seen_subcommand_from save load help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l prefix -d 'Only keys under this prefix' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l reason -d 'Why: kept in the load\'s audit record (`esi audit`)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l history -d 'Replay the recorded history event by event (keeps per-key version counts)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l dry-run -d 'Say what would be loaded, and into what; write nothing'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l allow-existing -d 'Load even when the target already holds ESI keys (the two states then mix)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save every key (with its revisions since the last compaction) to FILE'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "load" -d 'Write a snapshot (any format --store reads) into etcd'
complete -c esi -n "__fish_esi_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand history" -l family -d 'Only these families (config, worker_config, heat_stack, job_state, state, monitoring, jobs); repeatable' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l since -d 'Start at this revision. Default: the resource\'s creation (the oldest create revision of its live keys), or as far back as etcd keeps when none is live. `--since 1` walks everything etcd retains (etcd replays every revision in between)' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand history" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand history" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand history" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand history" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand history" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand history" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand history" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand history" -l exhaustive -d 'Replay every revision since the start (a watch) instead of reading the resource\'s keys at past revisions. Slower on a busy store, but it also sees a key that came and went while nothing else of the resource changed (docs/history.md)'
complete -c esi -n "__fish_esi_using_subcommand history" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand history" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand history" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand history" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand history" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand history" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand diff" -l family -d 'Family to diff' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l from -d 'Older side: an ESI version number (etcd key version for families without one) or rev:N' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l to -d 'Newer side (default: current)' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l against -d 'Compare across families instead of across versions' -r -f -a "job\t'Config body vs the newest job\'s resource_input'
stack\t'State heat_outputs vs the heat_stacks outputs'"
complete -c esi -n "__fish_esi_using_subcommand diff" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand diff" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand diff" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand diff" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand diff" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand diff" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand diff" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand diff" -l show-all -d 'Do not hide bookkeeping fields (status, orchestration_state, version counters)'
complete -c esi -n "__fish_esi_using_subcommand diff" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand diff" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand diff" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand diff" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand diff" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand diff" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand watch" -l until -d 'Stop when this condition holds (see below)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l timeout -d 'Give up after this long (e.g. 30s, 5m): exit 7' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l rev -l revision -d 'Replay changes from this revision first (like `etcdctl watch --rev`)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l type -d 'With `jobs`: only jobs of this resource type' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l progress-interval -d 'Ask etcd for progress after this much silence (dead-connection detection)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand watch" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand watch" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand watch" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand watch" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand watch" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand watch" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand watch" -l must-exist -d 'Fail at once (exit 3) when the resource has no key now, instead of waiting for it to appear'
complete -c esi -n "__fish_esi_using_subcommand watch" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand watch" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand watch" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand watch" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand watch" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand watch" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand jobs" -l type -d 'Only jobs of this resource type (schema id or plural)' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l id -d 'Only jobs of this resource id' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l action -d 'Only this action: create, modify, logical_delete, delete' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l stage -d 'Only these stages (comma-separated)' -r -f -a "waiting\t''
ready\t''
working\t''
finished\t''
unqueued\t'In /jobs/all with no stage key'
orphaned\t'A stage key with no /jobs/all entry'"
complete -c esi -n "__fish_esi_using_subcommand jobs" -l rev -l revision -d 'Read at this etcd revision' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand jobs" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand jobs" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand jobs" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand jobs" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand jobs" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand jobs" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand jobs" -l stuck -d 'Only jobs that cannot make progress'
complete -c esi -n "__fish_esi_using_subcommand jobs" -l count -d 'Key counts per queue directory, without transferring values'
complete -c esi -n "__fish_esi_using_subcommand jobs" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand jobs" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand jobs" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand jobs" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand jobs" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand jobs" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand jobs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'One job: header, params, dependencies, staleness (finished jobs from history)'
complete -c esi -n "__fish_esi_using_subcommand job; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l rev -l revision -d 'Read at this etcd revision; default: latest' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "show" -d 'One job: header, params, dependencies, staleness (finished jobs from history)'
complete -c esi -n "__fish_esi_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l verdict -d 'Bulk: resources of TYPE with these verdicts (comma-separated, e.g. stale,failed)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l ids -d 'Bulk: resource or job ids, one per line, from FILE (- for stdin)' -r -F
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l max-in-flight -d 'Bulk: wait while more than N jobs are ready or working' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l suffix -d 'Use this job id suffix instead of a random one, so that a --dry-run shows the id the write will use (letters and digits, at most 16)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l reason -d 'Why: kept in the write\'s audit record (`esi audit`)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l dry-run -d 'Print what would be written (-o json: the exact /jobs/all value; table: the txn)'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l force -d 'Enqueue even when the resource already has an active job at this version'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l canonical-resources -d 'Carry each param\'s resources once instead of the legacy doubled list (L ++ L) of modify/logical_delete jobs'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand enqueue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -f -a "job" -d 'Queue an existing job again under a new id (retry 0, dependencies recomputed)'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -f -a "jobs" -d 'Replay many resources\' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)'
complete -c esi -n "__fish_esi_using_subcommand replay; and not __fish_seen_subcommand_from job jobs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l latest -d 'Replay the resource\'s most recent job instead (in flight, else from history)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l suffix -d 'Use this suffix for the new job id instead of a random one, so that a --dry-run shows the id the write will use (letters and digits, at most 16)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l reason -d 'Why: kept in the write\'s audit record (`esi audit`)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l dry-run -d 'Print what would be written (-o json: the exact /jobs/all value; table: the txn)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l force -d 'Replay even when stale or another job of the resource is in flight'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from job" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l type -d 'Only resources of these types (repeat, or comma-separated)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l verdict -d 'Resources with these verdicts (comma-separated, e.g. failed,stuck)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l action -d 'Only resources whose latest job has this action' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l stage -d 'Resources with a job in flight at these stages' -r -f -a "waiting\t''
ready\t''
working\t''
finished\t''
unqueued\t'In /jobs/all with no stage key'
orphaned\t'A stage key with no /jobs/all entry'"
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l blocked-by -d 'Resources with a waiting job that this job holds up (directly or not)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l reason -d 'Why (required for a bulk write): kept in every job\'s audit record' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l max-in-flight -d 'Wait while more than N jobs are ready or working' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l stuck -d 'Resources with a stuck job in flight (it is replaced)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l dry-run -d 'Print the plan (table, or -o json) and write nothing'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from jobs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "job" -d 'Queue an existing job again under a new id (retry 0, dependencies recomputed)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "jobs" -d 'Replay many resources\' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)'
complete -c esi -n "__fish_esi_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand check" -l type -d 'Only these resource types (repeat; default: all)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l max-failed -d 'Failed resources of one type up to N are a warning, more a failure' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l max-stale -d 'Stale resources of one type up to N are a warning, more a failure' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l db-quota -d 'etcd\'s backend quota in bytes (etcd\'s --quota-backend-bytes)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l db-warn -d 'db size (percent of the quota) from which etcd.db_size warns' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l db-fail -d 'db size (percent of the quota) from which etcd.db_size fails' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l show -d 'Offenders listed per check' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand check" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand check" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand check" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand check" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand check" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand check" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand check" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand check" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand check" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand check" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand check" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand check" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand top" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand top" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand top" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand top" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand top" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand top" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand top" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand top" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand top" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand top" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand top" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand top" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand top" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand top" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand exporter" -l listen -d 'Address to serve /metrics and /healthz on' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l interval -d 'How often the metrics are recomputed from the events applied' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand exporter" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand exporter" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand exporter" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand exporter" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand exporter" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand exporter" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand exporter" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand exporter" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand exporter" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand exporter" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand exporter" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand exporter" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand exporter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand audit" -l since -d 'Records of the last DURATION (e.g. 30m, 2h, 1d)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l rev -l revision -d 'Records written at or after this etcd revision' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l actor -d 'Records of this actor (as written: --actor, or user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l resource -d 'Records that concern this resource' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l kind -d 'Only these kinds: enqueue, replay, bulk-replay, snapshot-load (comma-separated)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand audit" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand audit" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand audit" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand audit" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand audit" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand audit" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand audit" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand audit" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand audit" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand audit" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand audit" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand audit" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM'
complete -c esi -n "__fish_esi_using_subcommand engine; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l role -d 'Which roles this process runs' -r -f -a "manager\t'Job manager only: config changes → jobs, promotion, clean-up, re-queue'
worker\t'Worker only: reserve ready jobs and run them through the backend'
both\t'Both in one process'"
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l slots -d 'Concurrent jobs of the worker' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l lease-ttl -d 'TTL of each job reservation\'s lease (/jobs/working/<id>)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l manager-ttl -d 'TTL of the manager election lease (/job_manager_id)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l manager-id -d 'This manager\'s id (the value of /job_manager_id) [default: a random UUID]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l max-retries -d 'Re-queues of a job whose worker went away before the job is failed' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l drain-timeout -d 'How long running jobs may take to finish after SIGINT/SIGTERM before they are released' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l backend -d 'Orchestration backend' -r -f -a "sim\t'In-process simulated Heat (no OpenStack): outputs computed from the template'
heat\t'OpenStack Heat\'s REST API (Keystone auth, or --heat-url with a token)'"
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l sim-latency -d 'Simulated duration of every stack operation' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l sim-fail -d 'Make stack operations of this type (or of one resource) fail (repeatable)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l os-cloud -d 'Heat: the cloud of clouds.yaml to use [default: $OS_CLOUD]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l heat-url -d 'Heat: the orchestration endpoint, instead of the catalog\'s (…/v1/<project>; a URL without the project gets each resource\'s tenant) [default: $HEAT_URL]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l os-token -d 'Heat: a token to use as is (with --heat-url) or to exchange with Keystone [default: $OS_TOKEN]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l os-interface -d 'Heat: the catalog interface: public, internal, admin [default: $OS_INTERFACE, else the cloud\'s, else public]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l os-region-name -d 'Heat: the catalog region [default: $OS_REGION_NAME, else the cloud\'s]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l os-cacert -d 'Heat: CA bundle (PEM) for Keystone and Heat over TLS [default: $OS_CACERT, else the cloud\'s]' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l heat-environment -d 'Heat: an environment (resource_registry, parameter_defaults) for every stack; repeatable, merged in order, under a template record\'s own `environment`' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l heat-poll-interval -d 'Heat: longest interval between two status polls of a stack (polls start at 100ms)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l heat-wait -d 'Heat: how long a job waits for an unreachable Heat before it is released again' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l sweep-interval -d 'How often the manager re-checks the queue for work events may have missed' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l canonical-resources -d 'Carry each param\'s resources once instead of the legacy doubled list (L ++ L) of modify/logical_delete jobs'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l no-workflow-request -d 'Do not write /worker-workflow-jobs around each enqueue (a legacy manager detail)'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM'
complete -c esi -n "__fish_esi_using_subcommand engine; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand demo" -l latency -d 'Simulated duration of each stack operation (makes the run watchable)' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l timeout -d 'Give up after this long' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand demo" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand demo" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand demo" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand demo" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand demo" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand demo" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand demo" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand demo" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand demo" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand demo" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand demo" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand demo" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand completions" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand completions" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand completions" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand completions" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand completions" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand completions" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand completions" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand completions" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand completions" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand completions" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand completions" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -f -a "view" -d 'Print the config file (passwords redacted unless --show-secrets)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -f -a "use-context" -d 'Make NAME the current-context (rewrites only that line of the file)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -f -a "get-contexts" -d 'List the contexts (* marks the one in use)'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -f -a "current" -d 'The settings this invocation would use and where each comes from'
complete -c esi -n "__fish_esi_using_subcommand config; and not __fish_seen_subcommand_from view use-context get-contexts current help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from current" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Print the config file (passwords redacted unless --show-secrets)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use-context" -d 'Make NAME the current-context (rewrites only that line of the file)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get-contexts" -d 'List the contexts (* marks the one in use)'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current" -d 'The settings this invocation would use and where each comes from'
complete -c esi -n "__fish_esi_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand types" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand types" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand types" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand types" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand types" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand types" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand types" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand types" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand types" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand types" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand types" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand types" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand types" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand types" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand types" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand version" -l endpoints -d 'etcd endpoints, comma-separated [default: http://127.0.0.1:2379]' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l cacert -d 'Verify the server with this CA bundle (PEM)' -r -F
complete -c esi -n "__fish_esi_using_subcommand version" -l cert -d 'Client certificate (PEM), with --key' -r -F
complete -c esi -n "__fish_esi_using_subcommand version" -l key -d 'Client private key (PEM), with --cert' -r -F
complete -c esi -n "__fish_esi_using_subcommand version" -l user -d 'Username[:password] for etcd authentication' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l password -d 'Password for --user (when not given as user:password)' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l dial-timeout -d 'Dial timeout [default: 2s]' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l command-timeout -d 'Timeout of each request [default: 5s]' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l context -d 'Use this context of the config file (ESI_CONFIG, else $XDG_CONFIG_HOME/esi/config.toml, else ~/.config/esi/config.toml) instead of its current-context' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l store -d 'Read an offline snapshot instead of etcd: an etcd backup (`etcdctl snapshot save`, or a member\'s member/snap/db: every revision it kept), an esi snapshot, `etcdctl get -w json` output, or a zlib v2 dump; `sample` is the bundled load-balancer sample, `sample-faults` the same with the cookbook\'s faults (a failed port, a leftover key)' -r
complete -c esi -n "__fish_esi_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t'Human view: tables and sections, coloured on a terminal; table cells longer than 120 characters are cut (…)'
wide\t'The human view with every cell whole'
json\t'One pretty JSON document (lists as an array). A documented, versioned contract'
jsonl\t'One compact JSON object per line (lists: one line per item; streams: per event)'
yaml\t'The JSON document as YAML'"
complete -c esi -n "__fish_esi_using_subcommand version" -l color -d 'When to colour output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c esi -n "__fish_esi_using_subcommand version" -l schema -d 'Extra resource types (a JSON schema file merged over the built-in table)' -r -F
complete -c esi -n "__fish_esi_using_subcommand version" -l actor -d 'Who the audit record of a write names (default: user@host)' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l audit-prefix -d 'Where audit records go (default /esi-audit/, or the context\'s audit_prefix)' -r
complete -c esi -n "__fish_esi_using_subcommand version" -l show-secrets -d 'Show passwords, tokens and keys instead of <redacted>'
complete -c esi -n "__fish_esi_using_subcommand version" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug); RUST_LOG overrides'
complete -c esi -n "__fish_esi_using_subcommand version" -s q -l quiet -d 'Only errors on stderr'
complete -c esi -n "__fish_esi_using_subcommand version" -l read-only -d 'Refuse every write (also set by a context\'s read_only = true, which no flag undoes)'
complete -c esi -n "__fish_esi_using_subcommand version" -s y -l yes -d 'Answer yes to confirmations (required for writes without a terminal; a context with confirm = "always" also needs ESI_CONFIRM_ALWAYS_OK=<context>)'
complete -c esi -n "__fish_esi_using_subcommand version" -l no-audit -d 'Write no audit record (for clusters that must not get extra keys; also a context\'s audit = false)'
complete -c esi -n "__fish_esi_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "show" -d 'One view of a resource across all six key families, with a verdict'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "ls" -d 'One row per resource of a type'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "get" -d 'Any key, decoded as its family'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "snapshot" -d 'Save etcd to an offline snapshot, or load a snapshot into etcd'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "history" -d 'Timeline of every change of a resource, from etcd history'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "diff" -d 'Diff two versions of a family, or config vs job, state vs stack (exit 1 = differs)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "watch" -d 'Follow a resource (or the job queue) live; wait for a condition'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "jobs" -d 'List jobs across the queue stages (worker, retry, unfinished dependencies, stuck)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "job" -d 'One job: params, dependencies, staleness (finished jobs from history)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "enqueue" -d 'Build a job from a resource\'s config, as the job manager would, and queue it'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "replay" -d 'Queue an existing job again under a new id'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "check" -d 'Check the whole fleet at one revision: verdicts, queue, root causes, engine, etcd'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "top" -d 'A live terminal dashboard of the fleet: queue, jobs in flight, failures, engine'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "exporter" -d 'Serve the live fleet view as Prometheus metrics (/metrics, /healthz)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "audit" -d 'The audit trail: who wrote what, when and why (every esi write records itself)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "engine" -d 'Run the processing engine: job manager and/or worker with a simulated Heat'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "demo" -d 'The whole flow on the bundled sample, in-process (no server): engine, watch, show'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "completions" -d 'Print shell completions'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "config" -d 'Contexts of the config file: view, switch, list; the effective settings'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "types" -d 'Every resource type: plural, key prefix, monitoring field, heat template'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "version" -d 'Print esi\'s version and the etcd server\'s (when reachable)'
complete -c esi -n "__fish_esi_using_subcommand help; and not __fish_seen_subcommand_from show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "save" -d 'Save every key (with its revisions since the last compaction) to FILE'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "load" -d 'Write a snapshot (any format --store reads) into etcd'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "show" -d 'One job: header, params, dependencies, staleness (finished jobs from history)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from replay" -f -a "job" -d 'Queue an existing job again under a new id (retry 0, dependencies recomputed)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from replay" -f -a "jobs" -d 'Replay many resources\' latest jobs at once, chosen by verdict, stage, stuckness, blocker or ids (one guarded transaction and audit record each)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from engine" -f -a "run" -d 'Run the job manager and/or a worker (simulated or OpenStack Heat) until SIGINT/SIGTERM'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Print the config file (passwords redacted unless --show-secrets)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use-context" -d 'Make NAME the current-context (rewrites only that line of the file)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get-contexts" -d 'List the contexts (* marks the one in use)'
complete -c esi -n "__fish_esi_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current" -d 'The settings this invocation would use and where each comes from'
