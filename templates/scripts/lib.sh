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
# What the functions below found: the output of the last smgen_read, a stack's status, the
# platform's stacks, a stack's resources, the domain's id.
SMGEN_OUT="" SMGEN_STATUS="" SMGEN_STACKS="" SMGEN_RESOURCES="" SMGEN_DOMAIN_ID=""

# The aws CLI retries throttled and failed calls itself (unless the caller chose a mode), and
# never pages its output.
export AWS_RETRY_MODE="${AWS_RETRY_MODE:-standard}"
export AWS_PAGER=""

# A folder for this run's scratch files (aws errors, logs), removed when the script exits.
SMGEN_WORK="$(mktemp -d "${TMPDIR:-/tmp}/smgen.XXXXXX")"
trap 'rm -rf "$SMGEN_WORK"' EXIT
# The name of this (sub)shell's scratch files: a background job sets its own.
SMGEN_JOB=main

# What the aws CLI says when what was asked for does not exist (and nothing else): an error
# code of that meaning, or a validation error saying so.
SMGEN_ABSENT='An error occurred \((404|NoSuch[A-Za-z]*|[A-Za-z]*NotFound[A-Za-z]*)\)|An error occurred \(Validation(Error|Exception)\).*(does not exist|Could not find|not found)'

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

# smgen_read ARGS: an aws call that changes nothing, its output in SMGEN_OUT. Returns 0, or 3
# when AWS answers that what was asked for does not exist. Any other error (access denied,
# throttled past the CLI's retries, no network) is printed and stops the script: nothing is
# decided, or deleted, on an answer that was not given.
smgen_read() {
    local errors="$SMGEN_WORK/errors.$SMGEN_JOB"
    if SMGEN_OUT="$(smgen_aws "$@" 2>"$errors" </dev/null)"; then
        return 0
    fi
    if grep -qE "$SMGEN_ABSENT" "$errors"; then
        return 3
    fi
    smgen_log "aws $1 $2 failed:"
    sed 's/^/    /' "$errors" >&2
    smgen_die "stopped: AWS answered aws $1 $2 with an error"
}

# smgen_change ARGS: an aws call that changes something: printed first, and only printed
# with --dry-run. It runs as a child the script waits for, so that a signal reaches the
# script at once (see smgen_stop).
smgen_change() {
    local quoted status=0
    quoted="$(printf ' %q' aws --region "$SMGEN_REGION" ${SMGEN_AWS_OPTIONS[@]+"${SMGEN_AWS_OPTIONS[@]}"} "$@")"
    printf '+%s\n' "$quoted" >&2
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        return 0
    fi
    aws --region "$SMGEN_REGION" ${SMGEN_AWS_OPTIONS[@]+"${SMGEN_AWS_OPTIONS[@]}"} "$@" &
    SMGEN_CHILD=$!
    wait "$SMGEN_CHILD" || status=$?
    SMGEN_CHILD=""
    return "$status"
}

# smgen_stop WHAT CODE: on SIGINT or SIGTERM, stops the aws call running, so that none
# outlives the script, and exits with CODE. (deploy.sh sets traps of its own.)
SMGEN_CHILD=""
smgen_stop() {
    trap '' INT TERM
    if [ -n "$SMGEN_CHILD" ]; then
        kill -TERM "$SMGEN_CHILD" 2>/dev/null || true
        wait "$SMGEN_CHILD" 2>/dev/null || true
    fi
    smgen_log ""
    smgen_log "$1: stopped. CloudFormation goes on with a stack operation already started; see where it is with:"
    smgen_log "    aws cloudformation describe-stacks --region $SMGEN_REGION --query 'Stacks[].[StackName, StackStatus]' --output text"
    exit "$2"
}
trap 'smgen_stop interrupted 130' INT
trap 'smgen_stop terminated 143' TERM

