"""Publishing: deploy/deploy.sh and deploy/rollback.sh against a local folder (and
over a stand-in for ssh), and the nginx example served by a real nginx when one is
installed (.ci/run installs it).

The deploys publish the demo site built for a real-looking address; the placeholder
address (mkdocs.yml's example.gov.cn) is refused.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SUB_PATH_URL

DEPLOY = ROOT / "deploy" / "deploy.sh"
ROLLBACK = ROOT / "deploy" / "rollback.sh"
NGINX_EXAMPLE = ROOT / "deploy" / "nginx.conf.example"
PUBLISHED_URL = "https://www.jiangjin.test/zt/yinglie/"

# A stand-in for ssh: drops its options, then runs the remote command here, as sshd
# would on the web server (rsync runs its server end through it too).
FAKE_SSH = """#!/usr/bin/env bash
while [[ "$1" == -* ]]; do
  case "$1" in -i|-o|-p|-l) shift 2 ;; *) shift ;; esac
done
echo "$1" >> "$(dirname "$0")/hosts"
shift
exec bash -c "$*"
"""


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The demo site, built for an address that is not the placeholder."""
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("deploy") / "project")
    built = project.build(env={"SITE_URL": PUBLISHED_URL})
    assert built.returncode == 0, built.stderr
    return project.site


def deploy(target, site, release, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(DEPLOY), str(target), str(site)], capture_output=True, text=True,
                          env={**os.environ, "RELEASE": release, **env})


def rollback(target, *release, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROLLBACK), str(target), *release], capture_output=True, text=True,
                          env={**os.environ, **env})


def same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(same_tree(a / name, b / name) for name in compared.common_dirs)


def test_deploy_publishes_releases_and_switches_current(published_site, tmp_path):
    target = tmp_path / "www"
    first = deploy(target, published_site, "20260101T000000Z-aaaa")
    assert first.returncode == 0, first.stderr
    assert os.readlink(target / "current") == "releases/20260101T000000Z-aaaa"
    assert same_tree(published_site, target / "current")

    changed = tmp_path / "changed"
    shutil.copytree(published_site, changed)
    (changed / "about" / "index.html").write_text("新的一版", encoding="utf-8")
    second = deploy(target, changed, "20260102T000000Z-bbbb")
    assert second.returncode == 0, second.stderr
    assert os.readlink(target / "current") == "releases/20260102T000000Z-bbbb"
    assert (target / "current" / "about" / "index.html").read_text(encoding="utf-8") == "新的一版"
    # Unchanged files are hard links to the release before; the changed one is not.
    old, new = target / "releases" / "20260101T000000Z-aaaa", target / "releases" / "20260102T000000Z-bbbb"
    assert (old / "index.html").stat().st_ino == (new / "index.html").stat().st_ino
    assert (old / "about/index.html").stat().st_ino != (new / "about/index.html").stat().st_ino
    # The switch renames a new link over the old one: nothing is left beside it.
    assert sorted(p.name for p in target.iterdir()) == ["current", "releases"]
    assert "已发布 / published" in second.stderr


def test_rollback_goes_back_one_release_and_forward_by_name(published_site, tmp_path):
    target = tmp_path / "www"
    for release in ("20260101T000000Z-a", "20260102T000000Z-b", "20260103T000000Z-c"):
        assert deploy(target, published_site, release).returncode == 0
    back = rollback(target)
    assert back.returncode == 0, back.stderr
    assert os.readlink(target / "current") == "releases/20260102T000000Z-b"
    assert "已回退 / rolled back" in back.stderr
    assert rollback(target).returncode == 0
    assert os.readlink(target / "current") == "releases/20260101T000000Z-a"
    none_left = rollback(target)
    assert none_left.returncode == 1
    assert "没有更早的版本可回退" in none_left.stderr
    assert os.readlink(target / "current") == "releases/20260101T000000Z-a"
    forward = rollback(target, "20260103T000000Z-c")
    assert forward.returncode == 0
    assert os.readlink(target / "current") == "releases/20260103T000000Z-c"
    unknown = rollback(target, "no-such-release")
    assert unknown.returncode == 1 and "没有名为 no-such-release 的版本" in unknown.stderr


def test_deploy_keeps_the_newest_releases_and_never_the_current_one_away(published_site, tmp_path):
    target = tmp_path / "www"
    for day in range(1, 6):
        assert deploy(target, published_site, f"2026010{day}T000000Z-x", KEEP_RELEASES="3").returncode == 0
    assert sorted(p.name for p in (target / "releases").iterdir()) == [
        "20260103T000000Z-x", "20260104T000000Z-x", "20260105T000000Z-x"]
    refused = deploy(target, published_site, "20260106T000000Z-x", KEEP_RELEASES="1")
    assert refused.returncode == 1 and "KEEP_RELEASES" in refused.stderr


def test_deploy_over_ssh_uses_the_ssh_command_given(published_site, tmp_path):
    fake = tmp_path / "bin" / "fake-ssh"
    fake.parent.mkdir()
    fake.write_text(FAKE_SSH, encoding="utf-8")
    fake.chmod(0o755)
    web = tmp_path / "webserver"
    ssh = f"{fake} -i /nonexistent/key -o StrictHostKeyChecking=yes"
    result = deploy(f"deploy@web.jiangjin.test:{web}", published_site, "20260101T000000Z-r", DEPLOY_SSH=ssh)
    assert result.returncode == 0, result.stderr
    assert os.readlink(web / "current") == "releases/20260101T000000Z-r"
    assert same_tree(published_site, web / "current")
    # Every command and the copy went through it (rsync passes the user as `-l deploy`).
    hosts = (fake.parent / "hosts").read_text(encoding="utf-8").split()
    assert len(hosts) >= 4 and {host.split("@")[-1] for host in hosts} == {"web.jiangjin.test"}
    assert rollback(f"deploy@web.jiangjin.test:{web}", DEPLOY_SSH=ssh).returncode == 1  # nothing earlier


