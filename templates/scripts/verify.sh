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
read-only APIs.

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

smgen_check_identity

failures=0
domain=""
report() {
    printf '%-8s %-64s %s\n' "$1" "$2" "$3"
    case "$3" in
        ok|InService) ;;
        *) failures=$((failures + 1)) ;;
    esac
}

printf '%-8s %-64s %s\n' CHECK NAME RESULT
while IFS='|' read -r kind name; do
    case "$kind" in
        stack)
            status="$(smgen_stack_status "$name")"
            case "$status" in
                *ROLLBACK*|DELETE_*|NONE) report stack "$name" "$status" ;;
                *_COMPLETE) report stack "$name" ok ;;
                *) report stack "$name" "$status" ;;
            esac ;;
        domain)
            domain="$(smgen_domain_id)"
            if [ -z "$domain" ] || [ "$domain" = "None" ]; then
                report domain "$name" missing
                domain=""
            else
                report domain "$name" "$(smgen_aws sagemaker describe-domain --domain-id "$domain" --query Status --output text 2>/dev/null || echo missing)"
            fi ;;
        profile)
            if [ -z "$domain" ]; then report profile "$name" "no domain"; continue; fi
            report profile "$name" "$(smgen_aws sagemaker describe-user-profile --domain-id "$domain" --user-profile-name "$name" --query Status --output text 2>/dev/null || echo missing)" ;;
        space)
            if [ -z "$domain" ]; then report space "$name" "no domain"; continue; fi
            report space "$name" "$(smgen_aws sagemaker describe-space --domain-id "$domain" --space-name "$name" --query Status --output text 2>/dev/null || echo missing)" ;;
        bucket)
            if smgen_aws s3api head-bucket --bucket "$name" >/dev/null 2>&1; then report bucket "$name" ok; else report bucket "$name" missing; fi ;;
        role)
            if smgen_aws iam get-role --role-name "$name" >/dev/null 2>&1; then report role "$name" ok; else report role "$name" missing; fi ;;
        user)
            if smgen_aws iam get-user --user-name "$name" >/dev/null 2>&1; then report user "$name" ok; else report user "$name" missing; fi ;;
        repository)
            if smgen_aws ecr describe-repositories --repository-names "$name" >/dev/null 2>&1; then report repo "$name" ok; else report repo "$name" missing; fi ;;
        package-group)
            report registry "$name" "$(smgen_aws sagemaker describe-model-package-group --model-package-group-name "$name" --query ModelPackageGroupStatus --output text 2>/dev/null | sed 's/^Completed$/ok/' || echo missing)" ;;
        monitoring-schedule)
            report monitor "$name" "$(smgen_aws sagemaker describe-monitoring-schedule --monitoring-schedule-name "$name" --query MonitoringScheduleStatus --output text 2>/dev/null | sed 's/^Scheduled$/ok/' || echo missing)" ;;
        pipeline)
            report pipeline "$name" "$(smgen_aws sagemaker describe-pipeline --pipeline-name "$name" --query PipelineStatus --output text 2>/dev/null | sed 's/^Active$/ok/' || echo missing)" ;;
        endpoint)
            report endpoint "$name" "$(smgen_aws sagemaker describe-endpoint --endpoint-name "$name" --query EndpointStatus --output text 2>/dev/null | sed 's/^InService$/ok/' || echo missing)" ;;
    esac
done <<RECORDS
$(checks)
RECORDS

if [ "$failures" -gt 0 ]; then
    printf '\n%d check(s) failed\n' "$failures"
    exit 1
fi
printf '\nall checks passed\n'