# smgen_check_identity MODE: refuses to go on unless the credentials are for this account.
# MODE `changes`: a dry run calls nothing, so it checks nothing; `reads`: even a dry run reads
# what is deployed, so it checks.
smgen_check_identity() {
    if [ "$SMGEN_DRY_RUN" -eq 1 ] && [ "$1" != reads ]; then
        smgen_log "dry run: not checking credentials; nothing will be called"
        return 0
    fi
    [ "$SMGEN_DRY_RUN" -eq 0 ] || smgen_log "dry run: it reads what is deployed, and changes nothing"
    smgen_aws sts get-caller-identity --query Account --output text >"$SMGEN_WORK/account" \
        || smgen_die "aws sts get-caller-identity failed: check your credentials (--profile)"
    [ "$(cat "$SMGEN_WORK/account")" = "$SMGEN_ACCOUNT" ] \
        || smgen_die "the credentials are for account $(cat "$SMGEN_WORK/account"), but this output is for account $SMGEN_ACCOUNT"
}

# smgen_stack_status STACK: the stack's status in SMGEN_STATUS, NONE when it does not exist.
# shellcheck disable=SC2034 # SMGEN_STATUS is for the scripts that source this file
smgen_stack_status() {
    if smgen_read cloudformation describe-stacks --stack-name "$1" --query 'Stacks[0].StackStatus' --output text; then
        SMGEN_STATUS="$SMGEN_OUT"
    else
        SMGEN_STATUS=NONE
    fi
}

# smgen_failure_reason STACK: the stack's latest failed events, for error messages.
smgen_failure_reason() {
    smgen_aws cloudformation describe-stack-events --stack-name "$1" --no-paginate \
        --query "StackEvents[?contains(ResourceStatus, 'FAILED')] | [:10].[LogicalResourceId, ResourceStatus, ResourceStatusReason]" \
        --output text 2>/dev/null || true
}

# smgen_domain_id: the id of the platform's domain, from the domain stack's outputs (empty
# when the domain stack is not deployed).
smgen_domain_id() {
    SMGEN_DOMAIN_ID=""
    if smgen_read cloudformation describe-stacks --stack-name "$SMGEN_DOMAIN_STACK" \
        --query "Stacks[0].Outputs[?OutputKey=='DomainId'].OutputValue" --output text; then
        [ "$SMGEN_OUT" = "None" ] || SMGEN_DOMAIN_ID="$SMGEN_OUT"
    fi
}

# smgen_stack_resources STACK TYPE: the physical ids of the resources of TYPE in the deployed
# STACK in SMGEN_RESOURCES, one a line (nothing when the stack does not exist).
smgen_stack_resources() {
    local id
    SMGEN_RESOURCES=""
    smgen_read cloudformation list-stack-resources --stack-name "$1" \
        --query "StackResourceSummaries[?ResourceType=='$2'].PhysicalResourceId" --output text || return 0
    for id in $SMGEN_OUT; do
        [ "$id" = "None" ] || SMGEN_RESOURCES="$SMGEN_RESOURCES$id
"
    done
}

# smgen_delete_space_apps DOMAIN SPACE: deletes the apps running in a space and waits until
# they are gone (CloudFormation cannot delete a space, or its profile, while apps run).
smgen_delete_space_apps() {
    local domain="$1" space="$2" apps type name status tries
    smgen_read sagemaker list-apps --domain-id-equals "$domain" --space-name-equals "$space" \
        --query "Apps[?Status!='Deleted' && Status!='Failed'].[AppType, AppName, Status]" --output text || return 0
    apps="$SMGEN_OUT"
    [ -n "$apps" ] || return 0
    while read -r type name status; do
        [ -n "$type" ] || continue
        # An app already being deleted (idle shutdown) is only waited for.
        if [ "$status" != Deleting ]; then
            smgen_log "deleting app $type/$name in space $space"
            smgen_change sagemaker delete-app --domain-id "$domain" --space-name "$space" \
                --app-type "$type" --app-name "$name" >/dev/null
        fi
        [ "$SMGEN_DRY_RUN" -eq 1 ] && continue
        tries=0
        while :; do
            status=Deleted
            if smgen_read sagemaker describe-app --domain-id "$domain" --space-name "$space" \
                --app-type "$type" --app-name "$name" --query Status --output text; then
                status="$SMGEN_OUT"
            fi
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
    local stack="$1" keep="$2" space
    smgen_domain_id
    [ -n "$SMGEN_DOMAIN_ID" ] || return 0
    smgen_stack_resources "$stack" AWS::SageMaker::Space
    for space in $SMGEN_RESOURCES; do
        # A space's physical id is `DOMAIN|NAME` or its ARN.
        space="${space##*|}"
        space="${space##*/}"
        if ! printf '%s\n' "$keep" | grep -qxF -- "$space"; then
            smgen_delete_space_apps "$SMGEN_DOMAIN_ID" "$space"
        fi
    done
}

