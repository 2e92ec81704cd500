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
cannot be deleted); before a stack with IAM users goes, the users' MFA devices, access
keys, passwords, certificates, SSH keys and service credentials are (IAM deletes no user
that has them). Prints what it deletes and what it keeps, then asks, unless --yes.

The users' work is kept: the stacks that hold Studio spaces (a space's storage holds its
owner's notebooks) stay, with the stacks they need; the project buckets, image
repositories, model package groups and the SageMaker domain (with the home directories on
its EFS volume) are retained when their stacks go. With --delete-data the stacks with
spaces go too, and, when all stacks go, after them the buckets are emptied (every object
version) and deleted, the repositories deleted with their images, the model package groups
with their packages, and the domain with its EFS volume; the plan printed first names each.

  --only STACK       delete just this stack (repeatable)
  --stale            delete the deployed stacks with this platform's prefix that this
                     output no longer has (a deleted project, team or people stack)
  --delete-data      also delete the users' work named above
  --yes              do not ask for confirmation
  --dry-run          print the exact commands; call nothing
  --region REGION    must be this environment's region
  --profile PROFILE  aws CLI profile to use
  -h, --help         this help

An AWS error other than "not found" stops it at once: nothing is deleted after it.
USAGE
}

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

# The stacks in deploy order (deleted in reverse): stack | the stacks it needs (comma-separated).
stacks() {
    cat <<'STACKS'
{{stack_records}}
STACKS
}

# Stack | a Studio space it holds
spaces() {
    cat <<'SPACES'
{{space_records}}
SPACES
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
# The most rounds of 1,000 object versions deleted from one bucket.
MAX_DELETE_ROUNDS=100000

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

# kept_stacks TARGETS: of the TARGETS (stack names, one a line), those kept without
# --delete-data: the people stacks (they hold the Studio spaces) and every target they need,
# one a line. A stack this output does not list needs its project and team stacks, by name.
kept_stacks() {
    stacks | awk -F'|' -v prefix="$SMGEN_PREFIX-" -v targets="$1" '
        function keep(name,    count, needs, d, rest, other, kind, tail) {
            if (name in kept) return
            kept[name] = 1
            if (name in deps) {
                count = split(deps[name], needs, ",")
                for (d = 1; d <= count; d++) if (needs[d] in is_target) keep(needs[d])
                return
            }
            rest = substr(name, length(prefix) + 1)
            sub(/^[a-z]+-/, "", rest)
            for (other in is_target) {
                if (other in deps) continue
                kind = substr(other, length(prefix) + 1)
                tail = kind
                sub(/-.*/, "", kind)
                sub(/^[a-z]+-/, "", tail)
                if ((kind == "project" || kind == "team") && (rest == tail || index(rest, tail "-") == 1)) keep(other)
            }
        }
        { deps[$1] = $2 }
        END {
            n = split(targets, names, "\n")
            for (i = 1; i <= n; i++) if (names[i] != "") is_target[names[i]] = 1
            for (i = 1; i <= n; i++) if (index(names[i], prefix "people-") == 1) keep(names[i])
            for (i = 1; i <= n; i++) if (names[i] in kept) print names[i]
        }'
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
            stacks | cut -d'|' -f1 | grep -qxF -- "$2" \
                || smgen_die "no stack $2 here; the stacks are: $(stacks | cut -d'|' -f1 | tr '\n' ' ')"
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

if [ "$stale" -eq 1 ]; then
    smgen_check_identity reads
else
    smgen_check_identity changes
fi

if [ "$stale" -eq 1 ]; then
    smgen_platform_stacks
    targets="$(printf '%s\n' "$SMGEN_STACKS" | awk '{ print $1 }' | grep -vxF -f <(stacks | cut -d'|' -f1) | in_deletion_order || true)"
elif [ -n "$only" ]; then
    targets="$(stacks | cut -d'|' -f1 | grep -xF -f <(printf '%s' "$only") | sed -n '1!G;h;$p')"
else
    targets="$(stacks | cut -d'|' -f1 | sed -n '1!G;h;$p')"
fi
# A stack deleted alone must not be needed by a deployed stack that stays.
if [ -n "$only" ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    smgen_platform_stacks
    needing="$(stacks | awk -F'|' -v targets="$targets" -v deployed="$SMGEN_STACKS" '
        BEGIN {
            n = split(targets, t, "\n"); for (i = 1; i <= n; i++) target[t[i]] = 1
            m = split(deployed, d, "\n"); for (i = 1; i <= m; i++) { split(d[i], f, /[ \t]+/); live[f[1]] = 1 }
        }
        !($1 in target) && ($1 in live) {
            count = split($2, needs, ",")
            for (j = 1; j <= count; j++) if (needs[j] in target) print "  " $1 " needs " needs[j]
        }')"
    if [ -n "$needing" ]; then
        printf 'Deployed stacks need the stacks to delete (delete them first, or with --only too):\n%s\n' "$needing" >&2
        smgen_die "nothing was deleted"
    fi
fi
kept=""
if [ "$delete_data" -eq 0 ]; then
    kept="$(kept_stacks "$targets")"
    [ -z "$kept" ] || targets="$(printf '%s\n' "$targets" | grep -vxF -f <(printf '%s\n' "$kept") || true)"
fi
everything=0
[ -n "$only" ] || [ "$stale" -eq 1 ] || everything=1

# space_list STACK: the Studio spaces this output gives the stack, comma-separated.
space_list() {
    spaces | awk -F'|' -v stack="$1" '$1 == stack { list = list (list == "" ? "" : ", ") $2 } END { print list }'
}

if [ -n "$targets" ]; then
    printf 'This deletes, in this order, in account %s (%s):\n' "$SMGEN_ACCOUNT" "$SMGEN_REGION"
    while read -r name; do
        [ -n "$name" ] || continue
        case "$name" in
            "$SMGEN_PREFIX"-people-*)
                list="$(space_list "$name")"
                printf '  stack %s, with its Studio spaces and their storage (the notebooks in them)%s\n' "$name" "${list:+: $list}" ;;
            *) printf '  stack %s\n' "$name" ;;
        esac
    done <<TARGETS
$targets
TARGETS
fi
if [ "$delete_data" -eq 1 ] && [ "$everything" -eq 1 ]; then
    printf 'and then DELETES THE DATA:\n'
    buckets | sed 's/^/  bucket (every object version) /'
    repositories | sed '/^$/d; s/^/  image repository (every image) /'
    package_groups | sed '/^$/d; s/^/  model package group (every model package) /'
    printf '  SageMaker domain %s with its home directories (EFS volume)\n' "$DOMAIN_NAME"
fi
if [ -n "$kept" ] || { [ "$delete_data" -eq 0 ] && [ "$everything" -eq 1 ]; }; then
    printf 'It keeps (--delete-data deletes them too):\n'
    while read -r name; do
        [ -n "$name" ] || continue
        case "$name" in
            "$SMGEN_PREFIX"-people-*)
                list="$(space_list "$name")"
                printf '  stack %s: it holds Studio spaces%s, whose storage has the users'"'"' notebooks\n' "$name" "${list:+ ($list)}" ;;
            *) printf '  stack %s: a stack kept needs it\n' "$name" ;;
        esac
    done <<KEPT
