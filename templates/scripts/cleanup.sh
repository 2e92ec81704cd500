#!/usr/bin/env bash
{{header}}
#
# Deletes the stacks of environment {{environment}} (account {{account}}, {{region}}) in
# reverse deploy order. Keeps the data unless --delete-data. Bash 3.2 (macOS) or later.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: cleanup.sh [--only STACK]... [--stale] [--delete-data] [--yes] [--dry-run]
                  [--region REGION] [--profile PROFILE]

Deletes the stacks in reverse deploy order and waits for each. Before a stack with Studio
spaces goes, the apps in its spaces are deleted (a space or profile with running apps
cannot be deleted). Asks before deleting anything, unless --yes.

Data is kept: the project buckets, image repositories, model package groups and the
SageMaker domain (with the home directories on its EFS volume) are retained when their
stacks go. With --delete-data, after the stacks, the buckets are emptied (every object
version) and deleted, the repositories deleted with their images, the model package groups
with their packages, and the domain with its EFS volume; the plan printed first names each.

  --only STACK       delete just this stack (repeatable)
  --stale            delete the deployed stacks with this platform's prefix that this
                     output no longer has (a deleted project, team or people stack)
  --delete-data      also delete the data named above (only with all stacks)
  --yes              do not ask for confirmation
  --dry-run          print the exact commands; call nothing
  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

# The stacks in deploy order (deleted in reverse).
stacks() {
    cat <<'STACKS'
{{stack_names}}
STACKS
}

# The data kept unless --delete-data: buckets, and the domain.
buckets() {
    cat <<'BUCKETS'
{{bucket_names}}
BUCKETS
}
# Image repositories and model package groups, kept unless --delete-data.
repositories() {
    cat <<'REPOSITORIES'
{{repository_names}}
REPOSITORIES
}
package_groups() {
    cat <<'GROUPS'
{{package_group_names}}
GROUPS
}
DOMAIN_NAME='{{domain}}'

# Orders stacks of this platform that this output does not list (so their dependencies are
# unknown) as the planner would: people and access stacks before project stacks before team stacks.
in_deletion_order() {
    local all kind
    all="$(cat)"
    for kind in people access project team; do
        printf '%s\n' "$all" | grep -- "^$SMGEN_PREFIX-$kind-" || true
    done
    printf '%s\n' "$all" | grep -v -e "^$SMGEN_PREFIX-people-" -e "^$SMGEN_PREFIX-access-" -e "^$SMGEN_PREFIX-project-" -e "^$SMGEN_PREFIX-team-" || true
}

only=""
stale=0
delete_data=0
assume_yes=0
smgen_parse_common 1 "$@"
set -- ${SMGEN_ARGS[@]+"${SMGEN_ARGS[@]}"}
while [ "$#" -gt 0 ]; do
    case "$1" in
        --only)
            [ "$#" -ge 2 ] || smgen_die "--only needs a stack name"
            stacks | grep -qxF -- "$2" || smgen_die "no stack $2 here; the stacks are: $(stacks | tr '\n' ' ')"
            only="$only$2
"
            shift 2 ;;
        --stale) stale=1; shift ;;
        --delete-data) delete_data=1; shift ;;
        --yes) assume_yes=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; smgen_die "unknown option $1" ;;
    esac
done
if [ "$delete_data" -eq 1 ] && { [ -n "$only" ] || [ "$stale" -eq 1 ]; }; then
    smgen_die "--delete-data deletes the data of the whole environment; use it without --only and --stale"
fi

smgen_check_identity

if [ "$stale" -eq 1 ]; then
    targets="$(smgen_platform_stacks | grep -vxF -f <(stacks) | in_deletion_order || true)"
elif [ -n "$only" ]; then
    targets="$(printf '%s' "$only" | sed -n '1!G;h;$p')"
else
    targets="$(stacks | sed -n '1!G;h;$p')"
fi
if [ -z "$targets" ]; then
    smgen_log "nothing to delete"
    exit 0
fi

printf 'This deletes, in this order, in account %s (%s):\n' "$SMGEN_ACCOUNT" "$SMGEN_REGION"
printf '%s\n' "$targets" | sed 's/^/  stack /'
if [ "$delete_data" -eq 1 ]; then
    printf 'and then DELETES THE DATA:\n'
    buckets | sed 's/^/  bucket (every object version) /'
    repositories | sed '/^$/d; s/^/  image repository (every image) /'
    package_groups | sed '/^$/d; s/^/  model package group (every model package) /'
    printf '  SageMaker domain %s with its home directories (EFS volume)\n' "$DOMAIN_NAME"
