FROM golang:1.22-bookworm AS build
ARG SSH_PRIVATE_KEY
RUN --mount=type=ssh git clone git@github.com:acme-platform/internal-libs.git /src/libs
RUN --mount=type=secret,id=deploy_key,target=/root/.ssh/id_ed25519 make vendor