$kept
KEPT
    if [ "$everything" -eq 1 ]; then
        printf '  the buckets, image repositories and model package groups, and the domain %s with\n  the home directories (retained when their stacks go)\n' "$DOMAIN_NAME"
    fi
fi
if [ -z "$targets" ]; then
    smgen_log "nothing to delete"
    exit 0
fi
if [ "$assume_yes" -eq 0 ] && [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    printf "Type 'delete' to go on: "
    read -r answer || answer=""
    [ "$answer" = "delete" ] || smgen_die "not confirmed; nothing was deleted"
fi

domain_id=""
if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
    smgen_domain_id
    domain_id="$SMGEN_DOMAIN_ID"
fi
while read -r name; do
    [ -n "$name" ] || continue
    status="dry run"
    if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
        smgen_stack_status "$name"
        status="$SMGEN_STATUS"
    fi
    if [ "$status" = "NONE" ]; then
        smgen_log "==> $name: not deployed"
        continue
    fi
    smgen_log "==> deleting $name ($status)"
    if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
        case "$name" in
            "$SMGEN_PREFIX"-people-*) smgen_release_spaces "$name" "" ;;
            "$SMGEN_PREFIX"-users-*) smgen_release_users "$name" "" ;;
        esac
    fi
    smgen_change cloudformation delete-stack --stack-name "$name"
    if ! smgen_change cloudformation wait stack-delete-complete --stack-name "$name"; then
        smgen_log "deleting $name failed. Its latest failed events:"
        smgen_failure_reason "$name" >&2
        smgen_die "$name: delete failed; the stacks after it were not deleted"
    fi
done <<TARGETS
$targets
TARGETS
smgen_finish_leaving

