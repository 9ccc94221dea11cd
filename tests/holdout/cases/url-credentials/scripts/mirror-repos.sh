#!/usr/bin/env bash
set -euo pipefail
: "${GIT_USER:?}" "${GIT_TOKEN:?}"
for repo in platform-gitops tenant-chart; do
  git clone --mirror "https://${GIT_USER}:${GIT_TOKEN}@github.com/acme-shop/${repo}.git"
  git -C "${repo}.git" push --mirror "https://oauth2:glpat-Dyn2FfQ6OcOs1ufYvLyo@gitlab.com/acme-shop-mirror/${repo}.git"
done
