#!/usr/bin/env bash
{{header}}
#
# Deploys the stacks of environment {{environment}} (account {{account}}, {{region}}) with
# `aws cloudformation deploy`, in dependency order. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy.sh [--only STACK]... [--no-deps] [--concurrency N] [--yes] [--dry-run]
                 [--region REGION] [--profile PROFILE]

Deploys every stack of this environment in dependency order, after checking that the
credentials are for this environment's account. Stops at the first failure and prints
the stack's failure reason.

  --only STACK       deploy this stack and the stacks it depends on (repeatable)
  --no-deps          with --only: deploy just the named stacks
  --concurrency N    deploy up to N stacks at a time, each once the stacks it depends on
                     are deployed (default 1: one at a time, in order); after a failure
                     no more are started, and those running are waited for
  --yes              delete and create again, without asking, the stacks whose creation
                     failed (CloudFormation cannot update them)
  --dry-run          print the exact commands, in order; call nothing
  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help

Before it changes anything, it reads the status of each stack: a stack still changing is
waited for; a stack that cannot be updated stops the run before anything changes.
Before a stack update removes Studio spaces, the apps in them are deleted; before it
removes IAM users, their MFA devices, access keys, passwords, certificates, SSH keys and
service credentials are (IAM deletes neither a space with apps nor a user with those).
Before a models stack, each model's artifact and image are looked for: when one is
missing, that stack and the stacks that need it are skipped, the rest is deployed, and
what to upload is printed. On Ctrl-C or SIGTERM no more stacks are started, the running
deploys are stopped, and the stacks CloudFormation is still changing are listed.

Environment: SMGEN_WAIT_LIMIT (default 3600) is how many seconds a stack still changing is
waited for, SMGEN_POLL_SECONDS (default 15) how often its status is read meanwhile.
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

# Stack | an IAM user it holds
users() {
    cat <<'USERS'
{{user_records}}
USERS
}

# Models stack | model | artifact bucket | artifact key | image | image's ECR registry (account,
# empty when the image is not in this account's ECR in this region) | repository | tag or digest
models() {
    cat <<'MODELS'
{{model_records}}
MODELS
}

TEMPLATE_BUCKET='{{template_bucket}}'
# How long a stack that CloudFormation is still changing is waited for, and how often its
# status is read meanwhile (s).
WAIT_LIMIT="${SMGEN_WAIT_LIMIT:-3600}"
POLL_SECONDS="${SMGEN_POLL_SECONDS:-15}"
arguments=("$@")
only=""
with_deps=1
concurrency=1
assume_yes=0
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
        --yes) assume_yes=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; smgen_die "unknown option $1" ;;
    esac
done
[ "$SMGEN_DRY_RUN" -eq 0 ] || concurrency=1

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

smgen_check_identity changes

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

# The status of each of the platform's stacks now (a stack not listed is not deployed).
statuses=""
if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    smgen_platform_stacks
    statuses="$SMGEN_STACKS"
fi
# status_of STACK: its status when this run began, NONE when it was not deployed.
status_of() {
    printf '%s\n' "$statuses" | awk -v name="$1" '$1 == name { found = $2 } END { print (found == "" ? "NONE" : found) }'
}

# Before anything changes: the stacks CloudFormation cannot update stop the run, and the
# stacks whose creation failed are deleted and created again only when confirmed.
blocked=""
recreate=""
for name in "${names[@]}"; do
    status="$(status_of "$name")"
    case "$status" in
        ROLLBACK_COMPLETE|ROLLBACK_FAILED|REVIEW_IN_PROGRESS)
            smgen_read cloudformation list-stack-resources --stack-name "$name" \
                --query "StackResourceSummaries[?ResourceStatus=='DELETE_SKIPPED'].[ResourceType, PhysicalResourceId]" \
                --output text || SMGEN_OUT=""
            if [ -n "$SMGEN_OUT" ]; then
                blocked="$blocked  $name ($status): its failed creation left resources that a new one would create again:
$(printf '%s\n' "$SMGEN_OUT" | tr '\t' ' ' | sed 's/^/      /')
    delete them, or bring them under the stack, then run deploy.sh again
"
            else
                recreate="$recreate  $name ($status)
