#!/usr/bin/env bash
{{header}}
#
# Deploys the stacks of environment {{environment}} (account {{account}}, {{region}}) with
# `aws cloudformation deploy`, in dependency order. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy.sh [--only STACK]... [--no-deps] [--dry-run] [--region REGION] [--profile PROFILE]

Deploys every stack of this environment in dependency order, after checking that the
credentials are for this environment's account. Stops at the first failure and prints
the stack's failure reason.

  --only STACK       deploy this stack and the stacks it depends on (repeatable)
  --no-deps          with --only: deploy just the named stacks
  --dry-run          print the exact commands; call nothing
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

summary=""
count=0
total="$(stacks | wc -l | tr -d ' ')"
while IFS='|' read -r name template deps large; do
    count=$((count + 1))
    if [ -n "$selected" ]; then
        case "$selected" in
            *" $name "*) ;;
            *) continue ;;
        esac
    fi
    smgen_log "==> [$count/$total] $name"
    if [ "$SMGEN_DRY_RUN" -eq 0 ] && spaces | cut -d'|' -f1 | grep -qxF -- "$name"; then
        smgen_release_spaces "$name" "$(spaces | awk -F'|' -v stack="$name" '$1 == stack { print $2 }')"
    fi
    args=(cloudformation deploy --stack-name "$name" --template-file "$template"
          --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset)
    if [ "$large" = "1" ]; then
        args+=(--s3-bucket "$TEMPLATE_BUCKET")
    fi
    args+=(--tags "${tags[@]}")
    if smgen_change "${args[@]}" </dev/null; then
        summary="$summary$name|$([ "$SMGEN_DRY_RUN" -eq 1 ] && echo 'dry run' || echo deployed)
"
    else
        smgen_log "deploying $name failed (it needs: ${deps:-nothing}). Its latest failed events:"
        smgen_failure_reason "$name" >&2
        printf '%s' "$summary" | awk -F'|' '{ printf "  %-60s %s\n", $1, $2 }' >&2
        smgen_die "$name: deploy failed; the stacks after it were not deployed"
    fi
done <<RECORDS
$(stacks)
RECORDS

printf '\nSummary:\n'
printf '%s' "$summary" | awk -F'|' '{ printf "  %-60s %s\n", $1, $2 }'
if [ -z "$only" ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    stale="$(smgen_platform_stacks | grep -vxF -f <(stacks | cut -d'|' -f1) || true)"
    if [ -n "$stale" ]; then
        printf '\nDeployed but no longer in this output (delete them with cleanup.sh --stale):\n'
        printf '%s\n' "$stale" | sed 's/^/  /'
    fi
fi