# smgen_delete_listed USER LIST QUERY DELETE ID_OPTION: for each id that `aws iam LIST
# --user-name USER --query QUERY` prints, `aws iam DELETE --user-name USER ID_OPTION ID`.
smgen_delete_listed() {
    local user="$1" list="$2" query="$3" delete="$4" option="$5" id
    smgen_read iam "$list" --user-name "$user" --query "$query" --output text || return 0
    for id in $SMGEN_OUT; do
        [ "$id" = "None" ] || smgen_change iam "$delete" --user-name "$user" "$option" "$id"
    done
}

# smgen_remove_credentials USER: deletes what IAM requires gone before it deletes a user
# (MFA devices, access keys, password, signing certificates, SSH keys, service-specific
# credentials such as git credentials), each call printed; nothing when the user is gone.
smgen_remove_credentials() {
    local user="$1" id
    smgen_read iam list-mfa-devices --user-name "$user" --query 'MFADevices[].SerialNumber' --output text || return 0
    smgen_log "user $user: removing its credentials and MFA devices (IAM deletes no user that has them)"
    for id in $SMGEN_OUT; do
        [ "$id" = "None" ] && continue
        smgen_change iam deactivate-mfa-device --user-name "$user" --serial-number "$id"
        case "$id" in
            arn:*:mfa/*) smgen_change iam delete-virtual-mfa-device --serial-number "$id" ;;
        esac
    done
    smgen_delete_listed "$user" list-access-keys 'AccessKeyMetadata[].AccessKeyId' delete-access-key --access-key-id
    if smgen_read iam get-login-profile --user-name "$user" --query LoginProfile.UserName --output text; then
        smgen_change iam delete-login-profile --user-name "$user"
    fi
    smgen_delete_listed "$user" list-signing-certificates 'Certificates[].CertificateId' \
        delete-signing-certificate --certificate-id
    smgen_delete_listed "$user" list-ssh-public-keys 'SSHPublicKeys[].SSHPublicKeyId' \
        delete-ssh-public-key --ssh-public-key-id
    smgen_delete_listed "$user" list-service-specific-credentials \
        'ServiceSpecificCredentials[].ServiceSpecificCredentialId' \
        delete-service-specific-credential --service-specific-credential-id
}

# smgen_release_users STACK KEEP: before a stack update or deletion removes IAM users, removes
# the credentials of every user of the deployed stack whose name is not in KEEP (one a line),
# and notes each in $SMGEN_WORK/leaving. Refuses to touch the caller's own user.
smgen_release_users() {
    local stack="$1" keep="$2" user leaving=""
    smgen_stack_resources "$stack" AWS::IAM::User
    for user in $SMGEN_RESOURCES; do
        printf '%s\n' "$keep" | grep -qxF -- "$user" || leaving="$leaving $user"
    done
    [ -n "$leaving" ] || return 0
    if [ -z "${SMGEN_CALLER:-}" ]; then
        smgen_read sts get-caller-identity --query Arn --output text || SMGEN_OUT=""
        SMGEN_CALLER="$SMGEN_OUT"
    fi
    for user in $leaving; do
        case "$SMGEN_CALLER" in
            arn:*:iam::*:user/"$user"|arn:*:iam::*:user/*/"$user")
                smgen_die "$stack would delete the IAM user $user, whose credentials this script runs with; run it as another admin" ;;
        esac
    done
    for user in $leaving; do
        smgen_remove_credentials "$user"
        printf '%s\n' "$user" >>"$SMGEN_WORK/leaving"
    done
}

