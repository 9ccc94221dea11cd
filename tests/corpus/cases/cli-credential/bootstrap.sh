#!/usr/bin/env bash
set -euo pipefail
kubectl create namespace orders --dry-run=client -o yaml | kubectl apply -f -
kubectl -n orders create secret generic orders-db --from-literal=username=orders --from-literal=password='2s9Y30Gv0gV8%DlG'
kubectl -n orders create secret docker-registry regcred --docker-server=registry.example.com --docker-username=ci --docker-password=cGsq0qbhxxsNK%Qbbnwq
helm upgrade --install pg bitnami/postgresql -n orders --set auth.postgresPassword=g71rhtYge+x0HkMd --set auth.database=orders
mysql -u root -pS3cret inventory < dump.sql
argocd login argocd.example.com --username admin --password 'qF64yDDNc0N00p' --grpc-web
docker login registry.example.com -u ci -p pe2sC9P+FJlqVit9PD
az login --service-principal -u eb0a36c7-b81c-4c70-a5cb-8a5df479e8af -p pwE1Q~oDu.tVNzSggOaRFMO3LVvkJX.X~XUA43Yz --tenant 04f9d95f-a69c-4d84-906e-ab3b55e24f19
