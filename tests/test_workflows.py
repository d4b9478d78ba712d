"""The pull-request workflow (.gitea/workflows/site.yml, .github/workflows/site.yml).

Its `run:` steps are taken from the file and run here, in order, in a copy of the
project, as a runner would run them: make check (with the run's summary file), make
build, the link check, and the deploy step over a stand-in for ssh. Its `uses:`
steps are the git host's copies of three actions, and nothing in it names another host.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, Project, copy_project

GITEA = ROOT / ".gitea" / "workflows" / "site.yml"
GITHUB = ROOT / ".github" / "workflows" / "site.yml"
# The actions the workflow uses: the git host keeps copies of them (README).
ALLOWED_ACTIONS = {"actions/checkout", "actions/cache", "actions/upload-artifact"}
PUBLISHED_URL = "https://www.jiangjin.test/zt/yinglie/"
MIRROR = "https://pypi.mirror.jiangjin.test/simple"
FAKE_SSH = (ROOT / "tests" / "test_deploy.py").read_text(encoding="utf-8").split('FAKE_SSH = """')[1].split('"""')[0]


def workflow(path: Path = GITEA) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(path: Path = GITEA) -> list[dict]:
    (job,) = workflow(path)["jobs"].values()
    return job["steps"]


def step(name_part: str) -> dict:
    (found,) = [s for s in steps() if name_part in s["name"]]
    return found


def test_the_github_file_is_the_gitea_file_with_githubs_artifact_action():
    gitea = GITEA.read_text(encoding="utf-8")
    assert gitea.count("actions/upload-artifact@v3") == 1
    expected = gitea.replace("actions/upload-artifact@v3", "actions/upload-artifact@v4")
    assert GITHUB.read_text(encoding="utf-8") == expected, "run `make workflows`"


@pytest.mark.parametrize("path", [GITEA, GITHUB], ids=["gitea", "github"])
def test_the_workflow_uses_only_the_actions_the_git_host_keeps_and_names_no_host(path):
    for each in steps(path):
        if "uses" in each:
            name, _, version = each["uses"].partition("@")
            assert name in ALLOWED_ACTIONS and re.fullmatch(r"v\d+", version), each["uses"]
    text = path.read_text(encoding="utf-8")
    assert not re.findall(r"\b[a-z][a-z0-9+.-]*://", text)  # no URL: no docker://, no https://
    # Packages come from the mirror the repository's variables name, if any.
    assert "${{ vars.PIP_INDEX_URL }}" in text


def test_the_workflow_runs_on_pull_requests_and_deploys_only_from_main():
    triggers = workflow().get("on", workflow().get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"] == {"branches": ["main"]}
    runs = [s["run"].strip() for s in steps() if "run" in s]
    assert 'YINGLIE_SUMMARY="${GITHUB_STEP_SUMMARY:-}" make check' in runs
    assert step("make build")["run"].strip().endswith("\nmake build") and "make linkcheck-built" in runs
    assert step("preview")["with"]["path"] == "site/"
    assert set(step("cache")["with"]["path"].split()) == {".venv", ".cache"}
    assert step("deploy")["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert [s for s in steps() if "if" in s] == [step("deploy")]


# --- The steps, run -----------------------------------------------------------------------

class Runner:
    """Runs the workflow's `run:` steps in a project copy, with the files and variables
    a runner gives a step (GITHUB_ENV, GITHUB_STEP_SUMMARY, RUNNER_TEMP)."""

    def __init__(self, project: Project, tmp: Path, variables: dict, secrets: dict, path: str):
        self.project, self.tmp = project, tmp
        self.variables, self.secrets = variables, secrets
        self.summary, self.github_env = tmp / "summary.md", tmp / "github_env"
        self.summary.touch()
        self.github_env.touch()
        self.path = path

    def expression(self, value: str) -> str:
        def replace(match):
            scope, name = match.group(1), match.group(2)
            return {"vars": self.variables, "secrets": self.secrets}[scope].get(name, "")
        return re.sub(r"\$\{\{\s*(vars|secrets)\.(\w+)\s*\}\}", replace, str(value))

    def run(self, each: dict) -> subprocess.CompletedProcess:
        env = {
            **os.environ,
            "PATH": self.path,
            # The tests' interpreter, with the requirements installed already: no install.
            "MAKEFLAGS": f"PYTHON={sys.executable} READY=",
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_ENV": str(self.github_env),
            "RUNNER_TEMP": str(self.tmp),
            # What earlier steps wrote to GITHUB_ENV, as a runner passes it on.
            **dict(line.split("=", 1) for line in self.github_env.read_text(encoding="utf-8").splitlines() if line),
            **{key: self.expression(value) for key, value in each.get("env", {}).items()},
        }
        return subprocess.run(["bash", "-e", "-c", each["run"]], cwd=self.project.root, env=env,
                              capture_output=True, text=True)


def project_with_tools(tmp: Path) -> Project:
    """A project copy with what the workflow calls besides the records: the Makefile,
    the requirements, deploy/."""
    project = copy_project(tmp / "project")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / name, project.root / name)
    shutil.copytree(ROOT / "deploy", project.root / "deploy")
    return project


def fake_ssh_path(tmp: Path) -> str:
    """PATH with a stand-in `ssh` first: the deploy step calls `ssh` by name."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(FAKE_SSH, encoding="utf-8")
    (bin_dir / "ssh").chmod(0o755)
    return f"{bin_dir}{os.pathsep}{os.environ['PATH']}"


