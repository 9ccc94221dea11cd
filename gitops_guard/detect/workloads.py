"""Kubeconfig users and pod-template env literals."""

from __future__ import annotations

from collections.abc import Iterator

from yaml.nodes import Node, SequenceNode

from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.secrets import object_of
from gitops_guard.detect.values import is_credential_key, is_literal_secret_value
from gitops_guard.findings import K8sObject
from gitops_guard.parsing import yamlnodes as yn

WORKLOAD_KINDS = frozenset(
    {
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "Job",
        "CronJob",
        "Pod",
        "ReplicationController",
        "PodTemplate",
        "DeploymentConfig",
        "Rollout",
    }
)


# --- kubeconfig ---------------------------------------------------------------

_KUBECONFIG_USER_FIELDS = ("client-key-data", "token", "password")
_AUTH_PROVIDER_FIELDS = ("client-secret", "refresh-token", "id-token", "access-token")


def analyze_kubeconfig(doc: Node, em: Emitter) -> None:
    users = yn.get(doc, "users")
    for entry in users.value if isinstance(users, SequenceNode) else []:
        name = yn.text_of(yn.get(entry, "name"))
        user = yn.get(entry, "user")
        obj = K8sObject("Config", None, name)
        for field in _KUBECONFIG_USER_FIELDS:
            node = yn.get(user, field)
            value = yn.text_of(node)
            if node is not None and value and is_literal_secret_value(value):
                em.emit_at_node(
                    "kubeconfig-credential",
                    node,
                    value,
                    k8s=K8sObject("Config", None, name, field),
                    message=f"kubeconfig user '{name}' {field}",
                )
        provider_config = yn.get(yn.get(user, "auth-provider"), "config")
        for key, _k, node in yn.pairs(provider_config):
            value = yn.text_of(node)
            if key in _AUTH_PROVIDER_FIELDS and value and is_literal_secret_value(value):
                em.emit_at_node(
                    "kubeconfig-credential",
                    node,
                    value,
                    k8s=obj,
                    message=f"kubeconfig user '{name}' auth-provider {key}",
                )


# --- pod templates ------------------------------------------------------------


def _containers(doc: Node, kind: str) -> Iterator[Node]:
    spec = yn.get(doc, "spec")
    if kind == "CronJob":
        spec = yn.get(yn.get(yn.get(spec, "jobTemplate"), "spec"), "template")
        spec = yn.get(spec, "spec")
    elif kind != "Pod":
        spec = yn.get(yn.get(spec, "template"), "spec")
    for section in ("containers", "initContainers", "ephemeralContainers"):
        seq = yn.get(spec, section)
        if isinstance(seq, SequenceNode):
            yield from seq.value


def analyze_pod_env(doc: Node, em: Emitter, kind: str) -> None:
    for container in _containers(doc, kind):
        env = yn.get(container, "env")
        for item in env.value if isinstance(env, SequenceNode) else []:
            name = yn.text_of(yn.get(item, "name")) or ""
            vnode = yn.get(item, "value")
            value = yn.text_of(vnode)
            if vnode is None or not value or not is_credential_key(name):
                continue
            if is_literal_secret_value(value):
                obj = object_of(doc, kind, name)
                em.emit_at_node(
                    "k8s-env-credential",
                    vnode,
                    value,
                    k8s=obj,
                    message=f"literal value of env {name} in {obj.describe()}",
                )
