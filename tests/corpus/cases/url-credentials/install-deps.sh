#!/usr/bin/env bash
set -euo pipefail
pip install --index-url https://ci-reader:QmBBVVUJ40l7gv-L@nexus.example.com/repository/pypi/simple -r requirements.txt
git remote set-url origin https://release-bot:ghp_itVF0bUAP671hyjnoFM4AfpFT4OiIFqrC3jt@github.com/example-org/api.git
curl -fsS -H "Authorization: Basic bWV0cmljczpzX3d2MWRteFBHbjR4RA==" https://pushgateway.example.com/metrics/job/deploy
git clone "https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.example.com/platform/charts.git"
curl -fsS -H "Authorization: Basic $(printf '%s:%s' "$PG_USER" "$PG_PASS" | base64)" https://pushgateway.example.com/