@pytest.fixture(scope="module")
def pushed_to_main(tmp_path_factory):
    """Every `run:` step of the workflow, in order, as on a push to main of a district
    whose site_url is its own address."""
    tmp = tmp_path_factory.mktemp("workflow")
    project = project_with_tools(tmp)
    settings = project.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "https://www.example.gov.cn/zt/yinglie/", PUBLISHED_URL), encoding="utf-8")
    web = tmp / "webserver"
    runner = Runner(project, tmp, {"PIP_INDEX_URL": MIRROR}, {
        "DEPLOY_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\ntest\n-----END OPENSSH PRIVATE KEY-----",
        "DEPLOY_KNOWN_HOSTS": "web.jiangjin.test ssh-ed25519 AAAAtest",
        "DEPLOY_HOST": "deploy@web.jiangjin.test",
        "DEPLOY_PATH": str(web),
    }, fake_ssh_path(tmp))
    results = {each["name"]: runner.run(each) for each in steps() if "run" in each}
    return project, runner, web, results


def test_every_run_step_passes_on_a_push_to_main(pushed_to_main):
    project, runner, web, results = pushed_to_main
    for name, result in results.items():
        assert result.returncode == 0, f"{name}:\n{result.stdout}\n{result.stderr}"
    assert (project.site / "index.html").is_file()  # what the preview artifact uploads


def test_the_mirror_step_passes_the_package_mirror_on(pushed_to_main):
    _, runner, _, _ = pushed_to_main
    assert runner.github_env.read_text(encoding="utf-8") == f"PIP_INDEX_URL={MIRROR}\n"


def test_the_check_step_writes_the_run_summary(pushed_to_main):
    _, runner, _, _ = pushed_to_main
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## ✅ 记录检查通过 / Records OK\n\n```text\n记录检查通过 / records OK\n")
    assert "烈士 / martyrs: 4" in summary


def test_the_deploy_step_publishes_over_ssh_with_the_secrets(pushed_to_main):
    project, runner, web, results = pushed_to_main
    assert os.readlink(web / "current").startswith("releases/")
    assert (web / "current" / "index.html").read_bytes() == (project.site / "index.html").read_bytes()
    # The key went to a file only the runner's user reads, and ssh was told to use it.
    key = runner.tmp / "deploy-key"
    assert key.read_text(encoding="utf-8").startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    assert key.stat().st_mode & 0o077 == 0


def test_the_deploy_step_does_nothing_without_a_target(pushed_to_main, tmp_path):
    project, runner, web, _ = pushed_to_main
    quiet = Runner(project, tmp_path, {}, {}, os.environ["PATH"])
    result = quiet.run(step("deploy"))
    assert result.returncode == 0
    assert "未设置发布目标（DEPLOY_HOST），不发布。" in result.stdout


def test_the_check_step_fails_and_lists_the_problems_in_the_summary(tmp_path):
    project = project_with_tools(tmp_path)
    project.write("martyrs/bad.yml", "name: 测试\nab```c: 1\n")  # an unknown field, named in its message
    runner = Runner(project, tmp_path, {}, {}, os.environ["PATH"])
    result = runner.run(step("make check"))
    assert result.returncode != 0
    assert "martyrs/bad.yml:1: sources: 缺少必填字段" in result.stderr
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## ❌ 记录有误，网站未生成 / Problems in the records\n\n````text\n")
    assert "martyrs/bad.yml:1: sources: 缺少必填字段" in summary and "ab```c" in summary
    assert summary.rstrip().endswith("````")  # a fence longer than any run of backticks inside


# --- What each make target installs ---------------------------------------------------------

def dry_run(target: str, tmp: Path) -> str:
    """The commands `make TARGET` would run in a fresh clone (no .venv yet)."""
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / name, tmp / name)
    return subprocess.run(["make", "-n", target], cwd=tmp, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("target", ["check", "build", "linkcheck", "serve"])
def test_the_builds_targets_install_only_the_build_requirements(target, tmp_path):
    commands = dry_run(target, tmp_path)
    assert "pip install --quiet --disable-pip-version-check -r requirements.txt" in commands
    assert "requirements-test.txt" not in commands


@pytest.mark.parametrize("target", ["test", "bench"])
def test_test_and_bench_install_the_test_requirements_too(target, tmp_path):
    commands = dry_run(target, tmp_path)
    assert commands.index("-r requirements.txt") < commands.index("-r requirements-test.txt")
    assert "touch .venv/.installed-test" in commands


def test_the_test_tools_are_kept_out_of_the_build_requirements():
    tests = (ROOT / "requirements-test.txt").read_text(encoding="utf-8").splitlines()
    assert "-r requirements.txt" in tests
    build = {line.split("==")[0].lower() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if "==" in line}
    for tool in ("pytest", "pytest-xdist", "hypothesis", "playwright", "axe-playwright-python"):
        assert tool not in build
        assert any(line.lower().startswith(f"{tool}==") for line in tests), tool



def test_a_pull_requests_build_leaves_out_the_classroom_copy(tmp_path, monkeypatch):
    """The preview of a pull request needs no classroom copy (a second full build of the
    site); a push to main makes it, as `make build` does by default (tests/test_offline.py)."""
    project = project_with_tools(tmp_path)
    runner = Runner(project, tmp_path, {}, {}, os.environ["PATH"])
    monkeypatch.delenv("YINGLIE_OFFLINE_DOWNLOAD", raising=False)  # the tests' default: the step decides
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request")
    result = runner.run(step("make build"))
    assert result.returncode == 0, result.stderr
    assert (project.site / "index.html").is_file()
    assert not (project.site / "downloads").exists()
    assert "yinglie-offline.zip" not in (project.site / "index.html").read_text(encoding="utf-8")