else
    printf 'Kept (retained, delete by hand or with --delete-data): the buckets, image repositories,\nmodel package groups and the domain %s.\n' "$DOMAIN_NAME"
fi
if [ "$assume_yes" -eq 0 ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    printf "Type 'delete' to go on: "
    read -r answer || answer=""
    [ "$answer" = "delete" ] || smgen_die "not confirmed; nothing was deleted"
fi

domain_id=""
if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    domain_id="$(smgen_domain_id)"
fi
while read -r name; do
    [ -n "$name" ] || continue
    status="dry run"
    if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
        status="$(smgen_stack_status "$name")"
    fi
    if [ "$status" = "NONE" ]; then
        smgen_log "==> $name: not deployed"
        continue
    fi
    smgen_log "==> deleting $name ($status)"
    case "$name" in
        "$SMGEN_PREFIX"-people-*) [ "$SMGEN_DRY_RUN" -eq 1 ] || smgen_release_spaces "$name" "" ;;
    esac
    smgen_change cloudformation delete-stack --stack-name "$name"
    if ! smgen_change cloudformation wait stack-delete-complete --stack-name "$name"; then
        smgen_log "deleting $name failed. Its latest failed events:"
        smgen_failure_reason "$name" >&2
        smgen_die "$name: delete failed; the stacks after it were not deleted"
    fi
done <<TARGETS
$targets
TARGETS

if [ "$delete_data" -eq 1 ]; then
    while read -r bucket; do
        if [ "$SMGEN_DRY_RUN" -eq 0 ] && ! smgen_aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
            smgen_log "==> bucket $bucket: not there"
            continue
        fi
        smgen_log "==> emptying and deleting bucket $bucket"
        while [ "$SMGEN_DRY_RUN" -eq 0 ]; do
            batch="$(smgen_aws s3api list-object-versions --bucket "$bucket" --max-items 1000 \
                --query '{Objects: [Versions[].{Key: Key, VersionId: VersionId}, DeleteMarkers[].{Key: Key, VersionId: VersionId}][] }' \
                --output json)"
            case "$batch" in
                *'"Key"'*) smgen_change s3api delete-objects --bucket "$bucket" --delete "$batch" >/dev/null ;;
                *) break ;;
            esac
        done
        smgen_change s3api delete-bucket --bucket "$bucket"
    done <<BUCKETS
$(buckets)
BUCKETS
    while read -r repository; do
        [ -n "$repository" ] || continue
        smgen_log "==> deleting image repository $repository"
        smgen_change ecr delete-repository --repository-name "$repository" --force >/dev/null || smgen_log "(not there)"
    done <<REPOSITORIES
$(repositories)
REPOSITORIES
    while read -r group; do
        [ -n "$group" ] || continue
        smgen_log "==> deleting model package group $group"
        if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
            for package in $(smgen_aws sagemaker list-model-packages --model-package-group-name "$group" \
                --query 'ModelPackageSummaryList[].ModelPackageArn' --output text 2>/dev/null || true); do
                smgen_change sagemaker delete-model-package --model-package-name "$package"
            done
        fi
        smgen_change sagemaker delete-model-package-group --model-package-group-name "$group" || smgen_log "(not there)"
    done <<GROUPS
$(package_groups)
GROUPS
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        domain_id="<id of domain $DOMAIN_NAME>"
    elif [ -z "$domain_id" ] || [ "$domain_id" = "None" ]; then
        domain_id="$(smgen_aws sagemaker list-domains --query "Domains[?DomainName=='$DOMAIN_NAME'].DomainId" --output text 2>/dev/null || true)"
    fi
    if [ -n "$domain_id" ] && [ "$domain_id" != "None" ]; then
        smgen_log "==> deleting domain $DOMAIN_NAME ($domain_id) and its EFS volume"
        smgen_change sagemaker delete-domain --domain-id "$domain_id" --retention-policy HomeEfsFileSystem=Delete
    else
        smgen_log "==> domain $DOMAIN_NAME: not there"
    fi
fi
smgen_log "done"