def test_deploy_refuses_a_site_built_for_the_placeholder_address(demo_site, tmp_path):
    assert "example.gov.cn" in SUB_PATH_URL  # mkdocs.yml's own placeholder
    target = tmp_path / "www"
    result = deploy(target, demo_site, "20260101T000000Z-p")
    assert result.returncode == 1
    assert "拒绝发布：网站地址（site_url）仍是示例地址“https://www.example.gov.cn/zt/yinglie/”" in result.stderr
    assert 'Refusing to deploy: site_url is still the placeholder "https://www.example.gov.cn/zt/yinglie/"' \
        in result.stderr
    assert not target.exists()


def test_deploy_refuses_a_folder_without_a_built_site(tmp_path):
    result = deploy(tmp_path / "www", tmp_path / "nothing", "r")
    assert result.returncode == 1
    assert "请先运行 make build" in result.stderr and "run make build first" in result.stderr


def test_the_nginx_example_sends_the_sites_policy():
    policy = subprocess.run([sys.executable, "-m", "yinglie.csp"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")}, check=True).stdout.strip()
    example = NGINX_EXAMPLE.read_text(encoding="utf-8")
    # With the pages and with Material's search worker (the served headers: the test below).
    assert example.count(f'"{policy}";') == 2
    assert "add_header Content-Security-Policy $yinglie_csp always;" in example
    assert "location /zt/yinglie/" in example and "alias /srv/yinglie/current/;" in example


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _nginx() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


@pytest.mark.skipif(_nginx() is None, reason="nginx is not installed (.ci/run installs it)")
def test_nginx_serves_a_deployed_release_with_the_examples_headers(published_site, tmp_path):
    target = tmp_path / "www"
    assert deploy(target, published_site, "20260101T000000Z-n").returncode == 0
    port = _free_port()
    server = NGINX_EXAMPLE.read_text(encoding="utf-8").replace("listen 80;", f"listen 127.0.0.1:{port};") \
        .replace("/srv/yinglie/current/", f"{target}/current/")
    temp = tmp_path / "nginx"
    temp.mkdir()
    # As root, nginx's workers would run as nobody, who cannot read pytest's folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (temp / "nginx.conf").write_text(f"""
        {user}
        pid {temp}/nginx.pid;
        error_log {temp}/error.log;
        events {{}}
        http {{
            access_log off;
            client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp};
            uwsgi_temp_path {temp}; scgi_temp_path {temp};
            include /etc/nginx/mime.types;
            {server}
        }}
        """, encoding="utf-8")
    subprocess.run([_nginx(), "-c", str(temp / "nginx.conf"), "-p", str(temp)], check=True)
    try:
        base = f"http://127.0.0.1:{port}/zt/yinglie/"
        for _ in range(50):
            try:
                urllib.request.urlopen(base, timeout=2)
                break
            except OSError:
                time.sleep(0.1)

        def get(path: str, **headers):
            try:
                return urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=5)
            except urllib.error.HTTPError as error:
                return error

        page = get("", **{"Accept-Encoding": "gzip"})
        assert page.status == 200
        assert page.headers["Content-Encoding"] == "gzip"
        assert page.headers["Cache-Control"] == "no-cache"
        assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        # The policy headers go with pages, where they act, and with the search worker
        # (a worker runs under its own script's policy); not with every other file.
        worker = next((target / "current" / "assets" / "javascripts" / "workers").glob("search.*.js"))
        worker_headers = get(str(worker.relative_to(target / "current"))).headers
        assert worker_headers["Content-Security-Policy"] == page.headers["Content-Security-Policy"]
        calendar = get("events/calendar.ics")
        assert calendar.headers["Content-Type"] == "text/calendar; charset=utf-8"
        # Our own stylesheets and scripts keep their names from release to release: asked
        # for every time, so that a new page never meets last week's script. Material's
        # carry a hash of their content: kept for a year. Images for a week.
        for own in ("assets/memorial.css", "assets/head.js", "assets/on-this-day.js"):
            asset = get(own)
            assert asset.status == 200 and asset.headers["Cache-Control"] == "no-cache", own
            assert asset.headers["X-Content-Type-Options"] == "nosniff"
            assert asset.headers["Content-Security-Policy"] is None and asset.headers["Referrer-Policy"] is None
        hashed = next((target / "current" / "assets" / "stylesheets").glob("main.*.min.css"))
        asset = get(str(hashed.relative_to(target / "current")))
        assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert asset.headers["Content-Security-Policy"] is None
        qr = next((target / "current" / "martyrs").glob("*/qr.svg"))
        assert get(str(qr.relative_to(target / "current"))).headers["Cache-Control"] == "public, max-age=604800"
        missing = get("no-such-page/")
        assert missing.status == 404
        assert missing.headers["Content-Security-Policy"]  # `always`: the 404 page too
        # After a rollback nginx serves the other release at once.
        changed = tmp_path / "changed"
        shutil.copytree(published_site, changed)
        (changed / "robots-test.txt").write_text("second", encoding="utf-8")
        assert deploy(target, changed, "20260102T000000Z-n").returncode == 0
        assert get("robots-test.txt").read() == b"second"
        assert rollback(target).returncode == 0
        assert get("robots-test.txt").status == 404
    finally:
        subprocess.run([_nginx(), "-c", str(temp / "nginx.conf"), "-p", str(temp), "-s", "stop"])
