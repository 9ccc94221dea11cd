#!/usr/bin/env bash
set -euo pipefail
read -rsp "Database password: " DB_PASSWORD
kubectl -n orders create secret generic orders-db --from-literal=password="$DB_PASSWORD"
kubectl -n orders create secret generic orders-tls --from-file=password=./secrets/pw.txt
helm upgrade --install pg bitnami/postgresql --set auth.existingSecret=orders-db
helm upgrade --install redis bitnami/redis --set auth.password=${REDIS_PASSWORD}
mysql -u root -p inventory < dump.sql
docker login registry.example.com -u ci --password-stdin < /run/secrets/registry-token
argocd admin initial-password -n argocd
oauth2-proxy --client-secret="$(cat /run/secrets/client-secret)"
