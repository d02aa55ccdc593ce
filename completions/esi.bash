_esi() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="esi"
                ;;
            esi,audit)
                cmd="esi__subcmd__audit"
                ;;
            esi,check)
                cmd="esi__subcmd__check"
                ;;
            esi,completions)
                cmd="esi__subcmd__completions"
                ;;
            esi,config)
                cmd="esi__subcmd__config"
                ;;
            esi,demo)
                cmd="esi__subcmd__demo"
                ;;
            esi,diff)
                cmd="esi__subcmd__diff"
                ;;
            esi,engine)
                cmd="esi__subcmd__engine"
                ;;
            esi,enqueue)
                cmd="esi__subcmd__enqueue"
                ;;
            esi,exporter)
                cmd="esi__subcmd__exporter"
                ;;
            esi,get)
                cmd="esi__subcmd__get"
                ;;
            esi,help)
                cmd="esi__subcmd__help"
                ;;
            esi,history)
                cmd="esi__subcmd__history"
                ;;
            esi,job)
                cmd="esi__subcmd__job"
                ;;
            esi,jobs)
                cmd="esi__subcmd__jobs"
                ;;
            esi,ls)
                cmd="esi__subcmd__ls"
                ;;
            esi,replay)
                cmd="esi__subcmd__replay"
                ;;
            esi,show)
                cmd="esi__subcmd__show"
                ;;
            esi,snapshot)
                cmd="esi__subcmd__snapshot"
                ;;
            esi,top)
                cmd="esi__subcmd__top"
                ;;
            esi,types)
                cmd="esi__subcmd__types"
                ;;
            esi,version)
                cmd="esi__subcmd__version"
                ;;
            esi,watch)
                cmd="esi__subcmd__watch"
                ;;
            esi__subcmd__config,current)
                cmd="esi__subcmd__config__subcmd__current"
                ;;
            esi__subcmd__config,get-contexts)
                cmd="esi__subcmd__config__subcmd__get__subcmd__contexts"
                ;;
            esi__subcmd__config,help)
                cmd="esi__subcmd__config__subcmd__help"
                ;;
            esi__subcmd__config,use-context)
                cmd="esi__subcmd__config__subcmd__use__subcmd__context"
                ;;
            esi__subcmd__config,view)
                cmd="esi__subcmd__config__subcmd__view"
                ;;
            esi__subcmd__config__subcmd__help,current)
                cmd="esi__subcmd__config__subcmd__help__subcmd__current"
                ;;
            esi__subcmd__config__subcmd__help,get-contexts)
                cmd="esi__subcmd__config__subcmd__help__subcmd__get__subcmd__contexts"
                ;;
            esi__subcmd__config__subcmd__help,help)
                cmd="esi__subcmd__config__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__config__subcmd__help,use-context)
                cmd="esi__subcmd__config__subcmd__help__subcmd__use__subcmd__context"
                ;;
            esi__subcmd__config__subcmd__help,view)
                cmd="esi__subcmd__config__subcmd__help__subcmd__view"
                ;;
            esi__subcmd__engine,help)
                cmd="esi__subcmd__engine__subcmd__help"
                ;;
            esi__subcmd__engine,run)
                cmd="esi__subcmd__engine__subcmd__run"
                ;;
            esi__subcmd__engine__subcmd__help,help)
                cmd="esi__subcmd__engine__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__engine__subcmd__help,run)
                cmd="esi__subcmd__engine__subcmd__help__subcmd__run"
                ;;
            esi__subcmd__help,audit)
                cmd="esi__subcmd__help__subcmd__audit"
                ;;
            esi__subcmd__help,check)
                cmd="esi__subcmd__help__subcmd__check"
                ;;
            esi__subcmd__help,completions)
                cmd="esi__subcmd__help__subcmd__completions"
                ;;
            esi__subcmd__help,config)
                cmd="esi__subcmd__help__subcmd__config"
                ;;
            esi__subcmd__help,demo)
                cmd="esi__subcmd__help__subcmd__demo"
                ;;
            esi__subcmd__help,diff)
                cmd="esi__subcmd__help__subcmd__diff"
                ;;
            esi__subcmd__help,engine)
                cmd="esi__subcmd__help__subcmd__engine"
                ;;
            esi__subcmd__help,enqueue)
                cmd="esi__subcmd__help__subcmd__enqueue"
                ;;
            esi__subcmd__help,exporter)
                cmd="esi__subcmd__help__subcmd__exporter"
                ;;
            esi__subcmd__help,get)
                cmd="esi__subcmd__help__subcmd__get"
                ;;
            esi__subcmd__help,help)
                cmd="esi__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__help,history)
                cmd="esi__subcmd__help__subcmd__history"
                ;;
            esi__subcmd__help,job)
                cmd="esi__subcmd__help__subcmd__job"
                ;;
            esi__subcmd__help,jobs)
                cmd="esi__subcmd__help__subcmd__jobs"
                ;;
            esi__subcmd__help,ls)
                cmd="esi__subcmd__help__subcmd__ls"
                ;;
            esi__subcmd__help,replay)
                cmd="esi__subcmd__help__subcmd__replay"
                ;;
            esi__subcmd__help,show)
                cmd="esi__subcmd__help__subcmd__show"
                ;;
            esi__subcmd__help,snapshot)
                cmd="esi__subcmd__help__subcmd__snapshot"
                ;;
            esi__subcmd__help,top)
                cmd="esi__subcmd__help__subcmd__top"
                ;;
            esi__subcmd__help,types)
                cmd="esi__subcmd__help__subcmd__types"
                ;;
            esi__subcmd__help,version)
                cmd="esi__subcmd__help__subcmd__version"
                ;;
            esi__subcmd__help,watch)
                cmd="esi__subcmd__help__subcmd__watch"
                ;;
            esi__subcmd__help__subcmd__config,current)
                cmd="esi__subcmd__help__subcmd__config__subcmd__current"
                ;;
            esi__subcmd__help__subcmd__config,get-contexts)
                cmd="esi__subcmd__help__subcmd__config__subcmd__get__subcmd__contexts"
                ;;
            esi__subcmd__help__subcmd__config,use-context)
                cmd="esi__subcmd__help__subcmd__config__subcmd__use__subcmd__context"
                ;;
            esi__subcmd__help__subcmd__config,view)
                cmd="esi__subcmd__help__subcmd__config__subcmd__view"
                ;;
            esi__subcmd__help__subcmd__engine,run)
                cmd="esi__subcmd__help__subcmd__engine__subcmd__run"
                ;;
            esi__subcmd__help__subcmd__job,show)
                cmd="esi__subcmd__help__subcmd__job__subcmd__show"
                ;;
            esi__subcmd__help__subcmd__replay,job)
                cmd="esi__subcmd__help__subcmd__replay__subcmd__job"
                ;;
            esi__subcmd__help__subcmd__replay,jobs)
                cmd="esi__subcmd__help__subcmd__replay__subcmd__jobs"
                ;;
            esi__subcmd__help__subcmd__snapshot,load)
                cmd="esi__subcmd__help__subcmd__snapshot__subcmd__load"
                ;;
            esi__subcmd__help__subcmd__snapshot,save)
                cmd="esi__subcmd__help__subcmd__snapshot__subcmd__save"
                ;;
            esi__subcmd__job,help)
                cmd="esi__subcmd__job__subcmd__help"
                ;;
            esi__subcmd__job,show)
                cmd="esi__subcmd__job__subcmd__show"
                ;;
            esi__subcmd__job__subcmd__help,help)
                cmd="esi__subcmd__job__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__job__subcmd__help,show)
                cmd="esi__subcmd__job__subcmd__help__subcmd__show"
                ;;
            esi__subcmd__replay,help)
                cmd="esi__subcmd__replay__subcmd__help"
                ;;
            esi__subcmd__replay,job)
                cmd="esi__subcmd__replay__subcmd__job"
                ;;
            esi__subcmd__replay,jobs)
                cmd="esi__subcmd__replay__subcmd__jobs"
                ;;
            esi__subcmd__replay__subcmd__help,help)
                cmd="esi__subcmd__replay__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__replay__subcmd__help,job)
                cmd="esi__subcmd__replay__subcmd__help__subcmd__job"
                ;;
            esi__subcmd__replay__subcmd__help,jobs)
                cmd="esi__subcmd__replay__subcmd__help__subcmd__jobs"
                ;;
            esi__subcmd__snapshot,help)
                cmd="esi__subcmd__snapshot__subcmd__help"
                ;;
            esi__subcmd__snapshot,load)
                cmd="esi__subcmd__snapshot__subcmd__load"
                ;;
            esi__subcmd__snapshot,save)
                cmd="esi__subcmd__snapshot__subcmd__save"
                ;;
            esi__subcmd__snapshot__subcmd__help,help)
                cmd="esi__subcmd__snapshot__subcmd__help__subcmd__help"
                ;;
            esi__subcmd__snapshot__subcmd__help,load)
                cmd="esi__subcmd__snapshot__subcmd__help__subcmd__load"
                ;;
            esi__subcmd__snapshot__subcmd__help,save)
                cmd="esi__subcmd__snapshot__subcmd__help__subcmd__save"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        esi)
            opts="-o -v -q -y -h -V --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help --version show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__audit)
            opts="-o -v -q -y -h --since --revision --rev --actor --resource --kind --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --resource)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__check)
            opts="-o -v -q -y -h --type --max-failed --max-stale --db-quota --db-warn --db-fail --show --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-failed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-stale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db-quota)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db-warn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --db-fail)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --show)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__completions)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help view use-context get-contexts current help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__current)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__get__subcmd__contexts)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help)
            opts="view use-context get-contexts current help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help__subcmd__current)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help__subcmd__get__subcmd__contexts)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help__subcmd__use__subcmd__context)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__help__subcmd__view)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__use__subcmd__context)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__config__subcmd__view)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__demo)
            opts="-o -v -q -y -h --latency --timeout --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --latency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__diff)
            opts="-o -v -q -y -h --family --from --to --against --show-all --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --family)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --against)
                    COMPREPLY=($(compgen -W "job stack" -- "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__engine)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help run help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__engine__subcmd__help)
            opts="run help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__engine__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__engine__subcmd__help__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__engine__subcmd__run)
            opts="-o -v -q -y -h --role --slots --lease-ttl --manager-ttl --manager-id --max-retries --drain-timeout --backend --sim-latency --sim-fail --os-cloud --heat-url --os-token --os-interface --os-region-name --os-cacert --heat-environment --heat-poll-interval --heat-wait --canonical-resources --no-workflow-request --sweep-interval --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --role)
                    COMPREPLY=($(compgen -W "manager worker both" -- "${cur}"))
                    return 0
                    ;;
                --slots)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --lease-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --manager-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --manager-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --drain-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backend)
                    COMPREPLY=($(compgen -W "sim heat" -- "${cur}"))
                    return 0
                    ;;
                --sim-latency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sim-fail)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heat-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heat-environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heat-poll-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heat-wait)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sweep-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__enqueue)
            opts="-o -v -q -y -h --verdict --ids --max-in-flight --dry-run --suffix --reason --force --canonical-resources --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help create modify logical_delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --verdict)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-in-flight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --suffix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__exporter)
            opts="-o -v -q -y -h --listen --interval --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__get)
            opts="-o -v -q -y -h --prefix --revision --rev --raw --limit --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help)
            opts="show ls get snapshot history diff watch jobs job enqueue replay check top exporter audit engine demo completions config types version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__audit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__config)
            opts="view use-context get-contexts current"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__config__subcmd__current)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__config__subcmd__get__subcmd__contexts)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__config__subcmd__use__subcmd__context)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__config__subcmd__view)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__demo)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__engine)
            opts="run"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__engine__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__enqueue)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__exporter)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__job)
            opts="show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__job__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__jobs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__replay)
            opts="job jobs"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__replay__subcmd__job)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__replay__subcmd__jobs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__snapshot)
            opts="save load"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__snapshot__subcmd__load)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__snapshot__subcmd__save)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__top)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__types)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__help__subcmd__watch)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__history)
            opts="-o -v -q -y -h --family --since --exhaustive --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --family)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__job)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__job__subcmd__help)
            opts="show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__job__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__job__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__job__subcmd__show)
            opts="-o -v -q -y -h --revision --rev --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__jobs)
            opts="-o -v -q -y -h --type --id --action --stage --stuck --count --revision --rev --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --action)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage)
                    COMPREPLY=($(compgen -W "waiting ready working finished unqueued orphaned" -- "${cur}"))
                    return 0
                    ;;
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__ls)
            opts="-o -v -q -y -h --revision --rev --verdict --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verdict)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help job jobs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__help)
            opts="job jobs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__help__subcmd__job)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__help__subcmd__jobs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__job)
            opts="-o -v -q -y -h --latest --dry-run --suffix --reason --force --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --latest)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --suffix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__replay__subcmd__jobs)
            opts="-o -v -q -y -h --type --verdict --action --stage --stuck --blocked-by --dry-run --reason --max-in-flight --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verdict)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --action)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage)
                    COMPREPLY=($(compgen -W "waiting ready working finished unqueued orphaned" -- "${cur}"))
                    return 0
                    ;;
                --blocked-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-in-flight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__show)
            opts="-o -v -q -y -h --revision --rev --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help save load help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__help)
            opts="save load help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__help__subcmd__load)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__help__subcmd__save)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__load)
            opts="-o -v -q -y -h --history --dry-run --allow-existing --reason --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__snapshot__subcmd__save)
            opts="-o -v -q -y -h --prefix --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__top)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__types)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__version)
            opts="-o -v -q -y -h --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
        esi__subcmd__watch)
            opts="-o -v -q -y -h --until --timeout --revision --rev --type --must-exist --progress-interval --endpoints --cacert --cert --key --user --password --dial-timeout --command-timeout --context --store --output --color --show-secrets --verbose --quiet --schema --read-only --yes --actor --audit-prefix --no-audit --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
                return 0
            fi
            case "${prev}" in
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --endpoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cacert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dial-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --command-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --context)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table wide json jsonl yaml" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --actor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audit-prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _esi -o nosort -o bashdefault -o default esi
else
    complete -F _esi -o bashdefault -o default esi
fi
