#!/usr/bin/env bash
set -euo pipefail
mkdir -p ~/.ssh && chmod 700 ~/.ssh
cat > ~/.ssh/id_ed25519 <<'EOF'
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
egYPo/2Gty1B+z9keq5bprPgSsUTcSjTjgwQ3uYaNfZvSc67NOHZlw3WU21I3MoMbiBaEM
VLhOiqhvZzFpNOYvVekG3MwgpkPA9j+o4qTfriYR0KTHOKTKRtlxX9w450Tks+IJlMUkGD
OHmAjMo/qODEwC43lNqV9PpRoS1iWvKIeB4YqIjEojumW+EevRcFwHb0vu+KHSzDQvi9TJ
8ZxOi5/UEn9Ia+S8f55X9lixkU7Ckj8u2Rx8pi4bekEnHc4wT2AiI3Ok6xvCC3rm/ctxzV
W8o5ySq1jBufUSxYekCM7lTc26bJCR
-----END OPENSSH PRIVATE KEY-----
EOF
chmod 600 ~/.ssh/id_ed25519
ssh-keyscan gitlab.example.com >> ~/.ssh/known_hosts
