# The web server's release folder, on this machine or over SSH: what deploy.sh and
# rollback.sh share. Sourced, not run. Layout of the target:
#
#   <root>/releases/<UTC time>-<commit>/   one folder per published build
#   <root>/current -> releases/<name>      what the web server serves
#
# The link is relative, so the folder may be mounted anywhere.

# split_target TARGET: sets `remote` (user@host, empty for a local folder) and `root`.
# A target is remote when a ":" comes before the first "/" (as rsync and scp read it).
split_target() {
  local target=$1
  if [[ "$target" =~ ^([^/:]+):(.+)$ ]]; then
    remote=${BASH_REMATCH[1]}
    root=${BASH_REMATCH[2]}
  else
    remote=""
    root=$target
  fi
}

quote() { printf '%q' "$1"; }

# on_target COMMAND: run a shell command where the releases are.
on_target() {
  if [[ -n "$remote" ]]; then
    $ssh_command "$remote" "$1"
  else
    bash -c "$1"
  fi
}

# rsync_path RELATIVE: the rsync destination for a path under the root.
rsync_path() {
  if [[ -n "$remote" ]]; then
    printf '%s:%s/%s' "$remote" "$root" "$1"
  else
    printf '%s/%s' "$root" "$1"
  fi
}

# switch_current RELEASE: point `current` at releases/RELEASE in one step: a new link
# is made beside it, then renamed over it (rename is atomic; `ln -sfn` is not).
switch_current() {
  local release=$1
  on_target "cd $(quote "$root") && test -d $(quote "releases/$release") \
    && ln -s $(quote "releases/$release") .current.new.\$\$ && mv -T .current.new.\$\$ current"
}

# list_releases: the release names, oldest first (the names begin with their time).
list_releases() {
  on_target "cd $(quote "$root/releases") && ls -1" | LC_ALL=C sort
}

# current_release: the name of the release `current` points to, or nothing.
current_release() {
  local link
  link=$(on_target "cd $(quote "$root") && readlink current 2>/dev/null || true")
  [[ -n "$link" ]] && basename "$link"
  return 0
}

# prune_releases KEEP: remove all but the newest KEEP releases, never the current one.
prune_releases() {
  local keep=$1 current old
  current=$(current_release)
  mapfile -t old < <(list_releases | head -n "-$keep")
  for name in "${old[@]}"; do
    [[ "$name" == "$current" || -z "$name" ]] && continue
    on_target "rm -rf -- $(quote "$root/releases/$name")"
  done
}
