#!/usr/bin/env bash
set -euo pipefail
docker login -u ci-pusher -p 'SwDW8opC1c4KnB-EWj' harbor.acme.internal
echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
helm repo add acme https://charts.acme.internal --username ci --password waqvr5fs6foh+jzp
helm registry login ghcr.io --username acme-bot --password-stdin < /run/secrets/ghcr
kubectl -n db create secret generic pg-admin --from-literal=username=postgres --from-literal=password=Q3rNVBISnzAIi0oP=kN7
kubectl -n db create secret generic pg-app --from-literal=password="$PG_APP_PASSWORD"
argocd login argocd.acme.io --username admin --password 'Velvet-Harbor-6365%' --grpc-web
vault login -method=userpass username=ops password=IAeaIHXM6rtl!xB2
mysql -h legacy-db.acme.internal -uroot -paVGMjY3aOr#pGz -e 'SELECT 1'
redis-cli -h redis-master -a 'zokN6UFz7gevw4fD%eD6' PING
curl -sfu admin:n5TOmKNfRgaf!5zE https://nexus.acme.internal/service/rest/v1/status
curl -sf -H "Authorization: Bearer ${NEXUS_TOKEN}" https://nexus.acme.internal/service/rest/v1/status
curl -sf -H "PRIVATE-TOKEN: glpat-Lw0z5kca1_PgvQ-eKL7O" https://gitlab.acme.io/api/v4/projects
sshpass -p 'eQyZrFtaKg+VXP' ssh -o StrictHostKeyChecking=no root@10.20.9.4 uptime
az login --service-principal -u 2d16382e-0d64-4cd4-88e3-3307e435b721 -p 'YaY8Q~9v9.uEf4IhOKF.xjaUMwFmYpDec2IUGTrv' --tenant e018682d-38b9-4016-946b-0500a6d14db0
mc alias set backup https://minio.acme.internal minio-admin 'Cil75ZYPVVOtuhSKlybg+nIf'
htpasswd -bBc /etc/nginx/htpasswd ops 'Fna2NVaferqg%5ez'
gh auth login --with-token < ~/.config/gh/token.txt
