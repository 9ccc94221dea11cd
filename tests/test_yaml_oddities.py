"""YAML oddities must neither hide a leak nor move its line."""

from __future__ import annotations

import base64

from conftest import found


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_data_before_kind(scan):
    text = f"data:\n  password: {b64('pa55-Word')}\nmetadata:\n  name: db\napiVersion: v1\nkind: Secret\n"
    assert found(scan("s.yaml", text)) == {(2, "k8s-secret-value"), (6, "k8s-secret")}


def test_kind_after_long_metadata(scan):
    labels = "".join(f"    label-{i}: value-{i}\n" for i in range(60))
    text = f"apiVersion: v1\nmetadata:\n  name: db\n  labels:\n{labels}type: Opaque\nkind: Secret\nstringData:\n  token: tok-3xample\n"
    kind_line = 4 + 60 + 2
    assert found(scan("s.yaml", text)) == {(kind_line, "k8s-secret"), (kind_line + 2, "k8s-secret-value")}


def test_block_scalars_report_first_content_line(scan):
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata: {name: cfg}\nstringData:\n"
        "  password: |\n\n    Literal-Pass-1\n"
        "  api-token: >\n    folded-token-2\n"
    )
    assert found(scan("s.yaml", text)) == {
        (2, "k8s-secret"),
        (7, "k8s-secret-value"),
        (9, "k8s-secret-value"),
    }


def test_wrapped_base64_in_folded_block(scan):
    encoded = b64("a-long-wrapped-password-value-0123456789")
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata: {name: wrapped}\ndata:\n"
        f"  password: >-\n    {encoded[:20]}\n    {encoded[20:]}\n"
    )
    result = scan("s.yaml", text)
    assert found(result) == {(2, "k8s-secret"), (6, "k8s-secret-value")}
    value = next(f for f in result.findings if f.rule_id == "k8s-secret-value")
    assert value.secret == "a-long-wrapped-password-value-0123456789"


def test_anchor_reported_once_where_written(scan):
    text = (
        "defaults:\n  dbPassword: &pw Anch0red-Pass\n"
        "primary:\n  dbPassword: *pw\nreplica:\n  <<: {dbPassword: *pw}\n"
    )
    assert found(scan("values.yaml", text)) == {(2, "generic-credential")}


def test_multi_document_with_empty_documents(scan):
    text = (
        "---\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        "---\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\nstringData:\n  password: MultiDoc-9\n---\n"
    )
    assert found(scan("all.yaml", text)) == {(11, "k8s-secret"), (14, "k8s-secret-value")}


def test_utf8_bom_is_ignored_with_a_warning(scan):
    text = "\ufeffapiVersion: v1\nkind: Secret\nmetadata: {name: bom}\nstringData:\n  password: B0m-Pass\n"
    result = scan("bom.yaml", text.encode("utf-8"))
    assert found(result) == {(2, "k8s-secret"), (5, "k8s-secret-value")}
    assert any("byte order mark" in w for w in result.warnings)


def test_crlf_line_endings(scan):
    text = "apiVersion: v1\r\nkind: Secret\r\nmetadata:\r\n  name: crlf\r\nstringData:\r\n  password: Crlf-Pass-7\r\n"
    result = scan("crlf.yaml", text)
    assert found(result) == {(2, "k8s-secret"), (6, "k8s-secret-value")}
    assert next(f.secret for f in result.findings if f.rule_id == "k8s-secret-value") == "Crlf-Pass-7"


def test_tabs_make_yaml_invalid_but_the_line_fallback_finds_the_leak(scan):
    text = "apiVersion: v1\nkind: Secret\nmetadata:\n\tname: tabbed\nstringData:\n  password: Tab-Pass-3\n"
    result = scan("tabs.yaml", text)
    assert found(result) == {(2, "k8s-secret"), (6, "k8s-secret-value")}
    assert any("not valid YAML" in w for w in result.warnings)


def test_non_utf8_bytes_are_replaced_and_the_rest_scanned(scan):
    data = b"# caf\xe9 config\napiVersion: v1\nkind: Secret\nmetadata: {name: latin}\nstringData:\n  password: Latin1-Pass\n"
    result = scan("latin1.yaml", data)
    assert found(result) == {(3, "k8s-secret"), (6, "k8s-secret-value")}
    assert any("not valid UTF-8" in w for w in result.warnings)