if [ "$delete_data" -eq 1 ] && [ "$everything" -eq 1 ]; then
    while read -r bucket; do
        [ -n "$bucket" ] || continue
        if [ "$SMGEN_DRY_RUN" -eq 0 ] && ! smgen_read s3api head-bucket --bucket "$bucket"; then
            smgen_log "==> bucket $bucket: not there"
            continue
        fi
        smgen_log "==> emptying and deleting bucket $bucket"
        rounds=0
        previous=""
        while [ "$SMGEN_DRY_RUN" -eq 0 ]; do
            # One page of at most 1,000 versions and delete markers in all, as delete-objects takes.
            smgen_read s3api list-object-versions --bucket "$bucket" --no-paginate --max-keys 1000 \
                --query '{Objects: [Versions[].{Key: Key, VersionId: VersionId}, DeleteMarkers[].{Key: Key, VersionId: VersionId}][] }' \
                --output json || break
            batch="$SMGEN_OUT"
            case "$batch" in
                *'"Key"'*) ;;
                *) break ;;
            esac
            [ "$batch" != "$previous" ] || smgen_die "bucket $bucket: the same object versions are listed again after they were deleted; stopped"
            rounds=$((rounds + 1))
            [ "$rounds" -le "$MAX_DELETE_ROUNDS" ] || smgen_die "bucket $bucket: still not empty after $MAX_DELETE_ROUNDS rounds of 1,000 versions; stopped"
            previous="$batch"
            printf '%s\n' "$batch" >"$SMGEN_WORK/batch.json"
            smgen_log "deleting $(grep -c '"Key"' "$SMGEN_WORK/batch.json") object versions of bucket $bucket"
            errors="$(smgen_change s3api delete-objects --bucket "$bucket" --delete "file://$SMGEN_WORK/batch.json" \
                --query 'Errors[].[Key, VersionId, Code]' --output text)"
            if [ -n "$errors" ] && [ "$errors" != "None" ]; then
                smgen_log "bucket $bucket: these object versions could not be deleted (object lock, legal hold or permissions):"
                printf '%s\n' "$errors" | sed 's/^/    /' >&2
                smgen_die "bucket $bucket: not emptied; nothing more was deleted"
            fi
        done
        smgen_change s3api delete-bucket --bucket "$bucket"
    done <<BUCKETS
$(buckets)
BUCKETS
    while read -r repository; do
        [ -n "$repository" ] || continue
        if [ "$SMGEN_DRY_RUN" -eq 0 ] && ! smgen_read ecr describe-repositories --repository-names "$repository" \
            --query 'repositories[0].repositoryName' --output text; then
            smgen_log "==> image repository $repository: not there"
            continue
        fi
        smgen_log "==> deleting image repository $repository"
        smgen_change ecr delete-repository --repository-name "$repository" --force >/dev/null
    done <<REPOSITORIES
$(repositories)
REPOSITORIES
    while read -r group; do
        [ -n "$group" ] || continue
        if [ "$SMGEN_DRY_RUN" -eq 0 ] && ! smgen_read sagemaker describe-model-package-group \
            --model-package-group-name "$group" --query ModelPackageGroupName --output text; then
            smgen_log "==> model package group $group: not there"
            continue
        fi
        smgen_log "==> deleting model package group $group"
        if [ "$SMGEN_DRY_RUN" -eq 0 ]; then
            smgen_read sagemaker list-model-packages --model-package-group-name "$group" \
                --query 'ModelPackageSummaryList[].ModelPackageArn' --output text || SMGEN_OUT=""
            for package in $SMGEN_OUT; do
                [ "$package" = "None" ] || smgen_change sagemaker delete-model-package --model-package-name "$package"
            done
        fi
        smgen_change sagemaker delete-model-package-group --model-package-group-name "$group"
    done <<GROUPS
$(package_groups)
GROUPS
    if [ "$SMGEN_DRY_RUN" -eq 1 ]; then
        domain_id="<id of domain $DOMAIN_NAME>"
    elif [ -z "$domain_id" ]; then
        smgen_read sagemaker list-domains --query "Domains[?DomainName=='$DOMAIN_NAME'].DomainId" --output text || SMGEN_OUT=""
        [ "$SMGEN_OUT" = "None" ] || domain_id="$SMGEN_OUT"
    fi
    if [ -n "$domain_id" ]; then
        smgen_log "==> deleting domain $DOMAIN_NAME ($domain_id) and its EFS volume"
        smgen_change sagemaker delete-domain --domain-id "$domain_id" --retention-policy HomeEfsFileSystem=Delete
    else
        smgen_log "==> domain $DOMAIN_NAME: not there"
    fi
fi
smgen_log "done"
