#!/usr/bin/env bash
{{header}}
#
# Checks environment {{environment}} (account {{account}}, {{region}}): every stack is
# deployed and healthy, and the key resources exist. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: verify.sh [--region REGION] [--profile PROFILE]

Prints a table of checks: every stack in a *_COMPLETE state that is not a rollback, the
domain, user profiles, spaces and endpoints InService, the buckets, roles, users, image
repositories and model package groups present. Exits 1 when any check fails. Calls only
read-only APIs; an AWS error other than "not found" (access denied, throttling past the
CLI's retries) stops it with the error.

  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

# Kind | name, in the order they are checked.
checks() {
    cat <<'CHECKS'
{{check_records}}
CHECKS
}

smgen_parse_common 0 "$@"
set -- ${SMGEN_ARGS[@]+"${SMGEN_ARGS[@]}"}
while [ "$#" -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        *) usage >&2; smgen_die "unknown option $1" ;;
    esac
done

smgen_check_identity reads

failures=0
domain=""
report() {
    printf '%-8s %-64s %s\n' "$1" "$2" "$3"
    [ "$3" = ok ] || failures=$((failures + 1))
}
# probe LABEL NAME GOOD ARGS: reads ARGS (an aws call printing a status, or nothing) and
# reports ok when it printed GOOD (or anything, when GOOD is empty), the status otherwise,
# and missing when AWS says there is no such thing.
probe() {
    local label="$1" name="$2" good="$3"
    shift 3
    if ! smgen_read "$@"; then
        report "$label" "$name" missing
    elif [ -z "$good" ] || [ "$SMGEN_OUT" = "$good" ]; then
        report "$label" "$name" ok
    else
        report "$label" "$name" "$SMGEN_OUT"
    fi
}

printf '%-8s %-64s %s\n' CHECK NAME RESULT
while IFS='|' read -r kind name; do
    case "$kind" in
        stack)
            smgen_stack_status "$name"
            case "$SMGEN_STATUS" in
                *ROLLBACK*|DELETE_*|NONE) report stack "$name" "$SMGEN_STATUS" ;;
                *_COMPLETE) report stack "$name" ok ;;
                *) report stack "$name" "$SMGEN_STATUS" ;;
            esac ;;
        domain)
            smgen_domain_id
            domain="$SMGEN_DOMAIN_ID"
            if [ -z "$domain" ]; then
                report domain "$name" missing
            else
                probe domain "$name" InService sagemaker describe-domain --domain-id "$domain" --query Status --output text
            fi ;;
        profile)
            if [ -z "$domain" ]; then report profile "$name" "no domain"; continue; fi
            probe profile "$name" InService sagemaker describe-user-profile --domain-id "$domain" \
                --user-profile-name "$name" --query Status --output text ;;
        space)
            if [ -z "$domain" ]; then report space "$name" "no domain"; continue; fi
            probe space "$name" InService sagemaker describe-space --domain-id "$domain" --space-name "$name" \
                --query Status --output text ;;
        bucket) probe bucket "$name" "" s3api head-bucket --bucket "$name" ;;
        role) probe role "$name" "" iam get-role --role-name "$name" --query Role.RoleName --output text ;;
        user) probe user "$name" "" iam get-user --user-name "$name" --query User.UserName --output text ;;
        repository)
            probe repo "$name" "" ecr describe-repositories --repository-names "$name" \
                --query 'repositories[0].repositoryName' --output text ;;
        package-group)
            probe registry "$name" Completed sagemaker describe-model-package-group --model-package-group-name "$name" \
                --query ModelPackageGroupStatus --output text ;;
        monitoring-schedule)
            probe monitor "$name" Scheduled sagemaker describe-monitoring-schedule --monitoring-schedule-name "$name" \
                --query MonitoringScheduleStatus --output text ;;
        pipeline)
            probe pipeline "$name" Active sagemaker describe-pipeline --pipeline-name "$name" \
                --query PipelineStatus --output text ;;
        endpoint)
            probe endpoint "$name" InService sagemaker describe-endpoint --endpoint-name "$name" \
                --query EndpointStatus --output text ;;
    esac
done <<RECORDS
$(checks)
RECORDS

if [ "$failures" -gt 0 ]; then
    printf '\n%d check(s) failed\n' "$failures"
    exit 1
fi
printf '\nall checks passed\n'