"
            fi ;;
        UPDATE_ROLLBACK_FAILED|IMPORT_ROLLBACK_FAILED)
            blocked="$blocked  $name ($status): finish its rollback first, then run deploy.sh again:
      aws cloudformation continue-update-rollback --stack-name $name --region $SMGEN_REGION
" ;;
        DELETE_FAILED)
            blocked="$blocked  $name ($status): its deletion failed; see why, then delete it (scripts/cleanup.sh --only $name):
      aws cloudformation describe-stack-events --stack-name $name --region $SMGEN_REGION
" ;;
    esac
done
if [ -n "$blocked" ]; then
    printf 'These stacks cannot be deployed as they are:\n%s' "$blocked" >&2
    smgen_die "nothing was changed"
fi
if [ -n "$recreate" ]; then
    printf 'The creation of these stacks failed, and CloudFormation cannot update them; they are\ndeleted and created again:\n%s' "$recreate" >&2
    if [ "$assume_yes" -eq 0 ]; then
        if [ -t 0 ]; then
            printf "Type 'recreate' to go on: " >&2
            read -r answer || answer=""
            [ "$answer" = "recreate" ] || smgen_die "not confirmed; nothing was changed"
        else
            smgen_die "not confirmed (no terminal to ask on); nothing was changed. To go on, run: scripts/deploy.sh$(printf ' %q' --yes "${arguments[@]+"${arguments[@]}"}")"
        fi
    fi
fi

# wait_while_changing NAME: waits (up to WAIT_LIMIT) until CloudFormation is done changing the
# stack; its status then in SMGEN_STATUS.
wait_while_changing() {
    local waited=0
    smgen_stack_status "$1"
    while :; do
        case "$SMGEN_STATUS" in
            REVIEW_IN_PROGRESS) return 0 ;;
            *_IN_PROGRESS) ;;
            *) return 0 ;;
        esac
        [ "$waited" -lt "$WAIT_LIMIT" ] || smgen_die "$1 is still $SMGEN_STATUS after $WAIT_LIMIT s; deploy it once CloudFormation is done with it"
        [ $((waited % 300)) -ge "$POLL_SECONDS" ] || smgen_log "waiting for $1: CloudFormation is changing it ($SMGEN_STATUS)"
        sleep "$POLL_SECONDS"
        waited=$((waited + POLL_SECONDS))
        smgen_stack_status "$1"
    done
}