# smgen_finish_leaving: deletes the users noted in $SMGEN_WORK/leaving that still exist.
# CloudFormation cannot delete a user who is still in a group, and the stacks that hold a
# user's group memberships update after the users stack: once they have, the user's managed
# policies are detached and the user deleted, each call printed. A user still in a group (its
# stack was not deployed in this run) is left, with what to do.
smgen_finish_leaving() {
    local user policy
    [ -s "$SMGEN_WORK/leaving" ] || return 0
    while read -r user; do
        smgen_read iam get-user --user-name "$user" --query User.UserName --output text || continue
        smgen_read iam list-groups-for-user --user-name "$user" --query 'Groups[].GroupName' --output text \
            || continue
        if [ -n "$SMGEN_OUT" ] && [ "$SMGEN_OUT" != "None" ]; then
            smgen_log "user $user: left the config but is still in the groups $SMGEN_OUT, whose stacks this run did not"
            smgen_log "    deploy; IAM deletes no user in a group. Deploy them (scripts/deploy.sh), then delete the user:"
            smgen_log "    aws iam delete-user --user-name $user (after detaching its policies)"
            continue
        fi
        smgen_log "user $user: still there after CloudFormation removed it from its stack (IAM deletes no user in a group); deleting it"
        smgen_read iam list-attached-user-policies --user-name "$user" --query 'AttachedPolicies[].PolicyArn' \
            --output text || continue
        for policy in $SMGEN_OUT; do
            [ "$policy" = "None" ] || smgen_change iam detach-user-policy --user-name "$user" --policy-arn "$policy"
        done
        smgen_change iam delete-user --user-name "$user"
    done <<USERS
$(sort -u "$SMGEN_WORK/leaving")
USERS
}

# The statuses of a stack that is not deleted, for list-stacks.
SMGEN_LIVE_STATUSES=(CREATE_IN_PROGRESS CREATE_FAILED CREATE_COMPLETE ROLLBACK_IN_PROGRESS ROLLBACK_FAILED
    ROLLBACK_COMPLETE DELETE_IN_PROGRESS DELETE_FAILED UPDATE_IN_PROGRESS UPDATE_COMPLETE_CLEANUP_IN_PROGRESS
    UPDATE_COMPLETE UPDATE_FAILED UPDATE_ROLLBACK_IN_PROGRESS UPDATE_ROLLBACK_FAILED
    UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS UPDATE_ROLLBACK_COMPLETE REVIEW_IN_PROGRESS IMPORT_IN_PROGRESS
    IMPORT_COMPLETE IMPORT_ROLLBACK_IN_PROGRESS IMPORT_ROLLBACK_FAILED IMPORT_ROLLBACK_COMPLETE)

# smgen_platform_stacks: the stacks (not deleted) whose names carry the platform's prefix,
# each with its status, in SMGEN_STACKS: `NAME STATUS`, one a line.
# shellcheck disable=SC2034 # SMGEN_STACKS is for the scripts that source this file
smgen_platform_stacks() {
    SMGEN_STACKS=""
    smgen_read cloudformation list-stacks --stack-status-filter "${SMGEN_LIVE_STATUSES[@]}" \
        --query "StackSummaries[?starts_with(StackName, '$SMGEN_PREFIX-')].[StackName, StackStatus]" --output text \
        || return 0
    SMGEN_STACKS="$(printf '%s\n' "$SMGEN_OUT" | awk 'NF == 2')"
}
