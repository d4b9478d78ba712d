#!/usr/bin/env bash
# Publish the built site as a new release on the web server, then switch to it at once.
#
#   deploy/deploy.sh TARGET [SITE_DIR]
#
# TARGET  where the releases live: user@host:/srv/yinglie (over SSH) or /srv/yinglie
#         (a folder on this machine). The web server serves TARGET/current (see
#         deploy/nginx.conf.example).
# SITE_DIR  the built site (default: site, as `make build` leaves it).
#
# 1. Refuses a site built for the placeholder address (site_url on example.gov.cn).
# 2. rsync copies SITE_DIR into TARGET/releases/<UTC time>-<commit>/ (files unchanged
#    since the release before are hard links to it, so a release costs little room).
# 3. TARGET/current, a symlink, is switched to the new release in one step (a new
#    link renamed over the old one: a visitor sees the old site or the new, never a mix).
# 4. Only the newest KEEP_RELEASES releases are kept (default 5, at least 2, so that
#    deploy/rollback.sh always has one to go back to).
#
# Settings (environment): KEEP_RELEASES; DEPLOY_SSH, the ssh command with its options
# (default "ssh"; CI passes the key and the known host key); RELEASE, the release's
# name (default: time and commit).
set -euo pipefail

target=${1:?"usage: deploy/deploy.sh TARGET [SITE_DIR]  (TARGET: user@host:/path or /path)"}
site=${2:-site}
keep=${KEEP_RELEASES:-5}
ssh_command=${DEPLOY_SSH:-ssh}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=deploy/target.sh
source "$here/target.sh"

say() { printf '%s\n' "$@" >&2; }

if [[ ! -f "$site/index.html" ]]; then
  say "没有可发布的网站：$site/index.html 不存在，请先运行 make build。" \
      "Nothing to publish: $site/index.html does not exist; run make build first."
  exit 1
fi

# The address the site was built for: the first page of its sitemap.
address=$(sed -n 's|.*<loc>\([^<]*\)</loc>.*|\1|p' "$site/sitemap.xml" 2>/dev/null | head -n 1)
host=$(printf '%s' "$address" | sed -n 's|^[a-z]*://\([^/:]*\).*|\1|p')
if [[ -z "$host" || "$host" == example.gov.cn || "$host" == *.example.gov.cn ]]; then
  say "拒绝发布：网站地址（site_url）仍是示例地址“${address:-未设置}”。" \
      "请在 mkdocs.yml 中把 site_url 改为本单位网站的真实地址（或设置 SITE_URL 环境变量），重新 make build 后再发布。" \
      "Refusing to deploy: site_url is still the placeholder \"${address:-not set}\"." \
      "Set site_url in mkdocs.yml (or the SITE_URL environment variable) to the site's real address, run make build, then deploy."
  exit 1
fi

if ! [[ "$keep" =~ ^[0-9]+$ ]] || (( keep < 2 )); then
  say "KEEP_RELEASES 至少为 2（保留上一版以便回退）。/ KEEP_RELEASES must be at least 2 (one to roll back to)."
  exit 1
fi

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
release=${RELEASE:-$(date -u +%Y%m%dT%H%M%SZ)-$commit}
if ! [[ "$release" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
  say "发布名称无效 / invalid release name: $release"
  exit 1
fi

split_target "$target"
on_target "mkdir -p $(quote "$root/releases")"
# Hard links to the release `current` points to, for the files that did not change.
previous=$(current_release)
link_dest=()
[[ -n "$previous" ]] && link_dest=(--link-dest="../$previous")

say "发布 / publishing $site -> $target/releases/$release"
rsync -a --delete --chmod=D755,F644 "${link_dest[@]}" -e "$ssh_command" \
  "$site/" "$(rsync_path "releases/$release/")"
switch_current "$release"
prune_releases "$keep"
say "已发布 / published: $target/current -> releases/$release"