# models_present NAME: true when every model of the models stack NAME has its artifact and
# image; what is missing goes to $SMGEN_WORK/missing.NAME.
models_present() {
    local stack model bucket key image registry repository reference missing=""
    while IFS='|' read -r stack model bucket key image registry repository reference; do
        [ "$stack" = "$1" ] || continue
        if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
            smgen_log "first looks for the model $model's artifact s3://$bucket/$key and image $image"
            continue
        fi
        if ! smgen_read s3api head-object --bucket "$bucket" --key "$key" --query ContentLength --output text; then
            missing="$missing  model $model: no artifact at s3://$bucket/$key; upload it with
      aws s3 cp model.tar.gz s3://$bucket/$key --region $SMGEN_REGION
"
        fi
        if [ -z "$registry" ]; then
            smgen_log "model $model: the image $image is not in this account's ECR in $SMGEN_REGION; not looked for"
        elif ! smgen_read ecr describe-images --registry-id "$registry" --repository-name "$repository" \
            --image-ids "$reference" --query 'imageDetails[0].imageDigest' --output text; then
            missing="$missing  model $model: no image $image in the repository $repository; push it with
      aws ecr get-login-password --region $SMGEN_REGION | docker login --username AWS --password-stdin ${image%%/*}
      docker tag IMAGE $image && docker push $image
"
        fi
    done <<MODELS
$(models)
MODELS
    [ -z "$missing" ] || { printf '%s' "$missing" >"$SMGEN_WORK/missing.$1"; return 1; }
}

# deploy_stack INDEX: deploys one stack; its outcome (created, updated, unchanged, skipped,
# dry run) goes to $SMGEN_WORK/outcome.INDEX. Runs as a job of its own.
deploy_stack() {
    local name="${names[$1]}" status args outcome
    SMGEN_JOB="$1"
    status="$(status_of "$name")"
    case "$status" in
        REVIEW_IN_PROGRESS) ;;
        *_IN_PROGRESS)
            wait_while_changing "$name"
            status="$SMGEN_STATUS" ;;
    esac
    if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
        case "$status" in
            ROLLBACK_COMPLETE|ROLLBACK_FAILED|REVIEW_IN_PROGRESS)
                printf '%s' "$recreate" | grep -qF -- "  $name (" \
                    || smgen_die "$name is $status: its creation failed while this run waited; run deploy.sh again to create it again"
                smgen_log "deleting $name ($status) to create it again"
                smgen_change cloudformation delete-stack --stack-name "$name"
                smgen_change cloudformation wait stack-delete-complete --stack-name "$name"
                status=NONE ;;
            UPDATE_ROLLBACK_FAILED|IMPORT_ROLLBACK_FAILED|DELETE_FAILED)
                smgen_die "$name is $status: it cannot be deployed as it is; run deploy.sh again for what to do" ;;
        esac
    fi
    if models | cut -d'|' -f1 | grep -qxF -- "$name" && ! models_present "$name"; then
        smgen_log "$name: skipped, a model's artifact or image is missing (listed at the end)"
        echo skipped >"$SMGEN_WORK/outcome.$1"
        return 0
    fi
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        ! users | cut -d'|' -f1 | grep -qxF -- "$name" \
            || smgen_log "once deployed, it first removes the credentials and MFA devices of the users this template drops"
        ! spaces | cut -d'|' -f1 | grep -qxF -- "$name" \
            || smgen_log "once deployed, it first deletes the apps in the spaces this template drops"
    elif [ "$status" != NONE ]; then
        if users | cut -d'|' -f1 | grep -qxF -- "$name"; then
            smgen_release_users "$name" "$(users | awk -F'|' -v stack="$name" '$1 == stack { print $2 }')"
        fi
        if spaces | cut -d'|' -f1 | grep -qxF -- "$name"; then
            smgen_release_spaces "$name" "$(spaces | awk -F'|' -v stack="$name" '$1 == stack { print $2 }')"
        fi
    fi
    args=(cloudformation deploy --stack-name "$name" --template-file "${templates[$1]}"
          --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset)
    if [ "${larges[$1]}" = "1" ]; then
        args+=(--s3-bucket "$TEMPLATE_BUCKET")
    fi
    args+=(--tags "${tags[@]}")
    smgen_change "${args[@]}" </dev/null | tee "$SMGEN_WORK/deploy.$1"
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        outcome="dry run"
    elif [ "$status" = NONE ]; then
        outcome=created
    elif grep -q 'No changes to deploy' "$SMGEN_WORK/deploy.$1"; then
        outcome=unchanged
    else
        outcome=updated
    fi
    echo "$outcome" >"$SMGEN_WORK/outcome.$1"
}

# Each stack's state: pending, running, or how it ended (created, updated, unchanged,
# skipped, failed, dry run); a stack is started once the stacks it needs are deployed, as a
# job in a process group of its own, so that a signal can stop it with all it runs.
state=()
pids=()
reasons=()
for index in "${!names[@]}"; do state[index]=pending; reasons[index]=""; done
running=0
started=0
failed=""
stopping=""
sleeper=""
current=""

# finished INDEX: records how the job of a stack that ended went, and shows its log.
finished() {
    local index="$1" name="${names[$1]}" outcome=failed
    running=$((running - 1))
    if wait "${pids[index]}" && [ -f "$SMGEN_WORK/outcome.$index" ]; then
        outcome="$(cat "$SMGEN_WORK/outcome.$index")"
    fi
    state[index]="$outcome"
    if [ "$concurrency" -gt 1 ]; then
        smgen_log "<== $name $outcome:"
        sed 's/^/    /' "$SMGEN_WORK/log.$index" >&2
    fi
    case "$outcome" in
        failed)
            smgen_log "deploying $name failed (it needs: ${deps_of[index]:-nothing}). Its latest failed events:"
            smgen_failure_reason "$name" >&2
            failed="${failed:+$failed, }$name" ;;
        skipped)
            reasons[index]="its models' artifacts or images are missing" ;;
    esac
}

# summary: each stack this run was to deploy and how it went, then the counts.
summary() {
    local index
    printf '\nSummary:\n'
    for index in "${!names[@]}"; do
        case "${state[index]}" in
            pending) printf '  %-60s %s\n' "${names[index]}" "not started" ;;
            skipped) printf '  %-60s %s\n' "${names[index]}" "skipped: ${reasons[index]}" ;;
            *) printf '  %-60s %s\n' "${names[index]}" "${state[index]}" ;;
        esac
    done
    printf '%s\n' "${state[@]}" | sed 's/^pending$/not started/' | sort | uniq -c \
        | awk '{ count = $1; $1 = ""; printf "%s%s%s", (NR > 1 ? ", " : "  "), count, $0 } END { print "" }'
}

# on_signal NAME CODE: stops the running deploys, lists the stacks CloudFormation is still
# changing, and exits with CODE.
on_signal() {
    local index
    trap '' INT TERM
    stopping=1
    [ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null || true
    smgen_log ""
    smgen_log "$1: starting no more stacks; stopping the deploys running"
    for index in "${!names[@]}"; do
        [ "${state[index]}" = running ] || continue
        kill -TERM -- "-${pids[index]}" 2>/dev/null || kill -TERM "${pids[index]}" 2>/dev/null || true
    done
    for index in "${!names[@]}"; do
        [ "${state[index]}" = running ] || continue
        wait "${pids[index]}" 2>/dev/null || true
        state[index]=stopped
        [ "$SMGEN_DRY_RUN" -eq 0 ] || continue
        status="$(smgen_aws cloudformation describe-stacks --stack-name "${names[index]}" \
            --query 'Stacks[0].StackStatus' --output text 2>/dev/null || echo unknown)"
        case "$status" in
            *_IN_PROGRESS) smgen_log "${names[index]} is still changing ($status); follow it with:
    aws cloudformation describe-stack-events --stack-name ${names[index]} --region $SMGEN_REGION" ;;
        esac
    done
    summary >&2
    exit "$2"
}
trap 'on_signal interrupted 130' INT
trap 'on_signal terminated 143' TERM

while :; do
    if [ -z "$failed" ] && [ -z "$stopping" ]; then
        for index in "${!names[@]}"; do
            [ "$running" -lt "$concurrency" ] || break
            [ "${state[index]}" = pending ] || continue
            ready=1
            for need in ${needs[index]}; do
                case "${state[need]}" in
                    created|updated|unchanged|"dry run") ;;
                    skipped) state[index]=skipped; reasons[index]="needs ${names[need]}, not deployed"; ready=0; break ;;
                    *) ready=0; break ;;
                esac
            done
            [ "$ready" -eq 1 ] || continue
            started=$((started + 1))
            if [ "$concurrency" -gt 1 ]; then
                smgen_log "==> [${places[index]}/$total] ${names[index]} (started; $started of ${#names[@]})"
                set -m
                deploy_stack "$index" >"$SMGEN_WORK/log.$index" 2>&1 </dev/null &
            else
                smgen_log "==> [${places[index]}/$total] ${names[index]}"
                set -m
                deploy_stack "$index" </dev/null &
            fi
            pids[index]=$!
            set +m
            current="$index"
            state[index]=running
            running=$((running + 1))
        done
    fi
    [ "$running" -gt 0 ] || break
    if [ "$concurrency" -eq 1 ]; then
        finished "$current"
        continue
    fi
    # A second's pause that a signal ends at once (the trap runs when `wait` returns).
    sleep 1 &
    sleeper=$!
    wait "$sleeper" || true
    for index in "${!names[@]}"; do
        [ "${state[index]}" = running ] || continue
        kill -0 "${pids[index]}" 2>/dev/null || finished "$index"
    done
done

summary
if [ -n "$failed" ]; then
    if [ "$concurrency" -eq 1 ]; then
        smgen_die "$failed: deploy failed; the stacks after it were not deployed"
    fi
    smgen_die "$failed: deploy failed; the stacks not yet started were not deployed"
fi
smgen_finish_leaving
missing="$(cat "$SMGEN_WORK"/missing.* 2>/dev/null || true)"
if [ -n "$missing" ]; then
    printf '\nMissing, so the stacks that need them were skipped:\n%s\n' "$missing"
    printf 'Upload them, then run deploy.sh again.\n'
    exit 1
fi
if [ -z "$only" ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    stale="$(printf '%s\n' "$statuses" | awk '{ print $1 }' | grep -vxF -f <(stacks | cut -d'|' -f1) || true)"
    if [ -n "$stale" ]; then
        printf '\nDeployed but no longer in this output (delete them with cleanup.sh --stale):\n'
        printf '%s\n' "$stale" | sed 's/^/  /'
    fi
fi
