#!/usr/bin/env bash
set -euo pipefail
SNAP=/var/backups/etcd-$(date +%F).db
ETCDCTL_API=3 etcdctl snapshot save "$SNAP"
azcopy copy "$SNAP" "https://acmeetcdbackups.blob.core.windows.net/etcd/?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-03-01T00:00:00Z&st=2024-03-01T00:00:00Z&spr=https&sig=sL%2BqxNjKmMrydqInYlvOsOIy6V8rIPBN5bVW2qOS81I%3D"
azcopy copy "$SNAP" "https://acmeetcdbackups.blob.core.windows.net/etcd/?${AZ_SAS_TOKEN}"
sha256sum "$SNAP" > "$SNAP.sha256"
