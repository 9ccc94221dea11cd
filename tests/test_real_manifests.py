"""Real public manifests (read from ../shared/real beside the project; skipped
when that folder is absent). kubernetes/examples commits demo Secrets;
argocd-example-apps holds only a few dummy demo passwords."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import SHARED

from gitops_guard.commands.scan import scan_paths

REAL = SHARED / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not beside the project")

K8S_SECRETS = {
    "_archived/persistent-volume-provisioning/glusterfs/glusterfs-secret.yaml",
    "_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml",
    "_archived/persistent-volume-provisioning/rbd/ceph-secret-admin.yaml",
    "_archived/persistent-volume-provisioning/rbd/ceph-secret-user.yaml",
    "_archived/volumes/azure_file/secret/azure-secret.yaml",
    "_archived/volumes/cephfs/secret/ceph-secret.yaml",
    "_archived/volumes/iscsi/chap-secret.yaml",
    "_archived/volumes/rbd/secret/ceph-secret.yaml",
    "_archived/volumes/scaleio/secret.yaml",
    "_archived/volumes/storageos/storageos-secret.yaml",
}


def test_kubernetes_examples_every_committed_secret_and_credential():
    report = scan_paths([str(REAL / "kubernetes-examples")])
    assert not report.errors
    objects = {f.path for f in report.findings if f.rule_id == "k8s-secret"}
    assert objects == K8S_SECRETS
    values = Counter(f.path for f in report.findings if f.rule_id == "k8s-secret-value")
    assert set(values) == K8S_SECRETS  # every Secret has its password or key reported
    assert values["_archived/volumes/iscsi/chap-secret.yaml"] == 4  # four CHAP passwords, no usernames
    keys = {f.k8s.key for f in report.findings if f.rule_id == "k8s-secret-value"}
    assert not {k for k in keys if "username" in k.lower() or k.endswith("name")}
    # The {{config_data}} template Secrets hold no value.
    assert not any("newrelic" in f.path for f in report.findings)


def test_argocd_example_apps_only_the_dummy_passwords():
    report = scan_paths([str(REAL / "argocd-example-apps")])
    assert not report.errors
    assert {f.secret for f in report.findings} == {"fake_password", "foo", "bar", "baz"}
