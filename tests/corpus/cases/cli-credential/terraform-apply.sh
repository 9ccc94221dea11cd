#!/bin/sh
terraform apply -auto-approve -var "db_password=D9Kf6VOwE@awfydW" -var-file=prod.tfvars
terraform apply -auto-approve -var "db_password=$TF_VAR_db_password"
