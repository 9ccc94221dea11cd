#!/usr/bin/env bash
# One-off: seeds the secrets for a fresh cluster.
set -euo pipefail
kubectl -n orders create secret generic orders-db \
  --from-literal=username=orders \
  --from-literal=password='OsKGn570VeRCntJdUQ' \
  --dry-run=client -o yaml | kubectl apply -f -

kubectl -n orders create secret tls orders-tls --cert=tls.crt --key=tls.key
kubectl -n orders create secret generic orders-api --from-env-file=./orders.env
kubectl -n monitoring create secret generic grafana-admin \
  --from-literal=admin-password="$(openssl rand -base64 24)"
htpasswd -bc auth ops 'sB81JbQTKzJWUg'
