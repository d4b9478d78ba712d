#!/usr/bin/env bash
# Go back to the release before the current one (or to a named one), in one step.
#
#   deploy/rollback.sh TARGET [RELEASE]
#
# TARGET as for deploy/deploy.sh (user@host:/srv/yinglie or /srv/yinglie). Without
# RELEASE, `current` is switched to the newest release older than the one it points
# to. The releases themselves are left as they are: deploying again, or
# `deploy/rollback.sh TARGET <newer release>`, goes forward again.
set -euo pipefail

target=${1:?"usage: deploy/rollback.sh TARGET [RELEASE]"}
wanted=${2:-}
ssh_command=${DEPLOY_SSH:-ssh}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=deploy/target.sh
source "$here/target.sh"

say() { printf '%s\n' "$@" >&2; }

split_target "$target"
current=$(current_release)
mapfile -t releases < <(list_releases)

if [[ -z "$wanted" ]]; then
  for name in "${releases[@]}"; do
    [[ "$name" < "$current" ]] && wanted=$name
  done
  if [[ -z "$wanted" ]]; then
    say "没有更早的版本可回退（当前：${current:-无}）。/ No earlier release to go back to (current: ${current:-none})."
    exit 1
  fi
elif [[ ! " ${releases[*]} " == *" $wanted "* ]]; then
  say "没有名为 $wanted 的版本。现有版本 / no release $wanted; the releases are:" "${releases[@]}"
  exit 1
fi

switch_current "$wanted"
say "已回退 / rolled back: $target/current -> releases/$wanted (was ${current:-none})"
