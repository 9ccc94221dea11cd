#!/bin/sh
set -eu
curl -fsS -u healthcheck:seGCNLHxrbESKxYcWz https://api.acme-shop.io/internal/health
curl -fsS -H "Authorization: Bearer ${SMOKE_TOKEN}" https://api.acme-shop.io/v1/ping
curl -fsS -u "$METRICS_USER:$METRICS_PASSWORD" https://metrics.acme-shop.io/-/ready
mysql -h reports-db.internal -u report -p'jo3wWffMScvSVg' reports < queries/daily.sql
