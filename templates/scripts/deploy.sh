#!/usr/bin/env bash
{{header}}
#
# Deploys the stacks of environment {{environment}} (account {{account}}, {{region}}) with
# `aws cloudformation deploy`, in dependency order. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy.sh [--only STACK]... [--no-deps] [--concurrency N] [--dry-run] [--region REGION] [--profile PROFILE]

Deploys every stack of this environment in dependency order, after checking that the
credentials are for this environment's account. Stops at the first failure and prints
the stack's failure reason.

  --only STACK       deploy this stack and the stacks it depends on (repeatable)
  --no-deps          with --only: deploy just the named stacks
  --concurrency N    deploy up to N stacks at a time, each once the stacks it depends on
                     are deployed (default 1: one at a time, in order); after a failure
                     no more are started, and those running are waited for
  --dry-run          print the exact commands, in order; call nothing
  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help

Before a people stack is updated, the apps in the spaces that the update removes are
deleted (CloudFormation cannot delete a space while its apps run).
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
cd "$here/.."

# Stack | template | stacks it depends on (comma-separated) | too large to pass inline (1/0)
stacks() {
    cat <<'STACKS'
{{stack_records}}
STACKS
}

# The tags of every stack (CloudFormation passes them on to the resources).
stack_tags() {
    cat <<'TAGS'
{{tag_records}}
TAGS
}

# Stack | a Studio space it holds
spaces() {
    cat <<'SPACES'
{{space_records}}
SPACES
}

TEMPLATE_BUCKET='{{template_bucket}}'
only=""
with_deps=1
concurrency=1
smgen_parse_common 1 "$@"
set -- ${SMGEN_ARGS[@]+"${SMGEN_ARGS[@]}"}
while [ "$#" -gt 0 ]; do
    case "$1" in
        --only)
            [ "$#" -ge 2 ] || smgen_die "--only needs a stack name"
            stacks | cut -d'|' -f1 | grep -qxF -- "$2" \
                || smgen_die "no stack $2 here; the stacks are: $(stacks | cut -d'|' -f1 | tr '\n' ' ')"
            only="$only $2 "
            shift 2 ;;
        --no-deps) with_deps=0; shift ;;
        --concurrency)
            [ "$#" -ge 2 ] || smgen_die "--concurrency needs a number"
            case "$2" in
                ''|*[!0-9]*|0*) smgen_die "--concurrency needs a whole number from 1, not '$2'" ;;
            esac
            concurrency="$2"
            shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; smgen_die "unknown option $1" ;;
    esac
done

# The stacks to deploy: all, or the --only ones with (unless --no-deps) what they depend on.
selected="$only"
if [ -n "$only" ] && [ "$with_deps" -eq 1 ]; then
    records="$(stacks)"
    reversed="$(printf '%s\n' "$records" | sed -n '1!G;h;$p')"
    while IFS='|' read -r name _ deps _; do
        case "$selected" in
            *" $name "*) for dep in $(printf '%s' "$deps" | tr ',' ' '); do selected="$selected $dep "; done ;;
        esac
    done <<RECORDS
$reversed
RECORDS
fi

tags=()
while read -r tag; do
    [ -n "$tag" ] && tags+=("$tag")
done <<TAGLIST
$(stack_tags)
TAGLIST

smgen_check_identity

# deploy_stack NAME TEMPLATE LARGE: deletes the apps in the spaces the update removes, then
# deploys the stack (through the template bucket when LARGE is 1).
deploy_stack() {
    local name="$1" template="$2" large="$3"
    local args
    if [ "$SMGEN_DRY_RUN" -eq 0 ] && spaces | cut -d'|' -f1 | grep -qxF -- "$name"; then
        smgen_release_spaces "$name" "$(spaces | awk -F'|' -v stack="$name" '$1 == stack { print $2 }')"
    fi
    args=(cloudformation deploy --stack-name "$name" --template-file "$template"
          --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset)
    if [ "$large" = "1" ]; then
        args+=(--s3-bucket "$TEMPLATE_BUCKET")
    fi
    args+=(--tags "${tags[@]}")
    smgen_change "${args[@]}" </dev/null
}

# report_failure NAME DEPS: why the stack's deploy failed, on stderr.
report_failure() {
    smgen_log "deploying $1 failed (it needs: ${2:-nothing}). Its latest failed events:"
    smgen_failure_reason "$1" >&2
}