def test_duplicate_keys_both_values_scanned(scan):
    text = "apiVersion: v1\nkind: Secret\nmetadata: {name: dup}\nstringData:\n  password: First-Pass-1\n  password: Second-Pass-2\n"
    result = scan("dup.yaml", text)
    assert found(result) == {(2, "k8s-secret"), (5, "k8s-secret-value"), (6, "k8s-secret-value")}


def test_helm_template_fallback_finds_literal_and_skips_template_line(scan):
    text = (
        "{{- if .Values.enabled }}\n"
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "app.fullname" . }}\ndata:\n'
        "  smtp_password: {{ .Values.smtp.password | quote }}\n"
        "  admin_password: Lit3ral-In-Template\n"
        "{{- end }}\n"
    )
    result = scan("templates/cm.yaml", text)
    assert found(result) == {(8, "generic-credential")}
    assert any("line by line" in w for w in result.warnings)


def test_templated_secret_in_fallback(scan):
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\ndata:\n"
        "  password: {{ .Values.password | b64enc }}\n"
        f"  legacy-token: {b64('legacy-T0ken-x')}\n"
    )
    assert found(scan("templates/secret.yaml", text)) == {(2, "k8s-secret"), (7, "k8s-secret-value")}


def test_kind_list_items_are_secrets_too(scan):
    text = (
        "apiVersion: v1\nkind: List\nitems:\n"
        "  - apiVersion: v1\n    kind: Secret\n    metadata: {name: one}\n    stringData:\n      password: List-Pass-1\n"
    )
    assert found(scan("list.yaml", text)) == {(5, "k8s-secret"), (8, "k8s-secret-value")}


def test_key_order_does_not_matter(scan):
    base = ["apiVersion: v1", "kind: Secret", "metadata: {name: ord}", "stringData: {password: Order-Pass-4}"]
    for order in ([0, 1, 2, 3], [3, 2, 1, 0], [2, 3, 0, 1]):
        text = "\n".join(base[i] for i in order) + "\n"
        result = scan("o.yaml", text)
        lines = {f.rule_id: f.line for f in result.findings}
        assert lines == {"k8s-secret": order.index(1) + 1, "k8s-secret-value": order.index(3) + 1}


def test_binary_and_lfs_files_are_skipped_with_a_reason(scan):
    assert scan("chart.tgz", b"\x1f\x8b\x08\x00binary").skip_reason == "binary"
    assert scan("blob.bin", b"abc\x00def").skip_reason == "binary"
    lfs = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"a" * 64 + b"\nsize 123\n"
    assert scan("big.yaml", lfs).skip_reason == "git-lfs-pointer"


def test_merge_keys_bring_values_into_a_secret(scan):
    text = (
        "x-common: &c {password: Merged-In-Pass-1}\n"
        "apiVersion: v1\nkind: Secret\nmetadata: {name: merged}\nstringData:\n  <<: *c\n  user: app\n"
    )
    result = scan("s.yaml", text)
    assert found(result) == {(3, "k8s-secret"), (1, "k8s-secret-value")}
    inline = "apiVersion: v1\nkind: Secret\nmetadata: {name: m}\nstringData:\n  <<: {token: Inline-Merge-2}\n"
    assert found(scan("s.yaml", inline)) == {(2, "k8s-secret"), (5, "k8s-secret-value")}


def test_fallback_finds_flow_mappings_and_broken_json(scan):
    template = '{{- if .Values.db }}\ndb: {password: "Flow-Tpl-Pass-3", user: app}\nother: {"apiToken": "Flow-Tpl-Tok-4"}\n{{- end }}\n'
    result = scan("templates/cfg.yaml", template)
    assert found(result) == {(2, "generic-credential"), (3, "generic-credential")}
    assert {f.secret for f in result.findings} == {"Flow-Tpl-Pass-3", "Flow-Tpl-Tok-4"}
    broken = '{"db": {"password": "Broken-Json-5"}, "x": [1,,2]}\n'
    assert found(scan("cfg.json", broken)) == {(1, "generic-credential")}


def test_utf16_without_bom_is_converted_with_a_warning(scan):
    text = "apiVersion: v1\nkind: Secret\nmetadata: {name: u16}\nstringData:\n  password: Utf16-Pass-6\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        result = scan("s.yaml", text.encode(encoding))
        assert found(result) == {(2, "k8s-secret"), (5, "k8s-secret-value")}
        assert any("UTF-16" in w for w in result.warnings)
