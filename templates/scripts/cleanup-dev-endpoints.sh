#!/usr/bin/env bash
{{header}}
#
# Deletes the dev endpoints of environment {{environment}} (account {{account}}, {{region}})
# that nobody invoked for N days (default 7): endpoints of the platform's projects, tagged
# Environment=dev, created more than N days ago, with no Invocations in CloudWatch over the
# last N days. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: cleanup-dev-endpoints.sh [--days N] [--yes] [--dry-run] [--region REGION] [--profile PROFILE]

Lists the idle dev endpoints, then deletes them (asking first, unless --yes). Endpoint
configurations and models are kept, so an endpoint can be created again.

The endpoints of the config's models belong to their models stacks: deleting one by hand
would leave its stack drifted (the next deploy would not create it again). Those are
listed with the config change that removes them, and not deleted. An AWS error other than
"not found" stops it at once.

  --days N           idle for more than N days (default 7, at most 455)
  --yes              do not ask for confirmation
  --dry-run          list the idle endpoints and print the delete commands; delete nothing
  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

# The name prefix of each project's SageMaker resources.
project_prefixes() {
    cat <<'PREFIXES'
{{project_prefixes}}
PREFIXES
}

# Endpoint | the models stack that holds it | the config entry of its model | instances or serverless
managed_endpoints() {
    cat <<'ENDPOINTS'
{{endpoint_records}}
ENDPOINTS
}

days=7
assume_yes=0
smgen_parse_common 1 "$@"
set -- ${SMGEN_ARGS[@]+"${SMGEN_ARGS[@]}"}
while [ "$#" -gt 0 ]; do
    case "$1" in
        --days)
            if [ "$#" -lt 2 ] || ! printf '%s' "$2" | grep -qE '^[1-9][0-9]{0,2}$' || [ "$2" -gt 455 ]; then
                smgen_die "--days needs a whole number from 1 to 455 (CloudWatch keeps the hourly data summed for 455 days)"
            fi
            days="$2"
            shift 2 ;;
        --yes) assume_yes=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; smgen_die "unknown option $1" ;;
    esac
done

# An ISO 8601 UTC time N days ago (GNU date, then BSD date).
days_ago() {
    date -u -d "-$1 days" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-"$1"d +%Y-%m-%dT%H:%M:%SZ
}

smgen_check_identity reads
since="$(days_ago "$days")"
now="$(days_ago 0)"
idle=""
managed=""
while read -r prefix; do
    [ -n "$prefix" ] || continue
    smgen_read sagemaker list-endpoints --name-contains "$prefix" --creation-time-before "$since" \
        --query "Endpoints[?starts_with(EndpointName, '$prefix')].[EndpointName, EndpointArn]" --output text || SMGEN_OUT=""
    endpoints="$SMGEN_OUT"
    while read -r name arn; do
        [ -n "$name" ] || continue
        smgen_read sagemaker list-tags --resource-arn "$arn" \
            --query "[Tags[?Key=='Environment'].Value | [0], Tags[?Key=='ManagedBy'].Value | [0]]" --output text || continue
        environment="$(printf '%s\n' "$SMGEN_OUT" | awk '{ print $1 }')"
        owner="$(printf '%s\n' "$SMGEN_OUT" | awk '{ print $2 }')"
        [ "$environment" = "dev" ] || continue
        # Idle when no variant of it was invoked.
        smgen_read sagemaker describe-endpoint --endpoint-name "$name" --query 'ProductionVariants[].VariantName' \
            --output text || continue
        invoked=0
        for variant in $SMGEN_OUT; do
            smgen_read cloudwatch get-metric-statistics --namespace AWS/SageMaker --metric-name Invocations \
                --dimensions Name=EndpointName,Value="$name" Name=VariantName,Value="$variant" \
                --start-time "$since" --end-time "$now" --period 86400 --statistics Sum \
                --query 'sum(Datapoints[].Sum)' --output text || continue
            case "$SMGEN_OUT" in
                0|0.0|None|"") ;;
                *) invoked=1 ;;
            esac
        done
        [ "$invoked" -eq 0 ] || continue
        record="$(managed_endpoints | awk -F'|' -v name="$name" '$1 == name { print $2 "|" $3 "|" $4 }')"
        if [ -n "$record" ]; then
            case "$record" in
                *"|serverless") continue ;;
            esac
            entry="${record#*|}"
            managed="$managed  $name (stack ${record%%|*}): to stop paying for it, make ${entry%|*} serverless
      (serverless: {memory_mb: ..., max_concurrency: ...}: no cost while idle) or remove it, then render and deploy
"
        elif [ "$owner" = "smgen" ]; then
            managed="$managed  $name: a stack of this platform that this output no longer has holds it; scripts/cleanup.sh --stale deletes it
"
        else
            idle="$idle$name
"
        fi
    done <<ENDPOINTS
$endpoints
ENDPOINTS
done <<PREFIXES
$(project_prefixes)
PREFIXES

if [ -n "$managed" ]; then
    printf 'Idle for %s days, but CloudFormation manages them (not deleted here):\n%s' "$days" "$managed"
fi
if [ -z "$idle" ]; then
    printf 'no other dev endpoint has been idle for more than %s days\n' "$days"
    exit 0
fi
printf 'Dev endpoints not invoked for %s days:\n' "$days"
printf '%s' "$idle" | sed 's/^/  /'
if [ "$assume_yes" -eq 0 ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    printf "Type 'delete' to delete them: "
    read -r answer || answer=""
    [ "$answer" = "delete" ] || smgen_die "not confirmed; nothing was deleted"
fi
while read -r name; do
    [ -n "$name" ] || continue
    smgen_change sagemaker delete-endpoint --endpoint-name "$name"
done <<IDLE
$idle
IDLE