# The stacks to deploy, in order: name|template|the indexes (in this list) of the stacks it
# needs that this run deploys|large|the stacks it needs|its place among all the stacks.
plan="$(stacks | awk -F'|' -v selected="$selected" '
    selected != "" && index(selected, " " $1 " ") == 0 { next }
    {
        needs = ""
        count = split($3, deps, ",")
        for (d = 1; d <= count; d++) if (deps[d] in index_of) needs = needs " " index_of[deps[d]]
        index_of[$1] = n++
        print $1 "|" $2 "|" needs "|" $4 "|" $3 "|" NR
    }')"
names=()
templates=()
needs=()
larges=()
deps_of=()
places=()
while IFS='|' read -r name template need large deps place; do
    names+=("$name")
    templates+=("$template")
    needs+=("$need")
    larges+=("$large")
    deps_of+=("$deps")
    places+=("$place")
done <<PLAN
$plan
PLAN
total="$(stacks | wc -l | tr -d ' ')"
summary=""
failed=""

if [ "$concurrency" -eq 1 ] || [ "$SMGEN_DRY_RUN" -eq 1 ]; then
    for index in "${!names[@]}"; do
        name="${names[index]}"
        smgen_log "==> [${places[index]}/$total] $name"
        if deploy_stack "$name" "${templates[index]}" "${larges[index]}"; then
            summary="$summary$name|$([ "$SMGEN_DRY_RUN" -eq 1 ] && echo 'dry run' || echo deployed)
"
        else
            report_failure "$name" "${deps_of[index]}"
            failed="$name"
            break
        fi
    done
else
    # Up to $concurrency deploys at a time, each in the background with its output in a log
    # of its own, shown when it ends; a stack starts once the stacks it needs are deployed.
    logs="$(mktemp -d)"
    trap 'rm -rf "$logs"' EXIT
    state=()        # per stack: pending, running, deployed or failed
    pids=()
    for index in "${!names[@]}"; do state[index]=pending; done
    running=0
    started=0
    while :; do
        if [ -z "$failed" ]; then
            for index in "${!names[@]}"; do
                [ "$running" -lt "$concurrency" ] || break
                [ "${state[index]}" = pending ] || continue
                ready=1
                for need in ${needs[index]}; do
                    [ "${state[need]}" = deployed ] || { ready=0; break; }
                done
                [ "$ready" -eq 1 ] || continue
                started=$((started + 1))
                smgen_log "==> [${places[index]}/$total] ${names[index]} (started; $started of ${#names[@]})"
                deploy_stack "${names[index]}" "${templates[index]}" "${larges[index]}" >"$logs/$index.log" 2>&1 &
                pids[index]=$!
                state[index]=running
                running=$((running + 1))
            done
        fi
        [ "$running" -gt 0 ] || break
        sleep 1
        for index in "${!names[@]}"; do
            [ "${state[index]}" = running ] || continue
            if kill -0 "${pids[index]}" 2>/dev/null; then
                continue
            fi
            running=$((running - 1))
            name="${names[index]}"
            if wait "${pids[index]}"; then
                state[index]=deployed
                smgen_log "<== $name deployed:"
                sed 's/^/    /' "$logs/$index.log" >&2
                summary="$summary$name|deployed
"
            else
                state[index]=failed
                smgen_log "<== $name failed:"
                sed 's/^/    /' "$logs/$index.log" >&2
                report_failure "$name" "${deps_of[index]}"
                failed="${failed:+$failed, }$name"
            fi
        done
    done
fi
if [ -n "$failed" ]; then
    printf '%s' "$summary" | awk -F'|' '{ printf "  %-60s %s\n", $1, $2 }' >&2
    if [ "$concurrency" -eq 1 ]; then
        smgen_die "$failed: deploy failed; the stacks after it were not deployed"
    fi
    smgen_die "$failed: deploy failed; the stacks not yet started were not deployed"
fi

printf '\nSummary:\n'
printf '%s' "$summary" | awk -F'|' '{ printf "  %-60s %s\n", $1, $2 }'
if [ -z "$only" ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    stale="$(smgen_platform_stacks | grep -vxF -f <(stacks | cut -d'|' -f1) || true)"
    if [ -n "$stale" ]; then
        printf '\nDeployed but no longer in this output (delete them with cleanup.sh --stale):\n'
        printf '%s\n' "$stale" | sed 's/^/  /'
    fi
fi
