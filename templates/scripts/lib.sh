#!/usr/bin/env bash
{{header}}
#
# Functions shared by the scripts of this folder; sourced by them, not run.
# Works with bash 3.2 (macOS) and later, and with the aws CLI v1 or v2.

# The environment this folder was rendered for.
SMGEN_ACCOUNT='{{account}}'
SMGEN_REGION='{{region}}'
SMGEN_PREFIX='{{prefix}}'
SMGEN_DOMAIN_STACK='{{domain_stack}}'

SMGEN_DRY_RUN=0
SMGEN_AWS_OPTIONS=()
SMGEN_ARGS=()

# smgen_log MESSAGE: a progress line on stderr.
smgen_log() {
    printf '%s\n' "$*" >&2
}

# smgen_die MESSAGE: an error line on stderr, then exit 1.
smgen_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# smgen_parse_common DRY_RUN_OK ARGS: takes --region, --profile and (when DRY_RUN_OK is 1)
# --dry-run out of ARGS; what is left is in SMGEN_ARGS, for the script's own options.
smgen_parse_common() {
    local dry_run_ok="$1"
    shift
    SMGEN_ARGS=()
    while [ "$#" -gt 0 ]; do
        case "$1" in
            --region)
                [ "$#" -ge 2 ] || smgen_die "--region needs a value"
                [ "$2" = "$SMGEN_REGION" ] || smgen_die "this output is for region $SMGEN_REGION, not $2"
                shift 2 ;;
            --profile)
                [ "$#" -ge 2 ] || smgen_die "--profile needs a value"
                SMGEN_AWS_OPTIONS+=(--profile "$2")
                shift 2 ;;
            --dry-run)
                [ "$dry_run_ok" -eq 1 ] || smgen_die "this script has no --dry-run: it changes nothing"
                SMGEN_DRY_RUN=1
                shift ;;
            *)
                SMGEN_ARGS+=("$1")
                shift ;;
        esac
    done
}

# smgen_aws ARGS: the aws CLI in this environment's region, with the --profile given.
smgen_aws() {
    aws --region "$SMGEN_REGION" ${SMGEN_AWS_OPTIONS[@]+"${SMGEN_AWS_OPTIONS[@]}"} "$@"
}

# smgen_change ARGS: an aws call that changes something: printed first, and only printed
# with --dry-run.
smgen_change() {
    local quoted
    quoted="$(printf ' %q' aws --region "$SMGEN_REGION" ${SMGEN_AWS_OPTIONS[@]+"${SMGEN_AWS_OPTIONS[@]}"} "$@")"
    printf '+%s\n' "$quoted" >&2
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        return 0
    fi
    smgen_aws "$@"
}

# smgen_check_identity: refuses to go on unless the credentials are for this account.
smgen_check_identity() {
    local account
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        smgen_log "dry run: not checking credentials; nothing will be called"
        return 0
    fi
    account="$(smgen_aws sts get-caller-identity --query Account --output text)" \
        || smgen_die "aws sts get-caller-identity failed: check your credentials (--profile)"
    [ "$account" = "$SMGEN_ACCOUNT" ] \
        || smgen_die "the credentials are for account $account, but this output is for account $SMGEN_ACCOUNT"
}

# smgen_stack_status STACK: the stack's status, or NONE when it does not exist.
smgen_stack_status() {
    local status
    status="$(smgen_aws cloudformation describe-stacks --stack-name "$1" \
        --query 'Stacks[0].StackStatus' --output text 2>/dev/null)" || status=NONE
    printf '%s\n' "${status:-NONE}"
}

# smgen_failure_reason STACK: the stack's latest failed events, for error messages.
smgen_failure_reason() {
    smgen_aws cloudformation describe-stack-events --stack-name "$1" --max-items 10 \
        --query "StackEvents[?contains(ResourceStatus, 'FAILED')].[LogicalResourceId, ResourceStatus, ResourceStatusReason]" \
        --output text 2>/dev/null || true
}

# smgen_domain_id: the id of the platform's domain, from the domain stack's outputs (empty
# when the domain stack is not deployed).
smgen_domain_id() {
    smgen_aws cloudformation describe-stacks --stack-name "$SMGEN_DOMAIN_STACK" \
        --query "Stacks[0].Outputs[?OutputKey=='DomainId'].OutputValue" --output text 2>/dev/null || true
}

# smgen_stack_spaces STACK: the names of the Studio spaces a deployed stack holds.
smgen_stack_spaces() {
    local ids id
    ids="$(smgen_aws cloudformation list-stack-resources --stack-name "$1" \
        --query "StackResourceSummaries[?ResourceType=='AWS::SageMaker::Space'].PhysicalResourceId" \
        --output text 2>/dev/null)" || return 0
    for id in $ids; do
        [ "$id" = "None" ] && continue
        id="${id##*|}"
        printf '%s\n' "${id##*/}"
    done
}

# smgen_delete_space_apps DOMAIN SPACE: deletes the apps running in a space and waits until
# they are gone (CloudFormation cannot delete a space, or its profile, while apps run).
smgen_delete_space_apps() {
    local domain="$1" space="$2" apps type name status tries
    apps="$(smgen_aws sagemaker list-apps --domain-id-equals "$domain" --space-name-equals "$space" \
        --query "Apps[?Status!='Deleted' && Status!='Failed'].[AppType, AppName]" --output text)" || return 1
    [ -n "$apps" ] || return 0
    while read -r type name; do
        [ -n "$type" ] || continue
        smgen_log "deleting app $type/$name in space $space"
        smgen_change sagemaker delete-app --domain-id "$domain" --space-name "$space" \
            --app-type "$type" --app-name "$name" >/dev/null
        [ "$SMGEN_DRY_RUN" -eq 1 ] && continue
        tries=0
        while :; do
            status="$(smgen_aws sagemaker describe-app --domain-id "$domain" --space-name "$space" \
                --app-type "$type" --app-name "$name" --query Status --output text 2>/dev/null)" || status=Deleted
            case "$status" in
                Deleted|Failed) break ;;
            esac
            tries=$((tries + 1))
            [ "$tries" -lt 90 ] || smgen_die "app $type/$name in space $space is still $status after 15 minutes"
            sleep 10
        done
    done <<APPS
$apps
APPS
}

# smgen_release_spaces STACK KEEP: before a stack update or deletion removes spaces, deletes
# the apps in every space of the stack whose name is not in KEEP (space names, one a line).
smgen_release_spaces() {
    local stack="$1" keep="$2" domain space
    domain="$(smgen_domain_id)"
    [ -n "$domain" ] && [ "$domain" != "None" ] || return 0
    for space in $(smgen_stack_spaces "$stack"); do
        if ! printf '%s\n' "$keep" | grep -qxF -- "$space"; then
            smgen_delete_space_apps "$domain" "$space"
        fi
    done
}

# smgen_platform_stacks: the deployed stacks whose names carry the platform's prefix.
smgen_platform_stacks() {
    smgen_aws cloudformation list-stacks \
        --stack-status-filter CREATE_COMPLETE UPDATE_COMPLETE UPDATE_ROLLBACK_COMPLETE ROLLBACK_COMPLETE \
            CREATE_FAILED UPDATE_FAILED DELETE_FAILED IMPORT_COMPLETE \
        --query "StackSummaries[?starts_with(StackName, '$SMGEN_PREFIX-')].StackName" --output text | tr '\t' '\n'
}
